import { publicRoute } from "@/app/api/_shared/handler";
import { forgotPassword, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";
import { mailerFromEnv } from "@/lib/mail/mailer";
import { forgotPasswordSchema } from "@/lib/validation/account";

/** "Forgot password": the same 202 whether or not the email has an account. */
export const POST = publicRoute({ body: forgotPasswordSchema }, async ({ body }) => {
  const mailer = mailerFromEnv();
  const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  forgotPassword(getDb(), body.email, new Date(), { appUrl, send: (mail) => mailer.send(mail) });
  return Response.json({ message: RESET_REQUESTED_MESSAGE }, { status: 202 });
});
