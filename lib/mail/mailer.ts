import "server-only";
import { z } from "zod";

export type Mail = { to: string; subject: string; text: string };

/** Sends one mail; how depends on the environment (mailerFromEnv). */
export type Mailer = { kind: "smtp" | "log"; send(mail: Mail): Promise<void> };

const booleanText = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** SMTP_* environment variables. SMTP_HOST switches SMTP on; SMTP_FROM is then required. */
export const smtpEnvSchema = z
  .object({
    SMTP_HOST: z.string().min(1),
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
    // true: TLS from the start (port 465); false: STARTTLS when the server offers it (587, 25).
    SMTP_SECURE: booleanText.optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_FROM: z.string().min(3, "SMTP_FROM is required with SMTP_HOST, e.g. Smriti <no-reply@smriti.example>"),
  })
  .transform((env) => ({ ...env, SMTP_SECURE: env.SMTP_SECURE ?? env.SMTP_PORT === 465 }));

export type SmtpEnv = z.infer<typeof smtpEnvSchema>;

/**
 * SMTP when SMTP_HOST is set (nodemailer), otherwise the server log: in development a reset link is
 * printed where the person running the server can copy it. Invalid SMTP_* settings throw with zod's
 * message, so that a misconfiguration is not mistaken for a sent mail.
 */
export function mailerFromEnv(env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.info): Mailer {
  if (!env.SMTP_HOST) {
    return {
      kind: "log",
      async send(mail) {
        log(`[mail] SMTP is not configured (set SMTP_HOST and SMTP_FROM to send mail); this mail was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}`);
      },
    };
  }
  const smtp = smtpEnvSchema.parse(env);
  return {
    kind: "smtp",
    async send(mail) {
      const nodemailer = await import("nodemailer");
      const transport = nodemailer.createTransport({
        host: smtp.SMTP_HOST,
        port: smtp.SMTP_PORT,
        secure: smtp.SMTP_SECURE,
        auth: smtp.SMTP_USER ? { user: smtp.SMTP_USER, pass: smtp.SMTP_PASSWORD ?? "" } : undefined,
      });
      await transport.sendMail({ from: smtp.SMTP_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** The mail with a password reset link. */
export function passwordResetMail(to: string, link: string, minutes: number): Mail {
  return {
    to,
    subject: "Reset your Smriti password",
    text: [
      "Someone (we hope you) asked to reset the password of your Smriti account.",
      "",
      `Choose a new password here, within ${minutes} minutes: ${link}`,
      "",
      "The link works once. If you did not ask for it, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}
