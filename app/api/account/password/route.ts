import type { NextRequest } from "next/server";
import { userRoute } from "@/app/api/_shared/handler";
import { changePassword } from "@/lib/auth/password-reset";
import { renewedSessionCookie, sessionTokenOf } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db/client";
import { passwordChangeSchema } from "@/lib/validation/account";

/** Changes the password; every other session is signed out, this one is renewed with the new session version. */
export const POST = userRoute({ body: passwordChangeSchema }, async (userId, { body, request }) => {
  const { sessionVersion } = await changePassword(getDb(), userId, body.currentPassword, body.newPassword);
  const token = await sessionTokenOf(request as NextRequest);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (token) headers.append("Set-Cookie", await renewedSessionCookie(token, sessionVersion));
  return Response.json({ changed: true }, { headers });
});
