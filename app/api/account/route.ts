import { userRoute } from "@/app/api/_shared/handler";
import { deleteAccount } from "@/lib/auth/delete-account";
import { clearedSessionCookie } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db/client";
import { accountDeletionSchema } from "@/lib/validation/account";

/** Deletes the account and all its data once confirmed with the email or password; drops the session cookie. */
export const DELETE = userRoute({ body: accountDeletionSchema }, async (userId, { body }) => {
  await deleteAccount(getDb(), userId, body.confirmation, new Date());
  return Response.json({ deleted: true }, { headers: { "Cache-Control": "no-store", "Set-Cookie": clearedSessionCookie() } });
});
