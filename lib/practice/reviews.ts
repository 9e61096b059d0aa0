import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { gradeOf, scheduleCard, type CardState, type RatingName, type SchedulingPolicy } from "@/lib/srs/schedule";
import { DEFAULT_POLICY, policyOf } from "./policy";

export type ReviewInput = { reviewId: string; cardId: string; rating: RatingName; durationMs: number };

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

const CARD_STATE_FIELDS = {
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

// Two ratings of one card racing: the loser re-reads the card and applies its rating on top, a few times at most.
const MAX_ATTEMPTS = 4;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

class StaleCardError extends Error {}

/**
 * Applies one rating to one card: the new FSRS state and its review log in one transaction.
 *
 * Idempotent by `reviewId`: a retry of a stored rating returns the stored result and changes nothing,
 * even when both copies arrive at once (the unique index on ReviewLog.reviewId decides). Safe under
 * concurrent ratings of the same card: the update only applies to the version of the card it was
 * computed from (Card.version), so a rating never overwrites another one it did not see.
 *
 * Three queries on the straight path: read the card with the user's scheduling settings, update it,
 * insert the log.
 */
export async function submitReview(
  db: Db,
  userId: string,
  input: ReviewInput,
  now: Date,
  origin: ReviewOrigin = "flashcard",
): Promise<ReviewResult> {
  for (let attempt = 1; ; attempt++) {
    const card = await db.card.findFirst({
      where: { id: input.cardId, userId },
      select: { ...CARD_STATE_FIELDS, id: true, version: true, user: { select: { settings: { select: { desiredRetention: true, examDate: true, timeZone: true } } } } },
    });
    if (!card) {
      // A retry of a rating whose card was deleted since, or somebody else's card: either way, nothing to show.
      throw new NotFoundError("No such card.");
    }
    const { id, version, user, ...before } = card;
    const policy = user.settings ? policyOf(user.settings) : DEFAULT_POLICY;
    try {
      return await applyRating(db, userId, { id, version, before }, input, policy, now, origin);
    } catch (error) {
      if (isUniqueViolation(error)) return storedResult(db, userId, input.reviewId);
      if (error instanceof StaleCardError && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof StaleCardError) throw new ConflictError("The card changed while this rating was saved; rate it again.");
      throw error;
    }
  }
}

async function applyRating(
  db: Db,
  userId: string,
  card: { id: string; version: number; before: CardState },
  input: ReviewInput,
  policy: SchedulingPolicy,
  now: Date,
  origin: ReviewOrigin,
): Promise<ReviewResult> {
  const after = scheduleCard(card.before, input.rating, now, policy);
  await db.$transaction(async (tx) => {
    const { count } = await tx.card.updateMany({ where: { id: card.id, version: card.version }, data: { ...after, version: card.version + 1 } });
    if (count === 0) throw new StaleCardError();
    await tx.reviewLog.create({
      data: {
        reviewId: input.reviewId,
        userId,
        cardId: card.id,
        rating: gradeOf(input.rating),
        origin,
        reviewedAt: now,
        durationMs: input.durationMs,
        stateBefore: card.before.state,
        state: after.state,
        due: after.due,
        stability: after.stability,
        difficulty: after.difficulty,
        elapsedDays: after.elapsedDays,
        scheduledDays: after.scheduledDays,
        cardBefore: JSON.stringify(card.before),
      },
    });
  });
  return {
    reviewId: input.reviewId,
    cardId: card.id,
    rating: input.rating,
    reviewedAt: now,
    state: after.state,
    due: after.due,
    stability: after.stability,
    difficulty: after.difficulty,
    scheduledDays: after.scheduledDays,
  };
}

async function storedResult(db: Db, userId: string, reviewId: string): Promise<ReviewResult> {
  const log = await db.reviewLog.findUnique({ where: { reviewId } });
  // A review id another user already used: theirs stays theirs, and this one is refused.
  if (!log || log.userId !== userId) throw new ConflictError("That review id is already taken.");
  return {
    reviewId: log.reviewId,
    cardId: log.cardId,
    rating: (["again", "hard", "good", "easy"] as const)[log.rating - 1]!,
    reviewedAt: log.reviewedAt,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduledDays,
  };
}

/** The card state stored in a review log's snapshot, with its dates revived. */
function parseCardBefore(json: string): CardState {
  const raw = JSON.parse(json) as Record<string, unknown>;
  return {
    ...(raw as unknown as CardState),
    due: new Date(raw.due as string),
    lastReview: raw.lastReview ? new Date(raw.lastReview as string) : null,
  };
}

/**
 * Takes back a rating: the card returns exactly to its state before it and the log row goes. Only the
 * card's latest rating can be taken back; once undone, the review id is unknown again (404).
 */
export async function undoReview(db: Db, userId: string, reviewId: string): Promise<{ reviewId: string; cardId: string; state: number; due: Date }> {
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findUnique({ where: { reviewId }, select: { id: true, userId: true, cardId: true, reviewedAt: true, cardBefore: true } });
    if (!log || log.userId !== userId) throw new NotFoundError("No such review.");
    const later = await tx.reviewLog.count({ where: { cardId: log.cardId, reviewedAt: { gt: log.reviewedAt } } });
    if (later > 0) throw new ConflictError("A later rating of this card exists; undo that one first.");
    const before = parseCardBefore(log.cardBefore);
    await tx.card.update({ where: { id: log.cardId }, data: { ...before, version: { increment: 1 } } });
    await tx.reviewLog.delete({ where: { id: log.id } });
    return { reviewId, cardId: log.cardId, state: before.state, due: before.due };
  });
}
