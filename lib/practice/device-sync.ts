import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { syncRatings, type DeviceRating, type SyncResult } from "./sync";

/**
 * Ratings a device kept for one account, sent under the current session: refused whole when the
 * session is another account's (two accounts on one phone), so that they wait on the device for their
 * own account to sign in again and are never stored, or dropped as unknown cards, under the wrong one.
 */
export async function syncDeviceRatings(db: Db, sessionUserId: string, batch: { userId?: string; ratings: readonly DeviceRating[] }, now: Date): Promise<SyncResult> {
  if (batch.userId !== undefined && batch.userId !== sessionUserId) {
    throw new ConflictError("These ratings were kept on this device for another account: sign in as that account to send them.", "other_account");
  }
  return syncRatings(db, sessionUserId, batch.ratings, now);
}
