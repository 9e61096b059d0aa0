import type { Db } from "@/lib/db/client";
import { ConflictError, RejectedFieldError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { CARD_STATE_SELECT, cardStateFromJson, type CardState } from "@/lib/srs/card-state";
import { ratingName, type RatingName } from "@/lib/srs/schedule";
import { RECALL_TYPES } from "./items";
import { policyOfStored, type SchedulingPolicy } from "./policy";
import { byTime, replayRatings, STORED_LOG_SELECT, type HistoryEntry } from "./replay";
import { StaleCardError } from "./reviews";

/** A rating made on a device, possibly offline and possibly long before it reaches the server. */
export type DeviceRating = { reviewId: string; cardId: string; rating: RatingName; reviewedAt: Date; durationMs: number };

/**
 * What became of one rating: stored now, stored before (a retry, or the other copy of a duplicate), or
 * refused because its card is not a flashcard of this user's (the device should drop it: no retry helps).
 */
export type SyncStatus = "applied" | "known" | "unknown_card";

export type SyncedCard = { cardId: string; due: Date; stability: number; difficulty: number; reps: number; lapses: number; state: number };

export type SyncResult = { ratings: { reviewId: string; status: SyncStatus }[]; cards: SyncedCard[] };

/** Ratings older than this are refused: a device's queue that old is a stale copy, not a day's work. */
export const MAX_RATING_AGE_MS = 30 * 86_400_000;
/** Phones' clocks drift: a rating this far ahead of the server's clock still counts as made now. */
export const CLOCK_SKEW_ALLOWANCE_MS = 2 * 60_000;

// Two devices syncing one card at once: the loser re-reads the card's log and replays again.
const MAX_ATTEMPTS = 8;

/**
 * Stores ratings made on devices (offline, or on two phones) in each card's log in the order they were
 * made, and recomputes each touched card by replaying its log through ts-fsrs from the first rating that
 * arrived out of order: so the card ends exactly where it would had every rating reached the server at
 * the moment it was made, whichever device syncs first.
 *
 * Idempotent by `reviewId`: a retried batch, or a rating in it twice, changes nothing more. Each card is
 * written in one transaction, only over the version of the card it was computed from; a concurrent sync
 * of the same card makes this one re-read and replay again. Logs after the insertion point are deleted
 * and inserted again with their recomputed state, so the database's rollup triggers (which count
 * inserts and deletes) keep StudyDay and FlashcardTopicTally equal to the log.
 */
export async function syncRatings(db: Db, userId: string, ratings: readonly DeviceRating[], now: Date): Promise<SyncResult> {
  ratings.forEach((rating, index) => checkReviewedAt(rating.reviewedAt, now, index));
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { desiredRetention: true, examDate: true, timeZone: true, fsrsParameters: true } });
  const policy = policyOfStored(settings);

  const byCard = new Map<string, DeviceRating[]>();
  for (const rating of ratings) byCard.set(rating.cardId, [...(byCard.get(rating.cardId) ?? []), rating]);

  const statuses = new Map<string, SyncStatus>();
  const cards: SyncedCard[] = [];
  for (const [cardId, cardRatings] of byCard) {
    const synced = await syncCard(db, userId, cardId, cardRatings, policy);
    if (!synced) {
      for (const rating of cardRatings) statuses.set(rating.reviewId, "unknown_card");
      continue;
    }
    for (const [reviewId, status] of synced.statuses) statuses.set(reviewId, status);
    cards.push(synced.card);
  }
  return { ratings: ratings.map(({ reviewId }) => ({ reviewId, status: statuses.get(reviewId)! })), cards };
}

function checkReviewedAt(reviewedAt: Date, now: Date, index: number) {
  const field = `ratings.${index}.reviewedAt`;
  if (reviewedAt.getTime() > now.getTime() + CLOCK_SKEW_ALLOWANCE_MS) throw new RejectedFieldError(field, "A rating cannot be made in the future; check the device's clock.");
  if (reviewedAt.getTime() < now.getTime() - MAX_RATING_AGE_MS) throw new RejectedFieldError(field, "Ratings older than 30 days are not accepted.");
}

async function syncCard(
  db: Db,
  userId: string,
  cardId: string,
  ratings: readonly DeviceRating[],
  policy: SchedulingPolicy,
): Promise<{ statuses: Map<string, SyncStatus>; card: SyncedCard } | null> {
  for (let attempt = 1; ; attempt++) {
    const card = await db.card.findFirst({
      where: { id: cardId, userId },
      select: { ...CARD_STATE_SELECT, id: true, version: true, item: { select: { type: true, topic: true } } },
    });
    // Quiz questions' cards are rated by answering them; somebody else's card is nobody's business here.
    if (!card || !(RECALL_TYPES as readonly string[]).includes(card.item.type)) return null;
    const [logs, elsewhere] = await Promise.all([
      db.reviewLog.findMany({
        where: { cardId },
        select: STORED_LOG_SELECT,
      }),
      db.reviewLog.findMany({ where: { reviewId: { in: ratings.map((rating) => rating.reviewId) }, cardId: { not: cardId } }, select: { reviewId: true, userId: true } }),
    ]);
    // A review id is the device's promise of uniqueness; one held by another account is refused, never merged.
    if (elsewhere.some((log) => log.userId !== userId)) throw new ConflictError("A review id in this batch is already taken.");

    const statuses = new Map<string, SyncStatus>();
    const known = new Set([...logs.map((log) => log.reviewId), ...elsewhere.map((log) => log.reviewId)]);
    const arriving: HistoryEntry[] = [];
    for (const rating of ratings) {
      if (known.has(rating.reviewId)) {
        // A second copy in this batch answers as its first did.
        if (!statuses.has(rating.reviewId)) statuses.set(rating.reviewId, "known");
        continue;
      }
      known.add(rating.reviewId);
      statuses.set(rating.reviewId, "applied");
      arriving.push({ reviewId: rating.reviewId, rating: rating.rating, reviewedAt: rating.reviewedAt, durationMs: rating.durationMs, stored: null });
    }
    if (arriving.length === 0) return { statuses, card: syncedCard(cardId, card) };

    // The stored log in the order its ratings were applied (each snapshot's reps), the arrivals merged in by time.
    const stored = logs
      .sort((a, b) => cardStateFromJson(a.cardBefore).reps - cardStateFromJson(b.cardBefore).reps)
      .map((log): HistoryEntry => ({ reviewId: log.reviewId, rating: ratingName(log.rating), reviewedAt: log.reviewedAt, durationMs: log.durationMs, stored: log }));
    const history = mergeByTime(stored, arriving.sort(byTime));
    const firstArrival = history.findIndex((entry) => entry.stored === null);
    // The card as it stood just before the first arrival: the snapshot of the stored rating it goes in front of, or the card itself.
    const replayFrom = firstArrival < stored.length ? cardStateFromJson(stored[firstArrival]!.stored!.cardBefore) : card;
    const rewritten = replayRatings(userId, cardId, card.item.topic, replayFrom, history.slice(firstArrival), policy);
    const after = rewritten[rewritten.length - 1]!.after;

    try {
      await db.$transaction(async (tx) => {
        const { count } = await tx.card.updateMany({ where: { id: cardId, version: card.version }, data: { ...after, version: card.version + 1 } });
        if (count === 0) throw new StaleCardError();
        const replaced = history.slice(firstArrival).flatMap((entry) => (entry.stored ? [entry.stored.id] : []));
        if (replaced.length > 0) await tx.reviewLog.deleteMany({ where: { id: { in: replaced } } });
        await tx.reviewLog.createMany({ data: rewritten.map((row) => row.log) });
      });
      return { statuses, card: syncedCard(cardId, after) };
    } catch (error) {
      const raced = error instanceof StaleCardError || isUniqueViolation(error);
      if (raced && attempt < MAX_ATTEMPTS) continue;
      if (raced) throw new ConflictError("These cards were being changed from elsewhere; send the ratings again.");
      throw error;
    }
  }
}

/** Both lists in order; each arrival goes before the first stored rating made after it. */
function mergeByTime(stored: HistoryEntry[], arriving: HistoryEntry[]): HistoryEntry[] {
  const merged: HistoryEntry[] = [];
  let next = 0;
  for (const entry of stored) {
    while (next < arriving.length && byTime(arriving[next]!, entry) < 0) merged.push(arriving[next++]!);
    merged.push(entry);
  }
  return [...merged, ...arriving.slice(next)];
}

function syncedCard(cardId: string, state: CardState): SyncedCard {
  return { cardId, due: state.due, stability: state.stability, difficulty: state.difficulty, reps: state.reps, lapses: state.lapses, state: state.state };
}
