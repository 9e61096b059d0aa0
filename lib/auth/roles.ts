import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

export const ROLES = ["learner", "editor"] as const;
export type Role = (typeof ROLES)[number];

/**
 * The user's role, read from the database on every request that needs it (not carried in the session
 * token), so that `npm run user:role -- <email> learner` takes effect at once, on every instance, though
 * a session token lives 30 days. Null for a user that no longer exists.
 */
export async function roleOf(db: Db, userId: string): Promise<Role | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) return null;
  return user.role === "editor" ? "editor" : "learner";
}

/** Sets the role of the account with this email (normalised: trimmed, lower case). */
export async function setRole(db: Db, email: string, role: Role): Promise<{ id: string; email: string; role: Role }> {
  const normalised = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalised }, select: { id: true } });
  if (!user) throw new NotFoundError(`No account has the email ${normalised}.`);
  await db.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, email: normalised, role };
}
