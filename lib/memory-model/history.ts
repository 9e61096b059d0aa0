import { State } from "ts-fsrs";

/** One card's ratings in order, each with the user's calendar day it was given on (days since 1970-01-01). */
export type ReviewSequence = { ratings: number[]; days: number[] };

/** A review log row as the fit needs it. */
export type LoggedRating = { cardId: string; rating: number; stateBefore: number; localDay: number | null; reviewedAt: Date };

const MS_PER_DAY = 86_400_000;

/**
 * Groups ratings by card in time order. A card's sequence must start at its introduction (the rating given
 * when it was new): fsrs-rs counts the first review's interval as 0 and learns initial stability from it,
 * so cards whose first rating is missing from the log are left out. Days are the user's local days, the
 * unit FSRS counts intervals in; a rating stored before ReviewLog.localDay existed falls back to its UTC day.
 */
export function reviewSequences(logs: readonly LoggedRating[]): ReviewSequence[] {
  const byCard = new Map<string, LoggedRating[]>();
  for (const log of logs) {
    const list = byCard.get(log.cardId) ?? [];
    list.push(log);
    byCard.set(log.cardId, list);
  }
  const sequences: ReviewSequence[] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    if (list[0]!.stateBefore !== State.New) continue;
    sequences.push({
      ratings: list.map((log) => log.rating),
      days: list.map((log) => log.localDay ?? Math.floor(log.reviewedAt.getTime() / MS_PER_DAY)),
    });
  }
  return sequences;
}

/**
 * How many ratings the fit can learn from: those given on a later day than the card's previous rating
 * (fsrs-rs' "long-term" reviews). Same-day ratings only refine short-term memory.
 */
export function trainingReviewCount(sequences: readonly ReviewSequence[]): number {
  let count = 0;
  for (const { days } of sequences) {
    for (let i = 1; i < days.length; i++) if (days[i]! > days[i - 1]!) count++;
  }
  return count;
}
