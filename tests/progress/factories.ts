import { randomBytes } from "node:crypto";
import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { tallyTopicOf } from "@/lib/db/rollup-rules";
import { DEFAULT_TIME_ZONE } from "@/lib/defaults";
import { epochDayOf, localDayOf } from "@/lib/calendar/local-day";

/** Rows for progress, readiness and export tests, inserted directly with only what each test cares about. */

const uid = () => randomBytes(6).toString("hex");

export async function createUser(
  db: Db,
  settings: { timeZone?: string; examDate?: string | null; examName?: string | null; desiredRetention?: number; newCardsPerDay?: number } = {},
  createdAt = new Date("2025-01-01T00:00:00Z"),
) {
  return db.user.create({
    data: { email: `user-${uid()}@example.in`, passwordHash: "not-a-real-hash", createdAt, settings: { create: settings } },
    select: { id: true },
  });
}

export async function createItem(
  db: Db,
  fields: { topic: string; id?: string; type?: string; prompt?: string; options?: { id: string; text: string }[]; answer?: string; explanation?: string; retiredAt?: Date },
) {
  return db.bankItem.create({
    data: {
      id: fields.id ?? `item-${uid()}`,
      type: fields.type ?? "flashcard",
      topic: fields.topic,
      prompt: fields.prompt ?? "Which year?",
      options: JSON.stringify(fields.options ?? []),
      answer: fields.answer ?? "2022",
      explanation: fields.explanation ?? "Because the source says so.",
      sources: "[]",
      factIds: "[]",
      contentHash: uid(),
      retiredAt: fields.retiredAt,
    },
  });
}

export type CardFields = {
  state?: State;
  due?: Date;
  stability?: number;
  difficulty?: number;
  lastReview?: Date | null;
  reps?: number;
  scheduledDays?: number;
};

export async function createCard(db: Db, userId: string, itemId: string, fields: CardFields = {}) {
  return db.card.create({
    data: {
      userId,
      itemId,
      state: fields.state ?? State.Review,
      due: fields.due ?? new Date("2026-11-25T00:00:00Z"),
      stability: fields.stability ?? 10,
      difficulty: fields.difficulty ?? 5,
      lastReview: fields.lastReview === undefined ? new Date("2026-11-10T00:00:00Z") : fields.lastReview,
      reps: fields.reps ?? 3,
      scheduledDays: fields.scheduledDays ?? 15,
    },
  });
}

/**
 * One rating. `state` is the card's state after it, as the review log stores it. Like the app, it
 * records the state before (the state after the card's previous rating) and the user's local day.
 */
export async function createReview(
  db: Db,
  userId: string,
  cardId: string,
  reviewedAt: Date,
  fields: { rating?: number; state?: State; origin?: "flashcard" | "quiz" } = {},
) {
  const [settings, previous, card] = await Promise.all([
    db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } }),
    db.reviewLog.findFirst({ where: { cardId, reviewedAt: { lt: reviewedAt } }, orderBy: { reviewedAt: "desc" }, select: { state: true } }),
    db.card.findUniqueOrThrow({ where: { id: cardId }, select: { item: { select: { topic: true } } } }),
  ]);
  const origin = fields.origin ?? "flashcard";
  return db.reviewLog.create({
    data: {
      reviewId: `review-${uid()}`,
      userId,
      cardId,
      rating: fields.rating ?? 3,
      origin,
      reviewedAt,
      durationMs: 4_000,
      state: fields.state ?? State.Review,
      due: new Date(reviewedAt.getTime() + 86_400_000),
      stability: 3,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 1,
      cardBefore: JSON.stringify({ note: "snapshot" }),
      stateBefore: previous?.state ?? State.New,
      localDay: epochDayOf(localDayOf(reviewedAt, settings?.timeZone ?? DEFAULT_TIME_ZONE)),
      // As lib/practice/reviews.ts writes it: the tally a flashcard rating counts in.
      tallyTopic: tallyTopicOf(origin, card.item.topic),
    },
  });
}

export async function createQuiz(
  db: Db,
  userId: string,
  startedAt: Date,
  questions: { itemId: string; correct: boolean | null; timeMs?: number; chosenOptionId?: string }[],
  fields: { mode?: string; topic?: string | null } = {},
) {
  return db.quizSession.create({
    data: {
      userId,
      mode: fields.mode ?? "custom",
      topic: fields.topic ?? null,
      timeLimitSec: 600,
      startedAt,
      finishedAt: new Date(startedAt.getTime() + 300_000),
      questions: {
        create: questions.map((question, position) => ({
          position,
          itemId: question.itemId,
          // The question as shown; progress reads the bank item's topic, not this text.
          type: "mcq",
          topic: "as shown",
          prompt: "Question?",
          options: "[]",
          answer: "a",
          explanation: "",
          sources: "[]",
          correct: question.correct,
          chosenOptionId: question.correct === null ? null : (question.chosenOptionId ?? "a"),
          answeredAt: question.correct === null ? null : new Date(startedAt.getTime() + (position + 1) * 20_000),
          timeMs: question.correct === null ? null : (question.timeMs ?? 20_000),
        })),
      },
    },
  });
}
