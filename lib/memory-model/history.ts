import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";

/** One card's ratings in order, each with the user's calendar day it was given on (days since 1970-01-01). */
export type ReviewSequence = { ratings: number[]; days: number[] };

/** A review log row as the fit needs it. */
export type LoggedRating = { cardId: string; rating: number; stateBefore: number; localDay: number | null; reviewedAt: Date };

/** Cards whose logs are read per query: a few thousand rows, read through the (cardId, reviewedAt) index. */
const CARDS_PER_QUERY = 500;
const MS_PER_DAY = 86_400_000;

/**
 * The user's ratings (flashcards and quiz answers alike) as one sequence per card. Read a few hundred
 * cards at a time through ReviewLog's (cardId, reviewedAt) index, and never in one query: SQLite's driver
 * is synchronous, and a heavy user's 100,000 rows in one go (or pages sorted by anything the index does
 * not give) would hold up every other request for seconds.
 */
export async function loadReviewSequences(db: Db, userId: string): Promise<{ sequences: ReviewSequence[] }> {
  const cards = await db.card.findMany({ where: { userId }, select: { id: true } });
  const logs: LoggedRating[] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_QUERY) {
    const cardIds = cards.slice(i, i + CARDS_PER_QUERY).map((card) => card.id);
    logs.push(
      ...(await db.reviewLog.findMany({
        where: { cardId: { in: cardIds } },
        select: { cardId: true, rating: true, stateBefore: true, localDay: true, reviewedAt: true },
      })),
    );
  }
  return { sequences: reviewSequences(logs) };
}

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
