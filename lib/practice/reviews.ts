import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Db } from "@/lib/db/client";
import { tallyTopicOf } from "@/lib/db/rollup-rules";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { ReviewInput } from "@/lib/validation/practice";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { CARD_STATE_COLUMNS_SQL, cardStateFromJson, cardStateOf, cardStateToJson, type CardState } from "@/lib/srs/card-state";
import { gradeOf, ratingName, scheduleCard, type RatingName } from "@/lib/srs/schedule";
import { epochDayOf, localDayOf } from "@/lib/calendar/local-day";
import { RECALL_TYPES } from "./items";
import { policyOfStored, schedulingFor, type SchedulingPolicy } from "./policy";

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

type Tx = Prisma.TransactionClient;

/** The card changed between reading it and writing the rating: read it again and recompute. */
export class StaleCardError extends Error {}

type CardWithPolicyRow = CardState & {
  id: string;
  version: number;
  itemType: string;
  itemTopic: string;
  desiredRetention: number | null;
  examDate: string | null;
  timeZone: string | null;
  fsrsParameters: string | null;
};

/**
 * The user's flashcard (a flashcard or cloze item's card) with the settings that schedule it, in one
 * query (a join Prisma would split in three). Column types come back as the ORM's (Date, number) from
 * both SQLite and PostgreSQL.
 */
async function loadCardWithPolicy(db: Db, userId: string, cardId: string): Promise<{ card: LoadedCard; policy: SchedulingPolicy } | null> {
  const rows = await db.$queryRaw<CardWithPolicyRow[]>(Prisma.sql`
    SELECT c."id", c."version", ${Prisma.raw(CARD_STATE_COLUMNS_SQL)}, i."type" AS "itemType", i."topic" AS "itemTopic",
           s."desiredRetention", s."examDate", s."timeZone", s."fsrsParameters"
    FROM "Card" c
    JOIN "BankItem" i ON i."id" = c."itemId"
    LEFT JOIN "UserSettings" s ON s."userId" = c."userId"
    WHERE c."id" = ${cardId} AND c."userId" = ${userId}`);
  const row = rows[0];
  // Quiz questions' cards are rated by answering them, never from the flashcard page.
  if (!row || !(RECALL_TYPES as readonly string[]).includes(row.itemType)) return null;
  // No settings row: the LEFT JOIN gives nulls.
  const settings = row.timeZone === null ? null : { desiredRetention: Number(row.desiredRetention), examDate: row.examDate, timeZone: row.timeZone, fsrsParameters: row.fsrsParameters };
  const policy = policyOfStored(settings);
  return { policy, card: { id: row.id, version: Number(row.version), before: cardStateOf(row), topic: row.itemTopic } };
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
 * Four queries on the straight path: read the card joined with the user's settings, then in one
 * transaction update it (version-checked), insert the log, commit.
 */
export async function submitReview(
  db: Db,
  userId: string,
  input: ReviewInput,
  now: Date,
  origin: ReviewOrigin = "flashcard",
): Promise<ReviewResult> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadCardWithPolicy(db, userId, input.cardId);
    // Somebody else's card, or one that does not exist: either way, nothing to show.
    if (!loaded) throw new NotFoundError("No such card.");
    try {
      const [result] = await db.$transaction((tx) =>
        writeRatings(tx, userId, [{ card: loaded.card, rating: input.rating, reviewId: input.reviewId, durationMs: input.durationMs }], loaded.policy, now, origin),
      );
      return result!;
    } catch (error) {
      if (isUniqueViolation(error)) return storedResult(db, userId, input.reviewId);
      if (error instanceof StaleCardError && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof StaleCardError) throw new ConflictError("The card changed while this rating was saved; rate it again.");
      throw error;
    }
  }
}

/**
 * Writes ratings inside a transaction: each card's new state, only over the version it was computed
 * from (else StaleCardError, which rolls everything back), then all their logs in one insert. A log's
 * reviewId already taken raises Prisma's P2002, which also rolls everything back.
 */
export async function writeRatings(
  tx: Tx,
  userId: string,
  ratings: readonly PlannedRating[],
  policy: SchedulingPolicy,
  now: Date,
  origin: ReviewOrigin,
): Promise<ReviewResult[]> {
  const scheduling = schedulingFor(policy);
  const planned = ratings.map((rating) => ({ ...rating, after: scheduleCard(rating.card.before, rating.rating, now, scheduling) }));
  // The day as the user lives it now; the database's triggers count the log into that day's rollup, and
  // a flashcard rating into its topic's tally (lib/db/rollup-rules.ts).
  const localDay = epochDayOf(localDayOf(now, policy.timeZone));
  for (const { card, after } of planned) {
    const { count } = await tx.card.updateMany({ where: { id: card.id, version: card.version }, data: { ...after, version: card.version + 1 } });
    if (count === 0) throw new StaleCardError();
  }
  const logs = planned.map(({ card, rating, reviewId, durationMs, after }) => ({
    reviewId,
    userId,
    cardId: card.id,
    rating: gradeOf(rating),
    origin,
    reviewedAt: now,
    durationMs,
    stateBefore: card.before.state,
    state: after.state,
    due: after.due,
    stability: after.stability,
    difficulty: after.difficulty,
    elapsedDays: after.elapsedDays,
    scheduledDays: after.scheduledDays,
    cardBefore: cardStateToJson(card.before),
    localDay,
    tallyTopic: tallyTopicOf(origin, card.topic),
  }));
  if (logs.length === 1) await tx.reviewLog.create({ data: logs[0]!, select: { id: true } });
  else if (logs.length > 1) await tx.reviewLog.createMany({ data: logs });
  return planned.map(({ card, rating, reviewId, after }) => ({
    reviewId,
    cardId: card.id,
    rating,
    reviewedAt: now,
    state: after.state,
    due: after.due,
    stability: after.stability,
    difficulty: after.difficulty,
    scheduledDays: after.scheduledDays,
  }));
}

async function storedResult(db: Db, userId: string, reviewId: string): Promise<ReviewResult> {
  const log = await db.reviewLog.findUnique({ where: { reviewId } });
  // A review id another user already used: theirs stays theirs, and this one is refused.
  if (!log || log.userId !== userId) throw new ConflictError("That review id is already taken.");
  return {
    reviewId: log.reviewId,
    cardId: log.cardId,
    rating: ratingName(log.rating),
    reviewedAt: log.reviewedAt,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduledDays,
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
  const log = await db.reviewLog.findUnique({
    where: { reviewId },
    select: { id: true, userId: true, cardId: true, origin: true, cardBefore: true, card: { select: { version: true, reps: true } } },
  });
  if (!log || log.userId !== userId) throw new NotFoundError("No such review.");
  // A quiz answer stands, and so do the ratings it made.
  if (log.origin !== "flashcard") throw new ConflictError("Ratings made by quiz answers cannot be undone.");
  const before = cardStateFromJson(log.cardBefore);
  // Every rating adds one rep, every undo takes it back: the card's latest rating is this one exactly when it has one rep more.
  if (log.card.reps !== before.reps + 1) throw new ConflictError("A later rating of this card exists; undo that one first.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.card.updateMany({ where: { id: log.cardId, version: log.card.version }, data: { ...before, version: log.card.version + 1 } });
    if (count === 0) throw new ConflictError("The card changed while undoing; try again.");
    const deleted = await tx.reviewLog.deleteMany({ where: { id: log.id } });
    if (deleted.count === 0) throw new NotFoundError("No such review.");
  });
  return { reviewId, cardId: log.cardId, state: before.state, due: before.due };
}
