import "server-only";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConflictError, TooManyAttemptsError } from "@/lib/errors";
import { getLimiters, type Limiters } from "@/lib/rate-limit/limiters";
import type { Registration } from "@/lib/validation/account";
import { hashPassword } from "./passwords";

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead.";

/**
 * Creates an account with default settings. The email must already be normalised by registrationSchema.
 * Every attempt counts towards the client address's sign-ups per hour (TooManyAttemptsError past it).
 */
export async function registerUser(db: Db, registration: Registration, client: { ip?: string; limiters?: Limiters } = {}): Promise<{ id: string }> {
  if (client.ip) {
    const wait = await (client.limiters ?? getLimiters()).signUpIp.take(client.ip);
    if (wait !== null) {
      const minutes = Math.max(1, Math.ceil(wait / 60));
      throw new TooManyAttemptsError(`Too many sign-ups from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, wait);
    }
  }
  const existing = await db.user.findUnique({ where: { email: registration.email }, select: { id: true } });
  if (existing) throw new ConflictError(EMAIL_TAKEN_MESSAGE);
  const passwordHash = await hashPassword(registration.password);
  try {
    const user = await db.user.create({
      data: { email: registration.email, name: registration.name, passwordHash, settings: { create: {} } },
      select: { id: true },
    });
    return user;
  } catch (error) {
    // Two sign-ups for one email at once: the unique index decides, the loser gets the same answer.
    if (isUniqueViolation(error)) throw new ConflictError(EMAIL_TAKEN_MESSAGE);
    throw error;
  }
}
