import { fsrs, State, type Card as FsrsCard } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { streaksOf } from "@/lib/progress/activity";
import { getProgress } from "@/lib/progress/progress";
import { startOfLocalDay } from "@/lib/calendar/local-day";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";
import { createCard, createItem, createQuiz, createReview, createUser } from "./factories";

const NOW = new Date("2026-11-20T10:00:00Z"); // 15:30 on 20 November in Delhi
const at = (iso: string) => new Date(iso);

describe("streaksOf", () => {
  it("keeps the current streak open until today ends, and finds the longest run", () => {
    const days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06"];
    expect(streaksOf(days, "2026-11-06")).toEqual({ current: 2, longest: 3 });
    expect(streaksOf(days, "2026-11-07")).toEqual({ current: 2, longest: 3 });
    expect(streaksOf(days, "2026-11-08")).toEqual({ current: 0, longest: 3 });
    expect(streaksOf([], "2026-11-08")).toEqual({ current: 0, longest: 0 });
  });
});

describeEachDatabase("progress", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("counts streaks and the heatmap by the user's calendar day, not UTC's", async () => {
    const { db } = database;
    const { id: userId } = await createUser(db, { timeZone: "Asia/Kolkata" });
    const item = await createItem(db, { topic: "Polity" });
    const card = await createCard(db, userId, item.id);
    // In UTC these fall on 10-14 and 18-20 November (runs of 5 and 3); in Delhi on 11-14 and 19-20.
    for (const iso of [
      "2026-11-10T20:00:00Z", // 01:30 on the 11th in Delhi
      "2026-11-11T12:00:00Z",
      "2026-11-12T12:00:00Z",
      "2026-11-13T12:00:00Z",
      "2026-11-14T12:00:00Z",
      "2026-11-18T18:45:00Z", // 00:15 on the 19th in Delhi
      "2026-11-19T18:00:00Z", // 23:30 on the 19th in Delhi
      "2026-11-20T05:00:00Z",
    ]) {
      await createReview(db, userId, card.id, at(iso));
    }

    const progress = await getProgress(db, userId, NOW);
    expect(progress.today).toBe("2026-11-20");
    expect(progress.streak).toEqual({ current: 2, longest: 4 });
    const heat = new Map(progress.heatmap.days.map(({ day, reviews }) => [day, reviews]));
    expect(progress.heatmap.days).toHaveLength(365);
    expect(progress.heatmap.days.at(-1)).toEqual({ day: "2026-11-20", reviews: 1 });
    expect(progress.heatmap.days[0]!.day).toBe("2025-11-21");
    expect([heat.get("2026-11-10"), heat.get("2026-11-11"), heat.get("2026-11-18"), heat.get("2026-11-19")]).toEqual([0, 2, 0, 2]);
    expect(progress.heatmap).toMatchObject({ totalReviews: 8, activeDays: 6 });

    // Just after midnight in Delhi (still the 20th in UTC) today is the 21st: the streak holds until it ends.
    const afterMidnight = await getProgress(db, userId, at("2026-11-20T18:31:00Z"));
    expect(afterMidnight.today).toBe("2026-11-21");
    expect(afterMidnight.streak).toEqual({ current: 2, longest: 4 });
    expect((await getProgress(db, userId, at("2026-11-21T18:31:00Z"))).streak).toEqual({ current: 0, longest: 4 });
  });

  it("buckets days exactly across a daylight-saving change", async () => {
    const { db } = database;
    const { id: userId } = await createUser(db, { timeZone: "America/New_York" });
    const item = await createItem(db, { topic: "Polity" });
    const card = await createCard(db, userId, item.id);
    // New York leaves daylight saving at 06:00 UTC on 1 November 2026.
    await createReview(db, userId, card.id, at("2026-10-31T03:30:00Z")); // 23:30 EDT on the 30th
    await createReview(db, userId, card.id, at("2026-11-01T04:30:00Z")); // 00:30 EDT on the 1st
    await createReview(db, userId, card.id, at("2026-11-02T04:30:00Z")); // 23:30 EST on the 1st

    const progress = await getProgress(db, userId, at("2026-11-02T12:00:00Z"));
    const heat = new Map(progress.heatmap.days.map(({ day, reviews }) => [day, reviews]));
    expect([heat.get("2026-10-30"), heat.get("2026-10-31"), heat.get("2026-11-01"), heat.get("2026-11-02")]).toEqual([1, 0, 2, 0]);
    expect(progress.streak).toEqual({ current: 1, longest: 1 });
  });

  it("orders topics weakest first, counting quiz answers once", async () => {
    const { db } = database;
    const { id: userId } = await createUser(db);
    const { id: strangerId } = await createUser(db);
    const rate = async (topic: string, ratings: number[], origin: "flashcard" | "quiz" = "flashcard") => {
      const item = await createItem(db, { topic });
      const card = await createCard(db, userId, item.id);
      for (const [index, rating] of ratings.entries()) {
        await createReview(db, userId, card.id, at(`2026-11-${String(10 + index).padStart(2, "0")}T09:00:00Z`), { rating, origin });
      }
      return item;
    };
    await rate("Polity", [3, 3, 3, 1]);
    await rate("History", [1, 3, 3, 3, 3, 3, 3, 1]);
    await rate("Geography", [3, 1]);
    await rate("Economy", [1]);
    const economyItem = await createItem(db, { topic: "Economy" });
    const defenceItem = await rate("Defence", [1, 1], "quiz"); // the quiz's own ratings: not counted again
    await createQuiz(db, userId, at("2026-11-15T09:00:00Z"), [
      { itemId: economyItem.id, correct: true },
      { itemId: defenceItem.id, correct: true },
    ]);
    const economy2 = await createItem(db, { topic: "Economy" });
    const defence2 = await createItem(db, { topic: "Defence" });
    await createQuiz(db, userId, at("2026-11-16T09:00:00Z"), [
      { itemId: economy2.id, correct: false },
      { itemId: defence2.id, correct: true },
      { itemId: (await createItem(db, { topic: "Economy" })).id, correct: false },
      { itemId: (await createItem(db, { topic: "Geography" })).id, correct: null },
    ]);
    // Someone else's answers never count.
    await createQuiz(db, strangerId, at("2026-11-16T09:00:00Z"), [{ itemId: economy2.id, correct: true }]);

    const { topics } = await getProgress(db, userId, NOW);
    expect(topics.map(({ topic, correct, attempts }) => [topic, correct, attempts])).toEqual([
      ["Economy", 1, 4],
      ["Geography", 1, 2],
      ["History", 6, 8],
      ["Polity", 3, 4],
      ["Defence", 2, 2],
    ]);
    expect(topics[0]).toMatchObject({ flashcards: { attempts: 1, correct: 0 }, quiz: { attempts: 3, correct: 1 }, accuracy: 0.25 });
  });

  it("measures true retention on cards that were in review, and the recent pace", async () => {
    const { db } = database;
    const { id: userId } = await createUser(db);
    const x = await createCard(db, userId, (await createItem(db, { topic: "Polity" })).id);
    const y = await createCard(db, userId, (await createItem(db, { topic: "Polity" })).id);
    const log = (cardId: string, iso: string, rating: number, state: State) => createReview(db, userId, cardId, at(iso), { rating, state });
    await log(x.id, "2026-10-01T09:00:00Z", 3, State.Learning); // before the 30 days
    await log(x.id, "2026-10-25T09:00:00Z", 3, State.Review); // was learning
    await log(x.id, "2026-11-01T09:00:00Z", 3, State.Review); // was in review: recalled
    await log(x.id, "2026-11-15T09:00:00Z", 1, State.Relearning); // was in review: forgotten (last 7 days)
    await log(x.id, "2026-11-16T09:00:00Z", 3, State.Review); // was relearning
    await log(x.id, "2026-11-18T09:00:00Z", 2, State.Review); // was in review: recalled (last 7 days)
    await log(y.id, "2026-11-19T09:00:00Z", 3, State.Learning); // first rating: a new card
    await log(y.id, "2026-11-19T12:00:00Z", 4, State.Review); // was learning
    const { id: strangerId } = await createUser(db);
    const strangerCard = await createCard(db, strangerId, (await createItem(db, { topic: "Polity" })).id);
    await createReview(db, strangerId, strangerCard.id, at("2026-11-19T09:00:00Z"), { rating: 1 });

    const { retention } = await getProgress(db, userId, NOW);
    expect(retention.last30Days).toEqual({ reviews: 3, recalled: 2, rate: 2 / 3 });
    expect(retention.last7Days).toEqual({ reviews: 2, recalled: 1, rate: 0.5 });
    expect(retention.desired).toBe(0.9);
  });

  it("measures the pace from the first rating, not from the account's creation", async () => {
    const { db } = database;
    // An account made long ago (the factory's default) that studies for the first time today.
    const { id: userId } = await createUser(db, { timeZone: "Asia/Kolkata", examDate: "2027-01-10", newCardsPerDay: 20 });
    for (let index = 0; index < 3; index++) {
      const card = await createCard(db, userId, (await createItem(db, { topic: "Polity" })).id);
      await createReview(db, userId, card.id, at("2026-11-20T06:00:00Z"), { rating: 3, state: State.Learning });
    }
    const first = (await getProgress(db, userId, NOW)).readiness!.plan!;
    expect(first.pace).toEqual({ days: 1, reviewsPerDay: 0, newCardsPerDay: 3 });
    expect(first.onTrack).toBeNull();

    // A week later, with nothing more done, the pace covers 8 days and is judged.
    const later = (await getProgress(db, userId, new Date("2026-11-27T10:00:00Z"))).readiness!.plan!;
    expect(later.pace).toEqual({ days: 8, reviewsPerDay: 0, newCardsPerDay: 3 / 8 });
    expect(later.onTrack).not.toBeNull();
  });

  it("forecasts reviews due per local day for 30 days, overdue ones today", async () => {
    const { db } = database;
    const { id: userId } = await createUser(db, { timeZone: "Asia/Kolkata" });
    const card = async (due: string, state = State.Review) => createCard(db, userId, (await createItem(db, { topic: "Polity" })).id, { due: at(due), state });
    await card("2026-11-01T00:00:00Z"); // overdue
    await card("2026-11-20T17:00:00Z"); // 22:30 today in Delhi
    await card("2026-11-20T10:10:00Z", State.Learning);
    await card("2026-11-20T19:00:00Z"); // 00:30 tomorrow in Delhi
    await card("2026-12-19T18:00:00Z"); // 23:30 on the 30th day
    await card("2026-12-19T18:30:00Z"); // midnight after it: outside
    await card("2026-11-20T00:00:00Z", State.New); // never studied: not a review

    const { forecast } = await getProgress(db, userId, NOW);
    expect(forecast).toHaveLength(30);
    expect(forecast[0]).toEqual({ day: "2026-11-20", due: 3 });
    expect(forecast[1]).toEqual({ day: "2026-11-21", due: 1 });
    expect(forecast[29]).toEqual({ day: "2026-12-19", due: 1 });
    expect(forecast.reduce((sum, { due }) => sum + due, 0)).toBe(5);
  });

  it("scores quizzes under UPSC marking, newest first", async () => {
    const { db } = database;
    const { id: userId } = await createUser(db);
    const items = await Promise.all(Array.from({ length: 5 }, () => createItem(db, { topic: "Economy" })));
    await createQuiz(db, userId, at("2026-11-10T09:00:00Z"), [{ itemId: items[0]!.id, correct: true, timeMs: 30_000 }]);
    await createQuiz(
      db,
      userId,
      at("2026-11-18T09:00:00Z"),
      [
        { itemId: items[0]!.id, correct: true, timeMs: 10_000 },
        { itemId: items[1]!.id, correct: true, timeMs: 20_000 },
        { itemId: items[2]!.id, correct: true, timeMs: 30_000 },
        { itemId: items[3]!.id, correct: false, timeMs: 60_000 },
        { itemId: items[4]!.id, correct: null },
      ],
      { mode: "topic", topic: "Economy" },
    );

    const { quizzes } = await getProgress(db, userId, NOW);
    expect(quizzes).toHaveLength(2);
    expect(quizzes[0]).toMatchObject({
      mode: "topic",
      topic: "Economy",
      questions: 5,
      correct: 3,
      wrong: 1,
      unanswered: 1,
      score: 5.33,
      maxScore: 10,
      accuracy: 0.75,
      averageTimeMs: 30_000,
    });
    expect(quizzes[1]).toMatchObject({ questions: 1, score: 2, accuracy: 1, averageTimeMs: 30_000 });
  });

  it("counts cards by state over the active bank", async () => {
    const { db } = database;
    const before = await getProgress(db, (await createUser(db)).id, NOW);
    const { id: userId } = await createUser(db);
    const topic = "Counting";
    const items = await Promise.all(Array.from({ length: 6 }, () => createItem(db, { topic })));
    const retired = await createItem(db, { topic, retiredAt: at("2026-11-01T00:00:00Z") });
    await createCard(db, userId, items[0]!.id, { state: State.Review });
    await createCard(db, userId, items[1]!.id, { state: State.Review });
    await createCard(db, userId, items[2]!.id, { state: State.Learning });
    await createCard(db, userId, items[3]!.id, { state: State.Relearning });
    await createCard(db, userId, items[4]!.id, { state: State.New });
    await createCard(db, userId, retired.id, { state: State.Review });

    const { cardsByState } = await getProgress(db, userId, NOW);
    // Six more active items than before; four of them studied, the retired item's card left out.
    expect(cardsByState).toEqual({ new: before.cardsByState.new + 6 - 4, learning: 1, review: 2, relearning: 1 });
  });

  it("gives the exam countdown and readiness equal to ts-fsrs retrievability on exam day", async () => {
    const { db } = database;
    const { id: userId } = await createUser(db, { timeZone: "Asia/Kolkata", examDate: "2027-01-10", examName: "Prelims 2027", desiredRetention: 0.9 });
    const topic = `Readiness-${provider}`;
    const hand: { stability: number; lastReview: string; state: State }[] = [
      { stability: 3.2, lastReview: "2026-11-18T09:00:00Z", state: State.Review },
      { stability: 45.5, lastReview: "2026-11-01T09:00:00Z", state: State.Review },
      { stability: 0.8, lastReview: "2026-11-20T08:00:00Z", state: State.Relearning },
    ];
    const cards: FsrsCard[] = [];
    for (const fields of hand) {
      const item = await createItem(db, { topic });
      await createCard(db, userId, item.id, { ...fields, lastReview: at(fields.lastReview), due: at("2026-11-22T09:00:00Z") });
      cards.push({
        due: at("2026-11-22T09:00:00Z"),
        stability: fields.stability,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 15,
        learning_steps: 0,
        reps: 3,
        lapses: 0,
        state: fields.state,
        last_review: at(fields.lastReview),
      });
    }
    await createItem(db, { topic }); // not studied yet

    const progress = await getProgress(db, userId, NOW);
    expect(progress.exam).toEqual({ date: "2027-01-10", name: "Prelims 2027", daysLeft: 51 });
    const examStart = startOfLocalDay("2027-01-10", "Asia/Kolkata");
    expect(examStart.toISOString()).toBe("2027-01-09T18:30:00.000Z");
    const expected = cards.map((card) => fsrs().get_retrievability(card, examStart, false));
    const readiness = progress.readiness!;
    const own = readiness.topics.find((t) => t.topic === topic)!;
    expect(own.items).toBe(4);
    expect(own.studied).toBe(3);
    expect(own.predictedRecall).toBeCloseTo(expected.reduce((a, b) => a + b) / 3, 12);
    expect(own.belowTarget).toBe(expected.filter((r) => r < 0.9).length);
    expect(readiness.plan).toMatchObject({ studyDays: 51, newCards: readiness.overall.items - 3 });
  });

  it("asks the database a fixed number of questions, whatever the history's size", async () => {
    const counted: string[] = [];
    const db = createDb(resolveDatabaseTarget(database.url), { onQuery: (query) => counted.push(query) });
    try {
      const seed = async (reviews: number) => {
        const { id: userId } = await createUser(db, { examDate: "2027-05-24" });
        const card = await createCard(db, userId, (await createItem(db, { topic: "Scale" })).id);
        for (let index = 0; index < reviews; index++) {
          await createReview(db, userId, card.id, new Date(NOW.getTime() - index * 3_600_000 * 7), { rating: 1 + (index % 4) });
        }
        return userId;
      };
      const small = await seed(3);
      const large = await seed(120);
      counted.length = 0;
      await getProgress(db, small, NOW);
      const smallQueries = counted.length;
      counted.length = 0;
      const largeProgress = await getProgress(db, large, NOW);
      expect(counted.length).toBe(smallQueries);
      expect(smallQueries).toBeLessThanOrEqual(14);
      expect(largeProgress.heatmap.totalReviews).toBe(120);
    } finally {
      await db.$disconnect();
    }
  });
});
