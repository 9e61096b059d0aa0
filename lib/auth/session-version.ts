import "server-only";
import type { Db } from "@/lib/db/client";

/**
 * Whether a session signed in at `version` is still good: the account exists and its password has not
 * changed or been reset since (each raises User.sessionVersion). Sessions from before versions existed
 * carry none and count as version 0. One primary-key lookup.
 */
export async function sessionIsCurrent(db: Db, userId: string, version: unknown): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user !== null && user.sessionVersion === (typeof version === "number" ? version : 0);
}
