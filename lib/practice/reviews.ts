import { hotSqlOf, type Db } from "@/lib/db/client";
import { prepared, preparedInsert, type HotSql, type HotWrite } from "@/lib/db/hot-sql";
import { newRowId } from "@/lib/db/row-id";
import { tallyTopicOf } from "@/lib/db/rollup-rules";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { ReviewInput } from "@/lib/validation/practice";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { CARD_STATE_SELECT, cardStateFromJson, cardStateOf, logStatesOf, type CardState } from "@/lib/srs/card-state";
import { gradeOf, ratingName, scheduleCard, type RatingName } from "@/lib/srs/schedule";
import { epochDayOf, localDayOf } from "@/lib/calendar/local-day";
import { RECALL_TYPES } from "./items";
import { policyOfJoined, schedulingFor, type SchedulingPolicy } from "./policy";

export type { ReviewInput };

export type ReviewResult = {
  reviewId: string;
  cardId: string;
  rating: RatingName;
  reviewedAt: Date;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
};

/** Where a rating comes from: a flashcard review, or a quiz answer scheduling the facts behind it. */
export type ReviewOrigin = "flashcard" | "quiz";

/**
 * A card as read for rating: its FSRS state, the version the rating will be applied to, and its item's
 * topic when the rating may count in a topic tally (a flashcard rating; null where none does).
 */
export type LoadedCard = { id: string; version: number; before: CardState; topic: string | null };

/** One rating to apply: which card, how, and the client's id for it. */
export type PlannedRating = { card: LoadedCard; rating: RatingName; reviewId: string; durationMs: number };

// Two ratings of one card racing: the loser re-reads the card and applies its rating on top, a few times at most.
export const MAX_ATTEMPTS = 4;

/** The card changed between reading it and writing the rating: read it again and recompute. */
export class StaleCardError extends Error {}

/** A Card row's FSRS columns, for the hot queries (lib/srs/card-state's CardState fields). */
export const CARD_STATE_COLUMNS = (Object.keys(CARD_STATE_SELECT) as (keyof CardState)[]).map((column) => `c.${column}` as const);

/**
 * The user's flashcard (a flashcard or cloze item's card) with the settings that schedule it, in one
 * query (a join Prisma would split in three).
 */
const cardWithPolicy = prepared((q, card: { id: string; userId: string }) =>
  q
    .selectFrom("Card as c")
    .innerJoin("BankItem as i", "i.id", "c.itemId")
    .leftJoin("UserSettings as s", "s.userId", "c.userId")
    .select([...CARD_STATE_COLUMNS, "c.id", "c.version", "i.type as itemType", "i.topic as itemTopic", "s.desiredRetention", "s.examDate", "s.timeZone", "s.fsrsParameters"])
    .where("c.id", "=", card.id)
    .where("c.userId", "=", card.userId),
);

async function loadCardWithPolicy(hot: HotSql, userId: string, cardId: string): Promise<{ card: LoadedCard; policy: SchedulingPolicy } | null> {
  const [row] = await hot.read(cardWithPolicy(hot, { id: cardId, userId }));
  // Quiz questions' cards are rated by answering them, never from the flashcard page.
  if (!row || !(RECALL_TYPES as readonly string[]).includes(row.itemType)) return null;
  return { policy: policyOfJoined(row), card: { id: row.id, version: Number(row.version), before: cardStateOf(row), topic: row.itemTopic } };
}

/**
 * Applies one rating to one card: the new FSRS state and its review log in one transaction.
 *
 * Idempotent by `reviewId`: a retry of a stored rating returns the stored result and changes nothing,
 * even when both copies arrive at once (the unique index on ReviewLog.reviewId decides). Safe under
 * concurrent ratings of the same card: the update only applies to the version of the card it was
 * computed from (Card.version), so a rating never overwrites another one it did not see; the loser
 * re-reads the card and applies its rating on top.
 *
 * Four statements on the straight path, through the hot SQL (lib/db/hot-sql): read the card joined with
 * the user's settings, then in one transaction update it (version-checked), insert the log, commit.
 */
export async function submitReview(
  db: Db,
  userId: string,
  input: ReviewInput,
  now: Date,
  origin: ReviewOrigin = "flashcard",
): Promise<ReviewResult> {
  const hot = hotSqlOf(db);
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadCardWithPolicy(hot, userId, input.cardId);
    // Somebody else's card, or one that does not exist: either way, nothing to show.
    if (!loaded) throw new NotFoundError("No such card.");
    const planned = planRatings(userId, [{ card: loaded.card, rating: input.rating, reviewId: input.reviewId, durationMs: input.durationMs }], loaded.policy, now, origin);
    try {
      await hot.transaction(ratingWrites(hot, planned, now));
      return planned.map(resultOf)[0]!;
    } catch (error) {
      if (isUniqueViolation(error)) return storedResult(hot, userId, input.reviewId);
      if (error instanceof StaleCardError && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof StaleCardError) throw new ConflictError("The card changed while this rating was saved; rate it again.");
      throw error;
    }
  }
}

/**
 * What each rating does: the card's new state and the log row that records it. The one statement of
 * how a rating is stored, for a flashcard rating and a quiz answer's ratings alike.
 */
export function planRatings(userId: string, ratings: readonly PlannedRating[], policy: SchedulingPolicy, now: Date, origin: ReviewOrigin) {
  const scheduling = schedulingFor(policy);
  // The day as the user lives it now; the database's triggers count the log into that day's rollup, and
  // a flashcard rating into its topic's tally (lib/db/rollup-rules.ts).
  const localDay = epochDayOf(localDayOf(now, policy.timeZone));
  return ratings.map(({ card, rating, reviewId, durationMs }) => {
    const after = scheduleCard(card.before, rating, now, scheduling);
    const log = {
      reviewId,
      userId,
      cardId: card.id,
      rating: gradeOf(rating),
      origin,
      reviewedAt: now,
      durationMs,
      ...logStatesOf(card.before, after),
      localDay,
      tallyTopic: tallyTopicOf(origin, card.topic),
    };
    return { card, rating, reviewId, after, log };
  });
}

const CARD_STATE_FIELDS = Object.keys(CARD_STATE_SELECT) as (keyof CardState)[];

/** A card's new state, written only over the version it was computed from (a rating's, a reschedule's). */
export const updateCard = prepared((q, update: CardState & { id: string; version: number; newVersion: number }) =>
  q
    .updateTable("Card")
    .set({ ...(Object.fromEntries(CARD_STATE_FIELDS.map((field) => [field, update[field]])) as CardState), version: update.newVersion })
    .where("id", "=", update.id)
    .where("version", "=", update.version),
);

const insertLogs = preparedInsert("ReviewLog");

function resultOf({ card, rating, reviewId, log, after }: PlannedWrite): ReviewResult {
  return {
    reviewId,
    cardId: card.id,
    rating,
    reviewedAt: log.reviewedAt,
    state: after.state,
    due: after.due,
    stability: after.stability,
    difficulty: after.difficulty,
    scheduledDays: after.scheduledDays,
  };
}

export type PlannedWrite = ReturnType<typeof planRatings>[number];

/**
 * The writes that store planned ratings, for one hot transaction: each card's new state, only over the
 * version it was computed from (else StaleCardError, which rolls the whole transaction back), then all
 * their logs in one insert (a reviewId already taken violates its unique index: rolled back too).
 */
export function ratingWrites(hot: HotSql, planned: readonly PlannedWrite[], now: Date): HotWrite[] {
  if (planned.length === 0) return [];
  return [
    ...planned.map(({ card, after }) => ({
      query: updateCard(hot, { ...after, id: card.id, version: card.version, newVersion: card.version + 1 }),
      orElse: () => new StaleCardError(),
    })),
    { query: insertLogs(hot, planned.map(({ log }) => ({ id: newRowId(now.getTime()), ...log }))) },
  ];
}

async function storedResult(hot: HotSql, userId: string, reviewId: string): Promise<ReviewResult> {
  const [log] = await hot.read(
    hot.q
      .selectFrom("ReviewLog")
      .select(["reviewId", "userId", "cardId", "rating", "reviewedAt", "state", "due", "stability", "difficulty", "scheduledDays"])
      .where("reviewId", "=", reviewId),
  );
  // A review id another user already used: theirs stays theirs, and this one is refused.
  if (!log || log.userId !== userId) throw new ConflictError("That review id is already taken.");
  return {
    reviewId: log.reviewId,
    cardId: log.cardId,
    rating: ratingName(Number(log.rating)),
    reviewedAt: new Date(log.reviewedAt),
    state: Number(log.state),
    due: new Date(log.due),
    stability: Number(log.stability),
    difficulty: Number(log.difficulty),
    scheduledDays: Number(log.scheduledDays),
  };
}

export type UndoResult = { reviewId: string; cardId: string; state: number; due: Date };

/**
 * Takes back a rating: the card returns exactly to its state before it and the log row goes, in one
 * transaction. Only the card's latest rating can be taken back (409 otherwise); the restore is
 * version-checked like a rating, so a rating arriving meanwhile is never overwritten. Once undone, the
 * review id is unknown again (404). Only flashcard ratings can be undone: a quiz answer's ratings stay.
 */
export async function undoReview(db: Db, userId: string, reviewId: string): Promise<UndoResult> {
  const hot = hotSqlOf(db);
  const [log] = await hot.read(
    hot.q
      .selectFrom("ReviewLog as l")
      .innerJoin("Card as c", "c.id", "l.cardId")
      .select(["l.id", "l.userId", "l.cardId", "l.origin", "l.cardBefore", "c.version", "c.reps"])
      .where("l.reviewId", "=", reviewId),
  );
  if (!log || log.userId !== userId) throw new NotFoundError("No such review.");
  // A quiz answer stands, and so do the ratings it made.
  if (log.origin !== "flashcard") throw new ConflictError("Ratings made by quiz answers cannot be undone.");
  const before = cardStateFromJson(log.cardBefore);
  const version = Number(log.version);
  // Every rating adds one rep, every undo takes it back: the card's latest rating is this one exactly when it has one rep more.
  if (Number(log.reps) !== before.reps + 1) throw new ConflictError("A later rating of this card exists; undo that one first.");
  await hot.transaction([
    {
      query: hot.q.updateTable("Card").set({ ...before, version: version + 1 }).where("id", "=", log.cardId).where("version", "=", version),
      orElse: () => new ConflictError("The card changed while undoing; try again."),
    },
    { query: hot.q.deleteFrom("ReviewLog").where("id", "=", log.id), orElse: () => new NotFoundError("No such review.") },
  ]);
  return { reviewId, cardId: log.cardId, state: before.state, due: before.due };
}
