import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { answerQuestion, dailyQuiz, finishQuiz, quizView, startQuizClock } from "@/lib/practice/quiz";
import { deviceQueue } from "@/lib/practice/device-queue";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview, undoReview } from "@/lib/practice/reviews";
import { todaySummary } from "@/lib/today/summary";
import { getSettings } from "@/lib/settings/settings";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const QUIZ_TYPES = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];

/**
 * Queries per call, as Prisma logs them (COMMIT included, BEGIN not), for a user with a short history and
 * one with a long one: the counts must not grow with the history (no N+1), and a rating takes at most 4.
 * (A quiz answer also writes one UPDATE per studied flashcard of its facts: bounded by the item, so the
 * quiz items here share no facts with the flashcards.)
 */
describeEachDatabase("queries per request", (provider) => {
  let database: TestDatabase;
  let counted: Db;
  const log: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    counted = createDb(resolveDatabaseTarget(database.url), { onQuery: (query) => log.push(query) });
    await createItems(database.db, [
      ...Array.from({ length: 60 }, (_, index) => ({ id: `flashcard:f${index}`, factIds: [`f${index}`] })),
      ...Array.from({ length: 40 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:q${index}`, type: QUIZ_TYPES[index % 5], topic: `Topic ${index % 3}`, factIds: [`g${index}`] })),
    ]);
  });
  afterAll(async () => {
    await counted?.$disconnect();
    await database?.drop();
  });

  async function count(run: () => Promise<unknown>): Promise<number> {
    log.length = 0;
    await run();
    return log.length;
  }

  /** A user who has rated `cards` flashcards `rounds` times each. */
  async function userWithHistory(cards: number, rounds: number) {
    const user = await createUser(database.db, { newCardsPerDay: cards, dailyQuizSize: 10 });
    const queue = await reviewQueue(database.db, user.id, cards, NOW);
    for (let round = 0; round < rounds; round++) {
      for (const card of queue) {
        await submitReview(database.db, user.id, { reviewId: `h-${round}-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, new Date(NOW.getTime() + round * 60_000));
      }
    }
    return { user, queue };
  }

  async function countsFor(cards: number, rounds: number) {
    const { user, queue } = await userWithHistory(cards, rounds);
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const counts: Record<string, number> = {};
    counts.review = await count(() => submitReview(counted, user.id, { reviewId: `count-${user.id}`, cardId: queue[0]!.id, rating: "good", durationMs: 1 }, later));
    counts.retry = await count(() => submitReview(counted, user.id, { reviewId: `count-${user.id}`, cardId: queue[0]!.id, rating: "good", durationMs: 1 }, later));
    counts.undo = await count(() => undoReview(counted, user.id, `count-${user.id}`));
    // What GET /api/reviews/queue calls: the queue with the policy and card states a device schedules offline with.
    // The day's first queue also introduces the day's new cards (their inserts and read-back); a later one only reads.
    counts.queue = await count(() => deviceQueue(counted, user.id, 50, later));
    counts.queueAgain = await count(() => deviceQueue(counted, user.id, 50, later));
    counts.today = await count(() => todaySummary(counted, user.id, later));
    counts.settings = await count(() => getSettings(counted, user.id));
    let quiz = await dailyQuiz(database.db, user.id, later);
    await startQuizClock(database.db, user.id, quiz.id, later);
    counts.dailyAgain = await count(async () => (quiz = await dailyQuiz(counted, user.id, later)));
    counts.view = await count(() => quizView(counted, user.id, quiz.id, later));
    counts.answer = await count(() => answerQuestion(counted, user.id, quiz.id, { questionId: quiz.questions[0]!.id, optionId: "a", answerId: `answer-${user.id}` }, later));
    counts.finish = await count(() => finishQuiz(counted, user.id, quiz.id, later));
    return counts;
  }

  it("rates a card in at most 4 queries, and no route's count grows with the history", async () => {
    const small = await countsFor(2, 1);
    const large = await countsFor(25, 3);
    expect(small.review).toBeLessThanOrEqual(4);
    // Settings, due cards, new cards rated today, waiting new cards: the device's policy and states come with them.
    expect(small.queueAgain).toBeLessThanOrEqual(4);
    // The hot SQL's answer: question, cards, the question's new card and its COMMIT, the answer, the card's update, the log, COMMIT, the score (12 through Prisma).
    expect(small.answer).toBeLessThanOrEqual(9);
    expect(large).toEqual(small);
    for (const [route, queries] of Object.entries(large)) expect(queries, route).toBeLessThanOrEqual(12);
  });
});
