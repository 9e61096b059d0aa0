import { fsrs, Rating, State, type Grade } from "ts-fsrs";
import type { Random } from "@/lib/content/generate/random";
import type { Db } from "@/lib/db/client";
import type { LoggedRating } from "@/lib/memory-model/history";
import { DEFAULT_PARAMETERS } from "@/lib/memory-model/parameters";

const MS_PER_DAY = 86_400_000;

/** A learner who forgets faster than FSRS's defaults assume: the fit has something to find. */
export const FAST_FORGETTER: readonly number[] = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 0.25 : i === 8 ? w * 0.7 : w));

export type SyntheticCard = { cardId: string; stability: number; difficulty: number; lastReview: Date; due: Date };
export type SyntheticHistory = { logs: LoggedRating[]; cards: SyntheticCard[] };

export type SyntheticHistoryOptions = {
  /** The learner's true memory: recall is drawn from these parameters' forgetting curve. */
  trueParameters: readonly number[];
  cards: number;
  newCardsPerDay: number;
  /** Day 0 of the history, at 00:00 UTC; ratings are at 10:00 UTC, the same calendar day in Asia/Kolkata. */
  start: Date;
  /** The history ends before this day (counted from start). */
  days: number;
  random: Random;
};

/**
 * A review history as Smriti would have logged it: cards introduced `newCardsPerDay` a day and scheduled
 * with the default parameters at retention 0.9, while the learner's recall follows `trueParameters`. A
 * pass is "good" (sometimes "hard" or "easy"), a failure "again" and seen the next day.
 */
export function syntheticHistory(options: SyntheticHistoryOptions): SyntheticHistory {
  const scheduler = fsrs({ w: [...DEFAULT_PARAMETERS], request_retention: 0.9, enable_fuzz: false });
  const truth = fsrs({ w: [...options.trueParameters], enable_fuzz: false });
  const logs: LoggedRating[] = [];
  const cards: SyntheticCard[] = [];
  const at = (day: number) => new Date(options.start.getTime() + day * MS_PER_DAY + 10 * 3_600_000);
  const startDay = Math.floor(options.start.getTime() / MS_PER_DAY);
  for (let index = 0; index < options.cards; index++) {
    const cardId = `synthetic-${index}`;
    let day = Math.floor(index / options.newCardsPerDay);
    if (day >= options.days) break;
    const draw = options.random();
    let grade: Grade = draw < 0.2 ? Rating.Again : draw < 0.9 ? Rating.Good : Rating.Easy;
    let believed = scheduler.next_state(null, 0, grade);
    let actual = truth.next_state(null, 0, grade);
    logs.push({ cardId, rating: grade, stateBefore: State.New, localDay: startDay + day, reviewedAt: at(day) });
    for (;;) {
      const next: number = day + (grade === Rating.Again ? 1 : scheduler.next_interval(believed.stability, 0));
      if (next >= options.days) {
        cards.push({ cardId, stability: believed.stability, difficulty: believed.difficulty, lastReview: at(day), due: at(next) });
        break;
      }
      const elapsed: number = next - day;
      day = next;
      const recalled: boolean = options.random() < truth.forgetting_curve(elapsed, actual.stability);
      const style = options.random();
      grade = !recalled ? Rating.Again : style < 0.1 ? Rating.Hard : style < 0.95 ? Rating.Good : Rating.Easy;
      believed = scheduler.next_state(believed, elapsed, grade);
      actual = truth.next_state(actual, elapsed, grade);
      logs.push({ cardId, rating: grade, stateBefore: State.Review, localDay: startDay + day, reviewedAt: at(day) });
    }
  }
  return { logs, cards };
}

const CHUNK = 2_000;

/**
 * Stores a synthetic history for a user: a Card per synthetic card on `itemIds` (one each, in order) and
 * its ReviewLog rows; the StudyDay rollups follow from the database's triggers as for real ratings.
 */
export async function storeSyntheticHistory(db: Db, userId: string, history: SyntheticHistory, itemIds: readonly string[]): Promise<void> {
  if (history.cards.length > itemIds.length) throw new Error(`${history.cards.length} cards need as many items; got ${itemIds.length}`);
  const cardIds = new Map<string, string>();
  const rows = history.cards.map((card, index) => {
    const id = `${userId}-${card.cardId}`;
    cardIds.set(card.cardId, id);
    return {
      id,
      userId,
      itemId: itemIds[index]!,
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      state: State.Review,
      reps: 1,
      lastReview: card.lastReview,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await db.card.createMany({ data: rows.slice(i, i + CHUNK) });
  const logs = history.logs.map((log, index) => ({
    reviewId: `${userId}-log-${index}`,
    userId,
    cardId: cardIds.get(log.cardId)!,
    rating: log.rating,
    origin: "flashcard",
    reviewedAt: log.reviewedAt,
    stateBefore: log.stateBefore,
    state: log.rating === Rating.Again ? State.Relearning : State.Review,
    due: log.reviewedAt,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    cardBefore: "{}",
    localDay: log.localDay,
  }));
  for (let i = 0; i < logs.length; i += CHUNK) await db.reviewLog.createMany({ data: logs.slice(i, i + CHUNK) });
}
