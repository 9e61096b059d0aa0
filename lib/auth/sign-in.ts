import "server-only";
import type { Db } from "@/lib/db/client";
import { TooManyAttemptsError } from "@/lib/errors";
import { getLimiters, type Limiters } from "@/lib/rate-limit/limiters";
import { hashPassword, verifyPassword } from "./passwords";

export const WRONG_CREDENTIALS_MESSAGE = "That email and password do not match an account.";

// A hash to verify against when the email is unknown, so that a wrong email costs as long as a
// wrong password and response times do not reveal which emails have accounts.
let unknownUserHash: Promise<string> | undefined;
function hashForUnknownUser(): Promise<string> {
  unknownUserHash ??= hashPassword("smriti-unknown-user");
  return unknownUserHash;
}

export type SignedInUser = { id: string; email: string; name: string | null };

/** Where a sign-in comes from. */
export type SignInClient = {
  /** The client's address (lib/rate-limit/client-ip). */
  ip?: string;
  /** The id of this email's device cookie when the client brought a valid one (lib/auth/sign-in-device). */
  deviceId?: string | null;
  /** The counters; the app's own by default. */
  limiters?: Limiters;
};

/**
 * Checks an email (normalised) and password; returns null for wrong credentials, throws
 * TooManyAttemptsError when the client may not try now. OWASP's device-cookie scheme: a client with this
 * email's device cookie is counted per device, and is never refused because of failures elsewhere; other
 * clients are counted per email and per address. Each attempt is counted before the password is checked,
 * atomically in the counters' store, so that concurrent attempts can never check more passwords than the
 * limit; a success gives its count back. The counters keep time by rate-limiter-flexible's own clock;
 * `now` is kept for callers and the accounts' own rules.
 */
export async function signInWithPassword(db: Db, email: string, password: string, now: Date, client: SignInClient = {}): Promise<SignedInUser | null> {
  const limiters = client.limiters ?? getLimiters();
  const deviceKey = client.deviceId ? `${email}\n${client.deviceId}` : null;
  // A device past its own limit is treated as any other client.
  const trusted = deviceKey !== null && (await limiters.signInDevice.take(deviceKey)) === null;
  if (!trusted) await takeUntrustedAttempt(limiters, email, client.ip);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), password);
  if (!user || !valid) return null;
  if (trusted) await limiters.signInDevice.reset(deviceKey);
  else {
    await limiters.signInEmail.reset(email);
    if (client.ip) await limiters.signInIp.giveBack(client.ip);
  }
  return { id: user.id, email: user.email, name: user.name };
}

async function takeUntrustedAttempt(limiters: Limiters, email: string, ip: string | undefined) {
  if (ip) {
    const wait = await limiters.signInIp.take(ip);
    if (wait !== null) throw tooMany("from your network", wait);
  }
  const wait = await limiters.signInEmail.take(email);
  if (wait !== null) {
    // Refused before any password was checked: not a failure of this address.
    if (ip) await limiters.signInIp.giveBack(ip);
    throw tooMany("for this email", wait);
  }
}

function tooMany(what: string, seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new TooManyAttemptsError(`Too many failed sign-ins ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, seconds);
}
