import { fsrs, Rating, State, type Card as FsrsCard, type FSRS, type Grade } from "ts-fsrs";
import { applyExamDateLimit, type ExamLimit } from "@/lib/readiness/exam-mode";

/** The FSRS fields of a Card row, as stored. */
export type CardState = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

/** Prisma `select` for a Card row's FSRS columns: the fields of CardState. */
export const CARD_STATE_SELECT = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

/** The same columns for raw SQL, of the Card table aliased `c`. */
export const CARD_STATE_COLUMNS_SQL = `c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays", c."learningSteps", c."reps", c."lapses", c."state", c."lastReview"`;

/** Those columns as a raw query returns them (a driver may give strings, bigints or Dates) as a CardState. */
export function cardStateOfRow(row: Record<keyof CardState, unknown>): CardState {
  return {
    due: new Date(row.due as string | Date),
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsedDays),
    scheduledDays: Number(row.scheduledDays),
    learningSteps: Number(row.learningSteps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: Number(row.state),
    lastReview: row.lastReview === null ? null : new Date(row.lastReview as string | Date),
  };
}

export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];

const GRADES: Record<RatingName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export function gradeOf(rating: RatingName): Grade {
  return GRADES[rating];
}

export function ratingName(grade: number): RatingName {
  return RATINGS[grade - 1]!;
}

/**
 * The FSRS scheduler for a desired retention and the user's own parameters (null: ts-fsrs' defaults); fuzz
 * off, so the same history always gives the same schedule. Default-parameter schedulers are kept, one per
 * retention; a user's own are cheap to build and too many to keep.
 */
const defaultSchedulers = new Map<number, FSRS>();
export function schedulerFor(desiredRetention: number, parameters: readonly number[] | null = null): FSRS {
  if (parameters) return fsrs({ request_retention: desiredRetention, enable_fuzz: false, w: [...parameters] });
  let scheduler = defaultSchedulers.get(desiredRetention);
  if (!scheduler) {
    scheduler = fsrs({ request_retention: desiredRetention, enable_fuzz: false });
    defaultSchedulers.set(desiredRetention, scheduler);
  }
  return scheduler;
}

export function toFsrsCard(row: CardState): FsrsCard {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.lastReview ?? undefined,
  };
}

export function fromFsrsCard(card: FsrsCard): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/**
 * What the user's settings add to plain FSRS: their retention target, their fitted parameters when they
 * have adopted some (lib/memory-model), and, with an exam date, exam mode.
 */
export type SchedulingPolicy = { desiredRetention: number; examDate: string | null; timeZone: string; parameters?: readonly number[] | null };

function examLimit(policy: SchedulingPolicy, now: Date, scheduler: FSRS): ExamLimit {
  return { examDate: policy.examDate, timeZone: policy.timeZone, targetRetention: policy.desiredRetention, now, scheduler };
}

/** The card after a rating at `now`: ts-fsrs' schedule, with no due date left past the exam when that would cost recall. */
export function scheduleCard(current: CardState, rating: RatingName, now: Date, policy: SchedulingPolicy): CardState {
  const scheduler = schedulerFor(policy.desiredRetention, policy.parameters);
  const { card } = scheduler.next(toFsrsCard(current), now, gradeOf(rating));
  return fromFsrsCard(applyExamDateLimit(card, examLimit(policy, now, scheduler)));
}

/** The due date each rating would give, for the rating buttons. */
export function previewDueDates(current: CardState, now: Date, policy: SchedulingPolicy): Record<RatingName, Date> {
  const scheduler = schedulerFor(policy.desiredRetention, policy.parameters);
  const preview = scheduler.repeat(toFsrsCard(current), now);
  const limit = examLimit(policy, now, scheduler);
  return Object.fromEntries(
    RATINGS.map((rating) => [rating, applyExamDateLimit(preview[gradeOf(rating)].card, limit).due]),
  ) as Record<RatingName, Date>;
}

export function newCardState(now: Date): CardState {
  return { due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: State.New, lastReview: null };
}
