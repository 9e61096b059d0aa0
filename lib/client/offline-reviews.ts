import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { SchedulingPolicy } from "@/lib/practice/scheduling";
import { api, ApiError } from "./api";

/**
 * The flashcard page's copy on the device (IndexedDB), one database per account: the day's queue as
 * last served (with the user's scheduling policy, so that ratings made offline are scheduled on the
 * device), and the ratings made while the server could not be reached, each with its review id and the
 * time it was made, until POST /api/reviews/sync has them. Two accounts on one phone never see or send
 * each other's: each sync names the account, and the server refuses it under another's session.
 * Browser-only.
 */

/** A rating kept on the device, with the card it rated (so that undo can put the card back offline). */
export type PendingRating<Card> = { reviewId: string; cardId: string; rating: "again" | "hard" | "good" | "easy"; reviewedAt: string; durationMs: number; card: Card };

export type StoredQueue<Card> = { cards: Card[]; servedAt: string; scheduling: SchedulingPolicy; savedAt: string };

interface OfflineSchema extends DBSchema {
  queue: { key: string; value: StoredQueue<unknown> };
  pending: { key: string; value: PendingRating<unknown> };
}

const TODAY = "today";
// The server takes 500; smaller batches keep each request well under its body limit on a slow line.
const SYNC_BATCH = 200;

/** The database of one account's copy. (Before accounts had their own, one "smriti-offline" was shared.) */
export function offlineDatabaseName(userId: string): string {
  return `smriti-offline-${userId}`;
}

type SyncAnswer = { ratings: { reviewId: string; status: "applied" | "known" | "unknown_card" }[] };

export type OfflineReviews = ReturnType<typeof createOfflineReviews>;

const stores = new Map<string, OfflineReviews>();

/** The device's copy for one account (one per page, whatever asks). */
export function offlineReviews(userId: string): OfflineReviews {
  let store = stores.get(userId);
  if (!store) {
    store = createOfflineReviews(userId);
    stores.set(userId, store);
  }
  return store;
}

function createOfflineReviews(userId: string) {
  let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;
  const database = () =>
    (opened ??= openDB<OfflineSchema>(offlineDatabaseName(userId), 1, {
      upgrade(db) {
        db.createObjectStore("queue");
        db.createObjectStore("pending", { keyPath: "reviewId" });
      },
    }));

  async function pendingRatings<Card>(): Promise<PendingRating<Card>[]> {
    const all = (await (await database()).getAll("pending")) as PendingRating<Card>[];
    return all.sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
  }

  let syncing: Promise<number> | null = null;

  return {
    userId,

    async saveQueue<Card>(cards: Card[], servedAt: string, scheduling: SchedulingPolicy): Promise<void> {
      await (await database()).put("queue", { cards, servedAt, scheduling, savedAt: new Date().toISOString() }, TODAY);
    },

    async storedQueue<Card>(): Promise<StoredQueue<Card> | undefined> {
      return (await (await database()).get("queue", TODAY)) as StoredQueue<Card> | undefined;
    },

    /** Forgets the queue (at sign-out); ratings still waiting stay, for this account only. */
    async forgetQueue(): Promise<void> {
      await (await database()).delete("queue", TODAY);
    },

    async keepRating<Card>(rating: PendingRating<Card>): Promise<void> {
      await (await database()).put("pending", rating);
    },

    /** Takes back a rating not yet sent; false when it was sent meanwhile (then the server's undo applies). */
    async dropRating(reviewId: string): Promise<boolean> {
      const db = await database();
      const transaction = db.transaction("pending", "readwrite");
      const found = await transaction.store.get(reviewId);
      if (found) await transaction.store.delete(reviewId);
      await transaction.done;
      return found !== undefined;
    },

    /** The ratings waiting on this device, oldest first. */
    pendingRatings,

    /**
     * Sends the waiting ratings to the server, named as this account's, and forgets each one it answered
     * for (applied, already known, or for a card that is no longer the user's). One sync at a time; a
     * failed request (offline, signed out, another account signed in) keeps them all for the next try,
     * and a retried batch stores nothing twice. Returns how many are still waiting.
     */
    syncPendingRatings(): Promise<number> {
      syncing ??= (async () => {
        try {
          const waiting = await pendingRatings();
          for (let start = 0; start < waiting.length; start += SYNC_BATCH) {
            const batch = waiting.slice(start, start + SYNC_BATCH).map(({ reviewId, cardId, rating, reviewedAt, durationMs }) => ({ reviewId, cardId, rating, reviewedAt, durationMs }));
            const answer = await api<SyncAnswer>("/api/reviews/sync", { body: { userId, ratings: batch } });
            const db = await database();
            const transaction = db.transaction("pending", "readwrite");
            await Promise.all([...answer.ratings.map((entry) => transaction.store.delete(entry.reviewId)), transaction.done]);
          }
        } catch (error) {
          // Offline, or the server busy: the ratings stay for the next try. A refusal is worth a console note.
          if (error instanceof ApiError) console.warn("Ratings not synced", error.body);
        } finally {
          syncing = null;
        }
        return (await pendingRatings()).length;
      })();
      return syncing;
    },

    /** Deletes this account's copy altogether (the account was deleted: nothing left to sync to). */
    async forgetAll(): Promise<void> {
      (await opened)?.close();
      opened = null;
      stores.delete(userId);
      await deleteDB(offlineDatabaseName(userId));
    },
  };
}

/** A request that never reached the server (offline, a dropped connection), as opposed to one it refused. */
export function isNetworkFailure(error: unknown): boolean {
  return !(error instanceof ApiError);
}
