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

/** What the scheduler is built from. */
export type SchedulerParameters = { desiredRetention: number };

/**
 * The one place an FSRS scheduler is built, one per set of parameters; fuzz off, so the same history
 * always gives the same schedule.
 */
const schedulers = new Map<string, FSRS>();
export function schedulerFor(parameters: SchedulerParameters): FSRS {
  const key = JSON.stringify(parameters);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs({ request_retention: parameters.desiredRetention, enable_fuzz: false });
    schedulers.set(key, scheduler);
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
