import { userRoute } from "@/app/api/_shared/handler";
import { changePassword } from "@/lib/auth/password-reset";
import { getRequestSessionId } from "@/lib/auth/request-session";
import { getDb } from "@/lib/db/client";
import { passwordChangeSchema } from "@/lib/validation/account";

/** Changes the password; every other session of the account ends, this one stays signed in. */
export const POST = userRoute({ body: passwordChangeSchema }, async (userId, { body, request }) => {
  await changePassword(getDb(), userId, body.currentPassword, body.newPassword, await getRequestSessionId(request));
  return Response.json({ changed: true }, { headers: { "Cache-Control": "no-store" } });
});
