// A user without a settings row (one who registered before settings existed) gets the defaults of
// lib/defaults.ts everywhere, the one way a missing row is handled: Progress used to answer it with a 500.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/defaults";
import { dailyQuiz, startQuizClock } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { getProgress } from "@/lib/progress/progress";
import { dayPlan } from "@/lib/today/day-plan";
import { createItems } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T18:00:00Z"); // 23:30 in Kolkata, the default zone: already the 20th's evening there

describeEachDatabase("a user without a settings row", (provider) => {
  let database: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 25 }, (_, index) => ({ id: `flashcard:f${index}~0000000${index % 10}`, factIds: [`f${index}`], topic: `Topic ${index % 3}` })),
      ...Array.from({ length: 20 }, (_, index) => ({ id: `mcq:q${index}`, type: "mcq", factIds: [`q${index}`], topic: `Topic ${index % 3}` })),
    ]);
    userId = (await database.db.user.create({ data: { email: `no-settings-${provider}@example.in`, passwordHash: "x" } })).id;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("gets the default settings in the queue, the quiz, Today and Progress", async () => {
    expect(await database.db.userSettings.count({ where: { userId } })).toBe(0);
    const queue = await reviewQueue(database.db, userId, 100, NOW);
    expect(queue).toHaveLength(DEFAULT_SETTINGS.newCardsPerDay);
    await submitReview(database.db, userId, { reviewId: "no-settings-1", cardId: queue[0]!.id, rating: "good", durationMs: 1 }, NOW);
    const quiz = await startQuizClock(database.db, userId, (await dailyQuiz(database.db, userId, NOW)).id, NOW);
    expect(quiz.questions).toHaveLength(DEFAULT_SETTINGS.dailyQuizSize);
    expect(quiz.dailyDay).toBe("2026-11-20");
    const plan = await dayPlan(database.db, userId, NOW);
    expect(plan).toMatchObject({ day: "2026-11-20", quiz: { status: "in-progress", questions: DEFAULT_SETTINGS.dailyQuizSize }, exam: null });
    expect(plan.flashcards.reviewedToday).toBe(1);
    const progress = await getProgress(database.db, userId, NOW);
    expect(progress).toMatchObject({ timeZone: DEFAULT_SETTINGS.timeZone, today: "2026-11-20", retention: { desired: DEFAULT_SETTINGS.desiredRetention }, exam: null });
    expect(progress.heatmap.totalReviews).toBe(1);
    // Still no row: reading never creates one.
    expect(await database.db.userSettings.count({ where: { userId } })).toBe(0);
  });
});
