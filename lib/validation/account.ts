import { z } from "zod";
import { text } from "@/lib/validation/text";

export const MIN_PASSWORD_LENGTH = 8;
// argon2 hashes any length, but a cap keeps a hostile request from costing seconds of CPU.
export const MAX_PASSWORD_LENGTH = 200;

/** Emails are compared trimmed and in lower case, so "  Asha@Example.in" and "asha@example.in" are one account. */
export const emailSchema =
  text({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const passwordSchema =
  text({ error: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters for your password.`);

export const registrationSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: text().trim().max(100, "Use at most 100 characters for your name.").optional().transform((name) => name || undefined),
});
export type Registration = z.infer<typeof registrationSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: text().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(MAX_PASSWORD_LENGTH),
  newPassword: passwordSchema,
});

export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

export const passwordResetSchema = z.strictObject({
  // newResetToken's 32 bytes in base64url are 43 characters.
  token: z.string({ error: "The reset link is incomplete." }).regex(/^[A-Za-z0-9_-]{43}$/, "The reset link is incomplete: open it again from the mail, or ask for a new one."),
  password: passwordSchema,
});

export const CONFIRM_DELETION_MESSAGE = "Type your email address or your password to confirm.";

/** Deleting the account: the user types their email address or their password to confirm. */
export const accountDeletionSchema = z.strictObject({
  confirmation: text({ error: CONFIRM_DELETION_MESSAGE }).min(1, CONFIRM_DELETION_MESSAGE).max(MAX_PASSWORD_LENGTH),
});
export type AccountDeletion = z.infer<typeof accountDeletionSchema>;
