import { fsrs, Rating, type Card as FsrsCard, type FSRS, type Grade } from "ts-fsrs";
import { fromFsrsCard, toFsrsCard, type CardState } from "./card-state";

export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];

const GRADES: Record<RatingName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export function gradeOf(rating: RatingName): Grade {
  return GRADES[rating];
}

export function ratingName(grade: number): RatingName {
  return RATINGS[grade - 1]!;
}

/** What the scheduler is built from: the retention target and the user's fitted weights (null: ts-fsrs' defaults). */
export type SchedulerParameters = { desiredRetention: number; weights?: readonly number[] | null };

/**
 * The one place an FSRS scheduler is built; fuzz off, so the same history always gives the same schedule.
 * Default-weight schedulers are kept, one per retention; a user's own weights (lib/memory-model) are cheap to
 * build and too many to keep.
 */
const defaultSchedulers = new Map<number, FSRS>();
export function schedulerFor({ desiredRetention, weights = null }: SchedulerParameters): FSRS {
  if (weights) return fsrs({ request_retention: desiredRetention, enable_fuzz: false, w: [...weights] });
  let scheduler = defaultSchedulers.get(desiredRetention);
  if (!scheduler) {
    scheduler = fsrs({ request_retention: desiredRetention, enable_fuzz: false });
    defaultSchedulers.set(desiredRetention, scheduler);
  }
  return scheduler;
}

/**
 * What may move a card's due date after ts-fsrs has scheduled it, passed in as ts-fsrs takes its own
 * strategies: plain FSRS leaves it, exam mode (lib/readiness/exam-mode) pulls it before the exam.
 */
export type DueDateStrategy = <C extends FsrsCard>(card: C, now: Date, scheduler: FSRS) => C;

export const plainFsrs: DueDateStrategy = (card) => card;

/** How a user's cards are scheduled: the scheduler and what moves its due dates. */
export type Scheduling = { scheduler: FSRS; dueDate: DueDateStrategy };

/** The card after a rating at `now`: ts-fsrs' schedule, then the due-date strategy. */
export function scheduleCard(current: CardState, rating: RatingName, now: Date, scheduling: Scheduling): CardState {
  const { card } = scheduling.scheduler.next(toFsrsCard(current), now, gradeOf(rating));
  return fromFsrsCard(scheduling.dueDate(card, now, scheduling.scheduler));
}

/** The due date each rating would give, for the rating buttons. */
export function previewDueDates(current: CardState, now: Date, scheduling: Scheduling): Record<RatingName, Date> {
  const preview = scheduling.scheduler.repeat(toFsrsCard(current), now);
  return Object.fromEntries(
    RATINGS.map((rating) => [rating, scheduling.dueDate(preview[gradeOf(rating)].card, now, scheduling.scheduler).due]),
  ) as Record<RatingName, Date>;
}
