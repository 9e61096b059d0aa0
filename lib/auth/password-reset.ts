import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { RejectedFieldError } from "@/lib/errors";
import { passwordResetMail, type Mail } from "@/lib/mail/mailer";
import { getLimiters, type Limiters } from "@/lib/rate-limit/limiters";
import { hashPassword, verifyPassword } from "./passwords";

/** A reset link works for this long after it is asked for. */
export const RESET_LINK_MINUTES = 60;

export const RESET_REQUESTED_MESSAGE = `If an account uses this email, a link to choose a new password is on its way. It works once, within ${RESET_LINK_MINUTES} minutes.`;

export const INVALID_RESET_LINK_MESSAGE =
  "This reset link is not valid: it may have expired, been used already, or been replaced by a newer one. Ask for a new link.";
export const WRONG_CURRENT_PASSWORD_MESSAGE = "That is not your current password.";

/** A new reset token: 32 random bytes, base64url. Randomness is a parameter of requestPasswordReset, so tests can fix it. */
export function newResetToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored of a token: its SHA-256, so that a copy of the database holds no usable link. */
export function resetTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type IssuedReset = { email: string; token: string; expiresAt: Date };

/**
 * Makes a reset token for the account with this (normalised) email, or returns null when there is none.
 * The caller answers both cases alike and sends the link only in the first. A new link replaces the
 * user's earlier ones (only the latest works).
 */
export async function requestPasswordReset(db: Db, email: string, now: Date, token: () => string = newResetToken): Promise<IssuedReset | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return null;
  const issued = { email: user.email, token: token(), expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) };
  await db.$transaction([
    db.passwordReset.deleteMany({ where: { userId: user.id } }),
    db.passwordReset.create({ data: { userId: user.id, tokenHash: resetTokenHash(issued.token), createdAt: now, expiresAt: issued.expiresAt } }),
  ]);
  return issued;
}

/**
 * Sets a new password from a reset token: the token must exist, be unused and unexpired, and is used up
 * in the same transaction (two uses at once: one wins). Ends every session of the account and lifts a
 * sign-in lock on the email. A bad token is a RejectedFieldError on "token".
 */
export async function resetPassword(db: Db, token: string, password: string, now: Date, limiters: Limiters = getLimiters()): Promise<void> {
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: resetTokenHash(token) }, select: { id: true, userId: true } });
    const claimed = reset
      ? await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      : { count: 0 };
    if (!reset || claimed.count !== 1) throw new RejectedFieldError("token", INVALID_RESET_LINK_MESSAGE);
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash },
      select: { email: true },
    });
    await tx.userSession.deleteMany({ where: { userId: reset.userId } });
    await tx.passwordReset.deleteMany({ where: { userId: reset.userId, id: { not: reset.id } } });
    return user.email;
  });
  // The owner has proved themselves by mail: failures counted against the email no longer hold them back.
  await limiters.signInEmail.reset(email);
}

/**
 * Changes a signed-in user's password, the current one required, and ends every other session of the
 * user: the one asking (`keepSessionId`, its token's sid) stays signed in; with null, none does.
 */
export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string, keepSessionId: string | null): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new RejectedFieldError("currentPassword", WRONG_CURRENT_PASSWORD_MESSAGE);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new RejectedFieldError("currentPassword", WRONG_CURRENT_PASSWORD_MESSAGE);
  const passwordHash = await hashPassword(newPassword);
  // Only if the password is still the one checked: a concurrent change or reset wins, this one is refused.
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (updated.count !== 1) throw new RejectedFieldError("currentPassword", WRONG_CURRENT_PASSWORD_MESSAGE);
    await tx.passwordReset.deleteMany({ where: { userId } });
    await tx.userSession.deleteMany({ where: keepSessionId === null ? { userId } : { userId, id: { not: keepSessionId } } });
  });
}

export type ForgotPasswordDeps = {
  /** The app's public address (NEXTAUTH_URL), never the request's Host header, which a caller controls. */
  appUrl: string;
  send: (mail: Mail) => Promise<void>;
  token?: () => string;
  onSendError?: (error: unknown) => void;
};

/**
 * "Forgot password": for an email with an account, a reset link is made and mailed (or logged, without
 * SMTP); for any other, nothing. Either way the caller says the same thing, and at once: the lookup, the
 * token and the mail all happen in the background (`delivery`, which settles when done, for tests), so
 * the time to answer does not tell the two cases apart. Failures are logged, never thrown at the caller.
 */
export function forgotPassword(db: Db, email: string, now: Date, deps: ForgotPasswordDeps): { delivery: Promise<void> } {
  const delivery = (async () => {
    const issued = await requestPasswordReset(db, email, now, deps.token);
    if (!issued) return;
    const link = `${deps.appUrl.replace(/\/+$/, "")}/reset-password#token=${issued.token}`;
    await deps.send(passwordResetMail(issued.email, link, RESET_LINK_MINUTES));
  })().catch((error: unknown) => {
    (deps.onSendError ?? ((e) => console.error("[mail] a password reset link could not be made or sent:", e)))(error);
  });
  return { delivery };
}
