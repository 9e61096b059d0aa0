import { createHash } from "node:crypto";
import { State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { dailyQuiz } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { todaySummary } from "@/lib/today/summary";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const QUIZ_TYPES = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];
const hashOf = (id: string) => createHash("sha256").update(id).digest("hex");

// 10:00 on 20 November in Kolkata (UTC+5:30); the local day ends at 18:30 UTC.
const MORNING = new Date("2026-11-20T04:30:00Z");
const BEFORE_MIDNIGHT = new Date("2026-11-20T18:29:00Z"); // 23:59 on the 20th in Kolkata
const AFTER_MIDNIGHT = new Date("2026-11-20T18:31:00Z"); // 00:01 on the 21st in Kolkata, still the 20th in UTC

/** A studied card (review state, last reviewed a week earlier) for the user and item, due at `due`. */
async function studiedCard(db: Db, userId: string, itemId: string, due: Date) {
  return db.card.create({
    data: { userId, itemId, due, stability: 8, difficulty: 5, scheduledDays: 7, reps: 3, state: State.Review, lastReview: new Date(due.getTime() - 7 * 86_400_000) },
    select: { id: true },
  });
}

describeEachDatabase("due means due before the end of the user's day", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 6 }, (_, index) => ({ id: `flashcard:f${index}` })),
      // More quiz items than the fresh sample holds, 100 of each format: ids sort by format.
      ...Array.from({ length: 500 }, (_, index) => {
        const id = `${QUIZ_TYPES[index % 5]}:q${String(index).padStart(3, "0")}`;
        return { id, type: QUIZ_TYPES[index % 5], contentHash: hashOf(id) };
      }),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("serves in the morning a card due tonight, not one due after the user's midnight, and counts what it serves", async () => {
    const user = await createUser(database.db, { timeZone: "Asia/Kolkata", newCardsPerDay: 0 });
    const tonight = await studiedCard(database.db, user.id, "flashcard:f0", BEFORE_MIDNIGHT);
    const tomorrow = await studiedCard(database.db, user.id, "flashcard:f1", AFTER_MIDNIGHT);

    const morning = await reviewQueue(database.db, user.id, 50, MORNING);
    expect(morning.map((card) => card.id)).toEqual([tonight.id]);
    expect((await todaySummary(database.db, user.id, MORNING)).due).toBe(morning.length);

    // Just after midnight in Kolkata (the same UTC day) both are due, the more overdue first.
    const nextDay = new Date("2026-11-20T18:45:00Z");
    expect((await reviewQueue(database.db, user.id, 50, nextDay)).map((card) => card.id)).toEqual([tonight.id, tomorrow.id]);
    expect((await todaySummary(database.db, user.id, nextDay)).due).toBe(2);

    // Rating it hours early is an ordinary review: FSRS counts the elapsed calendar days.
    const result = await submitReview(database.db, user.id, { reviewId: `early-${tonight.id}`, cardId: tonight.id, rating: "good", durationMs: 1 }, MORNING);
    expect(result.state).toBe(State.Review);
    expect(result.due.getTime()).toBeGreaterThan(AFTER_MIDNIGHT.getTime());
    expect((await reviewQueue(database.db, user.id, 50, MORNING)).map((card) => card.id)).toEqual([]);
  });

  it("asks in the daily quiz a question due tonight, and not one due tomorrow", async () => {
    const user = await createUser(database.db, { timeZone: "Asia/Kolkata", dailyQuizSize: 6 });
    await studiedCard(database.db, user.id, "mcq:q000", BEFORE_MIDNIGHT);
    await studiedCard(database.db, user.id, "mcq:q005", AFTER_MIDNIGHT);
    const quiz = await dailyQuiz(database.db, user.id, MORNING);
    const items = await database.db.quizQuestion.findMany({ where: { quizId: quiz.id }, select: { itemId: true } });
    const itemIds = items.map((question) => question.itemId);
    expect(itemIds).toContain("mcq:q000");
    expect(itemIds).not.toContain("mcq:q005");
  });

  it("spreads a daily quiz over every format even when the bank holds more questions than the fresh sample", async () => {
    const user = await createUser(database.db, { dailyQuizSize: 15 });
    const quiz = await dailyQuiz(database.db, user.id, MORNING);
    const types = quiz.questions.map((question) => question.type);
    expect(types).toHaveLength(15);
    for (const type of QUIZ_TYPES) expect(types.filter((asked) => asked === type), type).toHaveLength(3);
  });
});

describeEachDatabase("fresh quiz questions", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      { id: "mcq:orphan", type: "mcq" },
      { id: "mcq:studied", type: "mcq" },
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("still asks a question whose card exists but was never rated", async () => {
    const user = await createUser(database.db, { dailyQuizSize: 5 });
    // A card left new (made for an answer whose transaction then failed) must not hide its question.
    await database.db.card.create({ data: { userId: user.id, itemId: "mcq:orphan", due: MORNING } });
    await studiedCard(database.db, user.id, "mcq:studied", new Date(MORNING.getTime() + 5 * 86_400_000));
    const quiz = await dailyQuiz(database.db, user.id, MORNING);
    const items = await database.db.quizQuestion.findMany({ where: { quizId: quiz.id }, select: { itemId: true } });
    expect(items.map((question) => question.itemId)).toEqual(["mcq:orphan"]);
  });
});
