import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";

// Issuing reset tokens needs only the database: kept apart from the mail and rate limits of password-reset.ts
// (server-only), so that scripts and browser tests can issue a link as the app does.

/** A reset link works for this long after it is asked for. */
export const RESET_LINK_MINUTES = 60;

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
