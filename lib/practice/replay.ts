import { epochDayOf, localDayOf } from "@/lib/calendar/local-day";
import { tallyTopicOf } from "@/lib/db/rollup-rules";
import { logStatesOf, type CardState } from "@/lib/srs/card-state";
import { gradeOf, scheduleCard, type RatingName } from "@/lib/srs/schedule";
import { schedulingFor, type SchedulingPolicy } from "./policy";

/** A review log row as a replay needs it. */
export type StoredLog = {
  id: string;
  reviewId: string;
  rating: number;
  origin: string;
  reviewedAt: Date;
  durationMs: number;
  cardBefore: string;
  localDay: number | null;
  tallyTopic: string | null;
};

/** Prisma `select` for StoredLog. */
export const STORED_LOG_SELECT = {
  id: true,
  reviewId: true,
  rating: true,
  origin: true,
  reviewedAt: true,
  durationMs: true,
  cardBefore: true,
  localDay: true,
  tallyTopic: true,
} as const satisfies Record<keyof StoredLog, true>;

/** One rating in a card's history while it is being replayed: stored (with its row) or arriving now. */
export type HistoryEntry = { reviewId: string; rating: RatingName; reviewedAt: Date; stored: StoredLog | null; durationMs: number };

/** The order ratings apply in, the order they were made: earlier first; ratings made in the same millisecond in review-id order, so every device agrees. */
export function byTime(a: { reviewedAt: Date; reviewId: string }, b: { reviewedAt: Date; reviewId: string }): number {
  return a.reviewedAt.getTime() - b.reviewedAt.getTime() || (a.reviewId < b.reviewId ? -1 : a.reviewId > b.reviewId ? 1 : 0);
}

/**
 * The one replay rule: each rating applied in turn, from `from`, at the time it was made, with the user's
 * scheduling (their parameters, retention and exam mode), as ts-fsrs' own reschedule replays a history.
 * Gives the card after each rating and the log row that records it. A late offline rating (sync.ts) and
 * "reschedule my cards" (reschedule.ts) both go through here.
 */
export function replayRatings(userId: string, cardId: string, topic: string, from: CardState, entries: readonly HistoryEntry[], policy: SchedulingPolicy) {
  const scheduling = schedulingFor(policy);
  let before = from;
  return entries.map((entry) => {
    const after = scheduleCard(before, entry.rating, entry.reviewedAt, scheduling);
    const log = {
      // A stored rating keeps its row's identity, origin and calendar day; only what follows from the replay changes.
      ...(entry.stored ? { id: entry.stored.id } : {}),
      reviewId: entry.reviewId,
      userId,
      cardId,
      rating: gradeOf(entry.rating),
      origin: entry.stored?.origin ?? "flashcard",
      reviewedAt: entry.reviewedAt,
      durationMs: entry.durationMs,
      ...logStatesOf(before, after),
      localDay: entry.stored ? entry.stored.localDay : epochDayOf(localDayOf(entry.reviewedAt, policy.timeZone)),
      // A stored rating stays on the tally it was counted under (lib/db/rollup-rules), so undo takes it off that one.
      tallyTopic: entry.stored ? entry.stored.tallyTopic : tallyTopicOf("flashcard", topic),
    };
    before = after;
    return { log, after };
  });
}
