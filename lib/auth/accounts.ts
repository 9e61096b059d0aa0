import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import type { Registration } from "@/lib/validation/account";
import { hashPassword } from "./passwords";

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead.";

/** Creates an account with default settings. The email must already be normalised by registrationSchema. */
export async function registerUser(db: Db, registration: Registration): Promise<{ id: string }> {
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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
