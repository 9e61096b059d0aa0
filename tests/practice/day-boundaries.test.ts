import { State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dailyQuiz } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { todaySummary } from "@/lib/today/summary";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const QUIZ_TYPES = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];

describeEachDatabase("the user's day in their time zone", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 12 }, (_, index) => ({ id: `flashcard:f${index}` })),
      ...Array.from({ length: 10 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:q${index}`, type: QUIZ_TYPES[index % 5] })),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function rateNew(userId: string, at: Date) {
    const fresh = (await reviewQueue(database.db, userId, 50, at)).filter((card) => card.state === State.New);
    for (const card of fresh) {
      await submitReview(database.db, userId, { reviewId: `day-${card.id}-${at.getTime()}`, cardId: card.id, rating: "easy", durationMs: 1 }, at);
    }
    return fresh.length;
  }
  const newIn = async (userId: string, at: Date) => (await reviewQueue(database.db, userId, 50, at)).filter((card) => card.state === State.New).length;

  it("renews the new-card allowance at local midnight, not UTC midnight", async () => {
    // 23:30 on 20 November in New York (UTC-5) and 00:30 on the 21st: one UTC day, two local days.
    const lateEvening = new Date("2026-11-21T04:30:00Z");
    const afterMidnight = new Date("2026-11-21T05:30:00Z");
    const newYork = await createUser(database.db, { timeZone: "America/New_York", newCardsPerDay: 2 });
    const kolkata = await createUser(database.db, { timeZone: "Asia/Kolkata", newCardsPerDay: 2 });
    for (const user of [newYork, kolkata]) expect(await rateNew(user.id, lateEvening)).toBe(2);
    expect(await newIn(newYork.id, lateEvening)).toBe(0);
    expect(await newIn(newYork.id, afterMidnight)).toBe(2);
    // 10:00 and 11:00 in Kolkata: the same day there.
    expect(await newIn(kolkata.id, afterMidnight)).toBe(0);
    expect((await todaySummary(database.db, newYork.id, afterMidnight)).day).toBe("2026-11-21");
    expect((await todaySummary(database.db, newYork.id, lateEvening)).day).toBe("2026-11-20");
  });

  it("keeps the 25-hour day when daylight saving time ends in one day", async () => {
    // New York leaves daylight saving time at 02:00 on 1 November 2026: that day lasts 25 hours.
    const user = await createUser(database.db, { timeZone: "America/New_York", newCardsPerDay: 3 });
    expect(await rateNew(user.id, new Date("2026-11-01T04:30:00Z"))).toBe(3); // 00:30 EDT, 1 November
    expect(await newIn(user.id, new Date("2026-11-02T04:30:00Z"))).toBe(0); // 23:30 EST, still 1 November
    expect(await newIn(user.id, new Date("2026-11-02T05:30:00Z"))).toBe(3); // 00:30 EST, 2 November
  });

  it("counts as due today what falls due before the user's midnight", async () => {
    const user = await createUser(database.db, { timeZone: "Asia/Kathmandu", newCardsPerDay: 2 });
    // 10:00 in Kathmandu (UTC+5:45); Easy puts both cards days ahead.
    const morning = new Date("2026-11-20T04:15:00Z");
    await rateNew(user.id, morning);
    const cards = await database.db.card.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    // One card due at 23:59 local, the other at 00:01 the next local day.
    await database.db.card.update({ where: { id: cards[0]!.id }, data: { due: new Date("2026-11-20T18:14:00Z") } });
    await database.db.card.update({ where: { id: cards[1]!.id }, data: { due: new Date("2026-11-20T18:16:00Z") } });
    expect((await todaySummary(database.db, user.id, morning)).due).toBe(1);
    expect((await todaySummary(database.db, user.id, new Date("2026-11-20T18:20:00Z"))).due).toBe(2);
  });

  it("makes a new daily quiz at the user's midnight, and the same one all day", async () => {
    const user = await createUser(database.db, { timeZone: "Asia/Kathmandu", dailyQuizSize: 5 });
    const beforeMidnight = await dailyQuiz(database.db, user.id, new Date("2026-11-20T18:14:00Z"));
    const morning = await dailyQuiz(database.db, user.id, new Date("2026-11-20T04:15:00Z"));
    const afterMidnight = await dailyQuiz(database.db, user.id, new Date("2026-11-20T18:16:00Z"));
    expect(morning.id).toBe(beforeMidnight.id);
    expect(beforeMidnight.dailyDay).toBe("2026-11-20");
    expect(afterMidnight.dailyDay).toBe("2026-11-21");
    expect(afterMidnight.id).not.toBe(beforeMidnight.id);
  });
});
