import type { Db } from "@/lib/db/client";
import { TooManyAttemptsError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./passwords";

/** After this many failed sign-ins in a row, the email is locked for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
export const WRONG_CREDENTIALS_MESSAGE = "That email and password do not match an account.";

// A hash to verify against when the email is unknown, so that a wrong email costs as long as a
// wrong password and response times do not reveal which emails have accounts.
let unknownUserHash: Promise<string> | undefined;
function hashForUnknownUser(): Promise<string> {
  unknownUserHash ??= hashPassword("smriti-unknown-user");
  return unknownUserHash;
}

export type SignedInUser = { id: string; email: string; name: string | null; sessionVersion: number };

/**
 * Checks an email (normalised) and password. Throws TooManyAttemptsError while the email is locked
 * after repeated failures; returns null for wrong credentials.
 */
export async function signInWithPassword(db: Db, email: string, password: string, now: Date): Promise<SignedInUser | null> {
  const throttle = await db.signInThrottle.findUnique({ where: { email } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    throw lockedError(throttle.lockedUntil, now);
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), password);
  if (user && valid) {
    if (throttle) await db.signInThrottle.delete({ where: { email } });
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  }
  await recordFailure(db, email, now);
  return null;
}

async function recordFailure(db: Db, email: string, now: Date) {
  const row = await db.signInThrottle.upsert({
    where: { email },
    create: { email, failures: 1, lastFailureAt: now },
    update: { failures: { increment: 1 }, lastFailureAt: now },
  });
  if (row.failures >= MAX_FAILED_SIGN_INS) {
    const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await db.signInThrottle.update({ where: { email }, data: { lockedUntil, failures: 0 } });
    throw lockedError(lockedUntil, now);
  }
}

function lockedError(lockedUntil: Date, now: Date) {
  const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new TooManyAttemptsError(
    `Too many failed sign-ins for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    seconds,
  );
}
