import { publicRoute } from "@/app/api/_shared/handler";
import { resetPassword } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";
import { passwordResetSchema } from "@/lib/validation/account";

/** Sets a new password from a reset link's token; signs out every session of the account. */
export const POST = publicRoute({ body: passwordResetSchema }, async ({ body }) => {
  await resetPassword(getDb(), body.token, body.password, new Date());
  return { reset: true };
});
