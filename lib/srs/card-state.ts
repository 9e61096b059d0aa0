import { State, type Card as FsrsCard } from "ts-fsrs";

/**
 * The FSRS fields of a Card row, as stored, and the one mapping between them and ts-fsrs' Card: every
 * row, raw query result and review-log snapshot becomes a CardState here, and a ts-fsrs card through it.
 */
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
} as const satisfies Record<keyof CardState, true>;

/** The same columns for raw SQL, of the Card table aliased `c`. */
export const CARD_STATE_COLUMNS_SQL = Object.keys(CARD_STATE_SELECT)
  .map((column) => `c."${column}"`)
  .join(", ");

/**
 * A CardState from those columns however they arrive: a raw query's (a driver may give strings, bigints
 * or Dates), Prisma's, or a review log's JSON snapshot (dates as ISO strings). Extra fields are dropped.
 */
export function cardStateOf(row: Record<keyof CardState, unknown>): CardState {
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
    lastReview: row.lastReview === null || row.lastReview === undefined ? null : new Date(row.lastReview as string | Date),
  };
}

/** The exact JSON snapshot of a card's FSRS fields kept in its review log (dates as ISO 8601 UTC). */
export function cardStateToJson(card: CardState): string {
  return JSON.stringify(cardStateOf(card));
}

/**
 * What a review log keeps of one rating's card states: the state before and the FSRS fields after, and
 * the whole card before as its JSON snapshot (what undo restores). One mapping for a rating made now and
 * for a rating replayed from a card's log.
 */
export function logStatesOf(before: CardState, after: CardState) {
  return {
    stateBefore: before.state,
    state: after.state,
    due: after.due,
    stability: after.stability,
    difficulty: after.difficulty,
    elapsedDays: after.elapsedDays,
    scheduledDays: after.scheduledDays,
    cardBefore: cardStateToJson(before),
  };
}

/** A review log's card-state columns, as logStatesOf gives them. */
export type LogStates = ReturnType<typeof logStatesOf>;

/** Prisma `select` for those columns: what a replay recomputes of a log row. */
export const LOG_STATES_SELECT = {
  stateBefore: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  cardBefore: true,
} as const satisfies Record<keyof LogStates, true>;

/** Those columns of a log row, and nothing else of it. */
export function pickLogStates(row: LogStates): LogStates {
  return Object.fromEntries(Object.keys(LOG_STATES_SELECT).map((column) => [column, row[column as keyof LogStates]])) as LogStates;
}

/** The card state stored in a review log's snapshot, with its dates revived. */
export function cardStateFromJson(json: string): CardState {
  return cardStateOf(JSON.parse(json) as Record<keyof CardState, unknown>);
}

export function toFsrsCard(card: CardState): FsrsCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: card.lastReview ?? undefined,
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

export function newCardState(now: Date): CardState {
  return { due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: State.New, lastReview: null };
}
