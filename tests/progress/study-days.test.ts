// The rollups Progress reads (StudyDay, FlashcardTopicTally) are kept by database triggers. These tests
// drive the real rating paths (flashcards, quiz answers, undo, retries) and compare the rollups with a
// recount of the review log, on both databases.
import { State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { answerQuestion, startPracticeQuiz, startQuizClock } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview, undoReview } from "@/lib/practice/reviews";
import { backfillStudyDays } from "@/lib/db/backfill-local-days";
import { studyDays } from "@/lib/progress/study-days";
import { rollupMismatches } from "@/lib/reliability/rollups";
import { epochDayOf } from "@/lib/calendar/local-day";
import { newCardState } from "@/lib/srs/card-state";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const EVENING_IST = new Date("2026-11-20T17:45:00Z"); // 23:15 on the 20th in Delhi
const AFTER_MIDNIGHT_IST = new Date("2026-11-20T18:45:00Z"); // 00:15 on the 21st in Delhi, still the 20th in UTC

type DayRow = { userId: string; day: number; reviews: number; newCards: number; matureReviews: number; matureRecalled: number };
type TopicRow = { userId: string; topic: string; attempts: number; correct: number };

/** The rollups as the review log says they should be, counted from scratch. */
async function recount(db: Db, userId: string): Promise<{ days: DayRow[]; topics: TopicRow[] }> {
  const logs = await db.reviewLog.findMany({
    where: { userId },
    select: { localDay: true, stateBefore: true, rating: true, origin: true, card: { select: { item: { select: { topic: true } } } } },
  });
  const days = new Map<number, DayRow>();
  const topics = new Map<string, TopicRow>();
  for (const log of logs) {
    const day = days.get(log.localDay!) ?? { userId, day: log.localDay!, reviews: 0, newCards: 0, matureReviews: 0, matureRecalled: 0 };
    day.reviews++;
    if (log.stateBefore === State.New) day.newCards++;
    if (log.stateBefore === State.Review) {
      day.matureReviews++;
      if (log.rating > 1) day.matureRecalled++;
    }
    days.set(day.day, day);
    if (log.origin === "flashcard") {
      const topic = topics.get(log.card.item.topic) ?? { userId, topic: log.card.item.topic, attempts: 0, correct: 0 };
      topic.attempts++;
      if (log.rating > 1) topic.correct++;
      topics.set(topic.topic, topic);
    }
  }
  return {
    days: [...days.values()].sort((a, b) => a.day - b.day),
    topics: [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
  };
}

async function rollups(db: Db, userId: string) {
  const [days, topics] = await Promise.all([
    db.studyDay.findMany({ where: { userId, reviews: { gt: 0 } }, orderBy: { day: "asc" } }),
    db.flashcardTopicTally.findMany({ where: { userId, attempts: { gt: 0 } }, orderBy: { topic: "asc" } }),
  ]);
  return { days, topics };
}

describeEachDatabase("study rollups", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 6 }, (_, index) => ({ id: `flashcard:f${index}`, topic: index < 3 ? "Polity" : "Economy", factIds: [`f${index}`] })),
      ...Array.from({ length: 6 }, (_, index) => ({ id: `mcq:q${index}`, type: "mcq", topic: index < 3 ? "Polity" : "Economy", factIds: [`f${index}`] })),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("counts every rating path once, on the user's local day, and takes an undo back out", async () => {
    const { db } = database;
    const user = await createUser(db, { timeZone: "Asia/Kolkata", newCardsPerDay: 6 });
    // In item order (f0-f2 Polity, then Economy), whatever order the queue mixes topics in.
    const cards = (await reviewQueue(db, user.id, 6, EVENING_IST)).sort((a, b) => a.itemId.localeCompare(b.itemId));
    expect(cards).toHaveLength(6);
    const ratings = ["good", "again", "good", "easy", "hard", "good"] as const;
    for (const [index, card] of cards.entries()) {
      const input = { reviewId: `evening-${index}`, cardId: card.id, rating: ratings[index]!, durationMs: 2_000 };
      await submitReview(db, user.id, input, EVENING_IST);
      // A retry of the same rating is stored once, and so counted once.
      if (index === 0) await submitReview(db, user.id, input, EVENING_IST);
    }
    // After midnight in Delhi: a new day, though UTC's date has not changed.
    await submitReview(db, user.id, { reviewId: "night-0", cardId: cards[0]!.id, rating: "again", durationMs: 1_000 }, AFTER_MIDNIGHT_IST);
    const undone = await submitReview(db, user.id, { reviewId: "night-1", cardId: cards[1]!.id, rating: "good", durationMs: 1_000 }, AFTER_MIDNIGHT_IST);
    await undoReview(db, user.id, undone.reviewId);
    // A quiz answer rates the flashcards of its facts: counted in the day, not in flashcard accuracy.
    const quiz = await startQuizClock(db, user.id, (await startPracticeQuiz(db, user.id, { mode: "topic", topic: "Polity", size: 3 }, AFTER_MIDNIGHT_IST)).id, AFTER_MIDNIGHT_IST);
    await answerQuestion(db, user.id, quiz.id, { questionId: quiz.questions[0]!.id, optionId: "a", answerId: "quiz-answer-1" }, AFTER_MIDNIGHT_IST);

    const expected = await recount(db, user.id);
    expect(await rollups(db, user.id)).toEqual(expected);
    const quizRatings = await db.reviewLog.count({ where: { userId: user.id, origin: "quiz" } });
    expect(quizRatings).toBeGreaterThan(0);
    expect(expected.days.map(({ day, reviews }) => ({ day, reviews }))).toEqual([
      { day: epochDayOf("2026-11-20"), reviews: 6 },
      { day: epochDayOf("2026-11-21"), reviews: 1 + quizRatings },
    ]);
    expect(expected.days[0]).toMatchObject({ newCards: 6, matureReviews: 0 });
    expect(expected.topics).toEqual([
      { userId: user.id, topic: "Economy", attempts: 3, correct: 3 },
      { userId: user.id, topic: "Polity", attempts: 4, correct: 2 },
    ]);
    expect((await studyDays(db, user.id)).map(({ day }) => day)).toEqual(["2026-11-20", "2026-11-21"]);

    // The soak's check recounts in SQL and agrees, and it notices a rollup that drifted.
    expect(await rollupMismatches(db, [user.id])).toEqual([]);
    await db.studyDay.update({ where: { userId_day: { userId: user.id, day: epochDayOf("2026-11-20") } }, data: { reviews: { increment: 1 } } });
    expect(await rollupMismatches(db, [user.id])).toEqual([
      { table: "StudyDay", key: `${user.id} ${epochDayOf("2026-11-20")}`, stored: "7/6/0/0", recounted: "6/6/0/0" },
    ]);
    expect((await studyDays(db, user.id, "2026-11-21")).map(({ day }) => day)).toEqual(["2026-11-21"]);
  });

  it("takes an undone rating off the tally it was counted in, after the content renamed its topic", async () => {
    const { db } = database;
    await createItems(db, [{ id: "flashcard:renamed~0a1b2c3d", topic: "Security > Exercises", factIds: ["renamed"] }]);
    const user = await createUser(db);
    const card = await db.card.create({ data: { userId: user.id, itemId: "flashcard:renamed~0a1b2c3d", ...newCardState(EVENING_IST) }, select: { id: true } });
    await submitReview(db, user.id, { reviewId: "renamed-1", cardId: card.id, rating: "good", durationMs: 1 }, EVENING_IST);
    expect((await rollups(db, user.id)).topics).toMatchObject([{ topic: "Security > Exercises", attempts: 1, correct: 1 }]);

    // The next content build moves the item under another topic (seed-bank updates it in place).
    await db.bankItem.update({ where: { id: "flashcard:renamed~0a1b2c3d" }, data: { topic: "Security > Joint exercises" } });
    await undoReview(db, user.id, "renamed-1");

    const tallies = await db.flashcardTopicTally.findMany({ where: { userId: user.id }, orderBy: { topic: "asc" } });
    expect(tallies.map(({ topic, attempts, correct }) => ({ topic, attempts, correct }))).toEqual([{ topic: "Security > Exercises", attempts: 0, correct: 0 }]);
    expect(await rollupMismatches(db, [user.id])).toEqual([]);

    // A rating after the rename counts under the new topic, and its undo takes it off that one.
    await submitReview(db, user.id, { reviewId: "renamed-2", cardId: card.id, rating: "again", durationMs: 1 }, EVENING_IST);
    expect((await rollups(db, user.id)).topics).toMatchObject([{ topic: "Security > Joint exercises", attempts: 1, correct: 0 }]);
    await undoReview(db, user.id, "renamed-2");
    expect((await rollups(db, user.id)).topics).toEqual([]);
    expect(await rollupMismatches(db, [user.id])).toEqual([]);
  });

  it("backfills the local day and the day rollup of logs stored before the column existed", async () => {
    const { db } = database;
    const user = await createUser(db, { timeZone: "America/New_York" });
    const cards = await reviewQueue(db, user.id, 2, EVENING_IST);
    await submitReview(db, user.id, { reviewId: "bf-0", cardId: cards[0]!.id, rating: "good", durationMs: 1 }, new Date("2026-10-31T03:30:00Z"));
    await submitReview(db, user.id, { reviewId: "bf-1", cardId: cards[1]!.id, rating: "again", durationMs: 1 }, new Date("2026-11-01T04:30:00Z"));
    await submitReview(db, user.id, { reviewId: "bf-2", cardId: cards[1]!.id, rating: "good", durationMs: 1 }, new Date("2026-11-02T04:30:00Z"));
    const expected = await recount(db, user.id);
    // As an old database left them: no local day, no day rollup.
    await db.reviewLog.updateMany({ where: { userId: user.id }, data: { localDay: null } });
    await db.studyDay.deleteMany({ where: { userId: user.id } });

    expect(await backfillStudyDays(db, new Date("2026-11-20T12:00:00Z"))).toBe(1);
    expect(await recount(db, user.id)).toEqual(expected);
    expect((await rollups(db, user.id)).days).toEqual(expected.days);
    // New York left daylight saving on 1 November: 23:30 EDT on the 30th, 00:30 EDT and 23:30 EST on the 1st.
    expect(expected.days.map(({ day, reviews }) => [day, reviews])).toEqual([
      [epochDayOf("2026-10-30"), 1],
      [epochDayOf("2026-11-01"), 2],
    ]);
    expect(await backfillStudyDays(db, new Date("2026-11-20T12:00:00Z"))).toBe(0);
  });
});
