import { fsrs, Rating, State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview, undoReview } from "@/lib/practice/reviews";
import { newCardState, toFsrsCard } from "@/lib/srs/card-state";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

describeEachDatabase("flashcard reviews", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(
      database.db,
      Array.from({ length: 8 }, (_, index) => ({ id: `flashcard:f${index}`, topic: index < 4 ? "Topic A" : "Topic B" })),
    );
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function freshCard(userId: string) {
    const [card] = await reviewQueue(database.db, userId, 1, NOW);
    return card!;
  }

  it("schedules exactly as ts-fsrs does: Good lengthens, Again lapses and shortens", async () => {
    const user = await createUser(database.db);
    const card = await freshCard(user.id);
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
    const expected = scheduler.next(toFsrsCard(newCardState(NOW)), NOW, Rating.Good).card;

    const first = await submitReview(database.db, user.id, { reviewId: "review-0001", cardId: card.id, rating: "good", durationMs: 4000 }, NOW);
    expect(first.due).toEqual(expected.due);
    expect(first.stability).toBeCloseTo(expected.stability, 10);

    // Good again, then once in review state, Good lengthens the interval and Again lapses it.
    const second = await submitReview(database.db, user.id, { reviewId: "review-0002", cardId: card.id, rating: "good", durationMs: 3000 }, first.due);
    expect(second.state).toBe(State.Review);
    const third = await submitReview(database.db, user.id, { reviewId: "review-0003", cardId: card.id, rating: "good", durationMs: 3000 }, second.due);
    expect(third.scheduledDays).toBeGreaterThan(second.scheduledDays);
    const lapse = await submitReview(database.db, user.id, { reviewId: "review-0004", cardId: card.id, rating: "again", durationMs: 3000 }, third.due);
    const stored = await database.db.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored.lapses).toBe(1);
    expect(stored.state).toBe(State.Relearning);
    expect(lapse.due.getTime() - third.due.getTime()).toBeLessThan(third.scheduledDays * 86_400_000);
    expect(await database.db.reviewLog.count({ where: { cardId: card.id } })).toBe(4);
  });

  it("stores a retried rating once and answers the retry with the first result", async () => {
    const user = await createUser(database.db);
    const card = await freshCard(user.id);
    const input = { reviewId: "retry-0001", cardId: card.id, rating: "good" as const, durationMs: 1000 };
    const first = await submitReview(database.db, user.id, input, NOW);
    const again = await submitReview(database.db, user.id, input, later(1));
    expect(again).toEqual(first);
    const both = await Promise.all([
      submitReview(database.db, user.id, { ...input, reviewId: "retry-0002" }, later(2)),
      submitReview(database.db, user.id, { ...input, reviewId: "retry-0002" }, later(2)),
    ]);
    expect(both[1]).toEqual(both[0]);
    expect(await database.db.reviewLog.count({ where: { cardId: card.id } })).toBe(2);
    expect((await database.db.card.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(2);
  });

  it("applies two different ratings of one card sent at once one after the other, losing neither", async () => {
    const user = await createUser(database.db);
    const card = await freshCard(user.id);
    await Promise.all([
      submitReview(database.db, user.id, { reviewId: "race-0001", cardId: card.id, rating: "good", durationMs: 1 }, NOW),
      submitReview(database.db, user.id, { reviewId: "race-0002", cardId: card.id, rating: "again", durationMs: 1 }, NOW),
    ]);
    const stored = await database.db.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored.reps).toBe(2);
    expect(stored.version).toBe(2);
    const logs = await database.db.reviewLog.findMany({ where: { cardId: card.id }, orderBy: { id: "asc" } });
    expect(logs).toHaveLength(2);
    // Each log's snapshot is the state the other left: one started from new, the other from the first's result.
    expect(logs.map((log) => JSON.parse(log.cardBefore).reps).sort()).toEqual([0, 1]);
  });

  it("undoes a rating exactly: the card as before, the log gone", async () => {
    const user = await createUser(database.db);
    const card = await freshCard(user.id);
    await submitReview(database.db, user.id, { reviewId: "undo-0001", cardId: card.id, rating: "good", durationMs: 1 }, NOW);
    const before = await database.db.card.findUniqueOrThrow({ where: { id: card.id } });
    await submitReview(database.db, user.id, { reviewId: "undo-0002", cardId: card.id, rating: "easy", durationMs: 1 }, later(1));
    await expect(undoReview(database.db, user.id, "undo-0001")).rejects.toThrow(ConflictError);
    await undoReview(database.db, user.id, "undo-0002");
    const after = await database.db.card.findUniqueOrThrow({ where: { id: card.id } });
    const { version: _v1, ...restoredFields } = after;
    const { version: _v2, ...originalFields } = before;
    expect(restoredFields).toEqual(originalFields);
    expect(await database.db.reviewLog.findUnique({ where: { reviewId: "undo-0002" } })).toBeNull();
    await expect(undoReview(database.db, user.id, "undo-0002")).rejects.toThrow(NotFoundError);
  });

  it("never touches another user's card or review", async () => {
    const owner = await createUser(database.db);
    const other = await createUser(database.db);
    const card = await freshCard(owner.id);
    await expect(submitReview(database.db, other.id, { reviewId: "other-0001", cardId: card.id, rating: "good", durationMs: 1 }, NOW)).rejects.toThrow(NotFoundError);
    await submitReview(database.db, owner.id, { reviewId: "owner-0001", cardId: card.id, rating: "good", durationMs: 1 }, NOW);
    await expect(undoReview(database.db, other.id, "owner-0001")).rejects.toThrow(NotFoundError);
    expect(await database.db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
  });

  it("serves due cards first, most overdue first, then new cards up to what is left of the daily limit", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 3 });
    const first = await reviewQueue(database.db, user.id, 50, NOW);
    expect(first.map((card) => card.state)).toEqual([State.New, State.New, State.New]);
    expect(first[0]!.intervals.good.getTime()).toBeGreaterThan(first[0]!.intervals.again.getTime());
    // Rating two new cards today uses two of the three new-card slots.
    for (const [index, card] of first.slice(0, 2).entries()) {
      await submitReview(database.db, user.id, { reviewId: `queue-000${index}`, cardId: card.id, rating: index === 0 ? "again" : "good", durationMs: 1 }, NOW);
    }
    const soon = new Date(NOW.getTime() + 30 * 60_000);
    const queue = await reviewQueue(database.db, user.id, 50, soon);
    const due = queue.filter((card) => card.state !== State.New);
    expect(due.map((card) => card.id)).toEqual([first[0]!.id, first[1]!.id]);
    expect(queue.filter((card) => card.state === State.New)).toHaveLength(1);
    // A new day in the user's zone brings new cards again.
    expect((await reviewQueue(database.db, user.id, 50, later(2))).filter((card) => card.state === State.New)).toHaveLength(3);
  });
});
