import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { api, ApiError } from "./api";

/**
 * The flashcard page's copy on the device (IndexedDB): the day's queue as last served, and the ratings
 * made while the server could not be reached, each with its review id and the time it was made, until
 * POST /api/reviews/sync has them. Browser-only.
 */

/** A rating kept on the device, with the card it rated (so that undo can put the card back offline). */
export type PendingRating<Card> = { reviewId: string; cardId: string; rating: "again" | "hard" | "good" | "easy"; reviewedAt: string; durationMs: number; card: Card };

type StoredQueue<Card> = { cards: Card[]; servedAt: string; savedAt: string };

interface OfflineSchema extends DBSchema {
  queue: { key: string; value: StoredQueue<unknown> };
  pending: { key: string; value: PendingRating<unknown> };
}

const DATABASE = "smriti-offline";
const TODAY = "today";
// The server takes 500; smaller batches keep each request well under its body limit on a slow line.
const SYNC_BATCH = 200;

let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;
function database() {
  opened ??= openDB<OfflineSchema>(DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore("queue");
      db.createObjectStore("pending", { keyPath: "reviewId" });
    },
  });
  return opened;
}

export async function saveQueue<Card>(cards: Card[], servedAt: string): Promise<void> {
  await (await database()).put("queue", { cards, servedAt, savedAt: new Date().toISOString() }, TODAY);
}

export async function storedQueue<Card>(): Promise<StoredQueue<Card> | undefined> {
  return (await (await database()).get("queue", TODAY)) as StoredQueue<Card> | undefined;
}

export async function keepRating<Card>(rating: PendingRating<Card>): Promise<void> {
  await (await database()).put("pending", rating);
}

/** Takes back a rating not yet sent; false when it was sent meanwhile (then the server's undo applies). */
export async function dropRating(reviewId: string): Promise<boolean> {
  const db = await database();
  const transaction = db.transaction("pending", "readwrite");
  const found = await transaction.store.get(reviewId);
  if (found) await transaction.store.delete(reviewId);
  await transaction.done;
  return found !== undefined;
}

/** The ratings waiting on this device, oldest first. */
export async function pendingRatings<Card>(): Promise<PendingRating<Card>[]> {
  const all = (await (await database()).getAll("pending")) as PendingRating<Card>[];
  return all.sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
}

type SyncAnswer = { ratings: { reviewId: string; status: "applied" | "known" | "unknown_card" }[] };

let syncing: Promise<number> | null = null;

/**
 * Sends the waiting ratings to the server and forgets each one it answered for (applied, already known,
 * or for a card that is no longer the user's). One sync at a time; a failed request keeps them all for
 * the next try, and a retried batch stores nothing twice. Returns how many are still waiting.
 */
export function syncPendingRatings(): Promise<number> {
  syncing ??= (async () => {
    try {
      const waiting = await pendingRatings();
      for (let start = 0; start < waiting.length; start += SYNC_BATCH) {
        const batch = waiting.slice(start, start + SYNC_BATCH).map(({ reviewId, cardId, rating, reviewedAt, durationMs }) => ({ reviewId, cardId, rating, reviewedAt, durationMs }));
        const answer = await api<SyncAnswer>("/api/reviews/sync", { body: { ratings: batch } });
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
}

/** A request that never reached the server (offline, a dropped connection), as opposed to one it refused. */
export function isNetworkFailure(error: unknown): boolean {
  return !(error instanceof ApiError);
}
