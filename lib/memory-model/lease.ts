import type { Db } from "@/lib/db/client";

/**
 * Long enough for any fit (FIT_TIMEOUT_MS) with room to store it; a lease left by a crashed instance
 * lapses after it and the user can be fitted again.
 */
export const FIT_LEASE_MS = 10 * 60_000;

/**
 * Takes the user's fit lease for `owner` when nobody holds a live one: one conditional UPDATE, atomic on
 * SQLite and PostgreSQL alike, so of two instances asking at once exactly one gets it. The row is made
 * first if the user has none (ON CONFLICT DO NOTHING, which both databases accept).
 */
export async function acquireFitLease(db: Db, userId: string, owner: string, now: Date): Promise<boolean> {
  await db.$executeRaw`INSERT INTO "MemoryModel" ("userId", "reviewsAtFit") VALUES (${userId}, 0) ON CONFLICT ("userId") DO NOTHING`;
  const { count } = await db.memoryModel.updateMany({
    where: { userId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + FIT_LEASE_MS) },
  });
  return count === 1;
}

/** Gives the lease back, if `owner` still holds it (after a lapse another owner may). */
export async function releaseFitLease(db: Db, userId: string, owner: string): Promise<void> {
  await db.memoryModel.updateMany({ where: { userId, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } });
}
