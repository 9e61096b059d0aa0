import { State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { todaySummary } from "@/lib/today/summary";
import { reviewsDueTomorrow } from "@/lib/progress/forecast";
import { getProgress } from "@/lib/progress/progress";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// 10:00 on 20 November in Kolkata; the local day ends at 18:30 UTC.
const MORNING = new Date("2026-11-20T04:30:00Z");
const minutes = (count: number) => new Date(MORNING.getTime() + count * 60_000);
const TONIGHT = new Date("2026-11-20T18:00:00Z");
const TOMORROW_MORNING = new Date("2026-11-21T04:30:00Z");

/** A studied card in the review state, due at `due`. */
async function reviewCard(db: Db, userId: string, itemId: string, due: Date, state: State = State.Review) {
  return db.card.create({
    data: { userId, itemId, due, stability: 8, difficulty: 5, scheduledDays: 7, reps: 3, state, lastReview: new Date(due.getTime() - 7 * 86_400_000) },
    select: { id: true },
  });
}

const rate = (db: Db, userId: string, cardId: string, rating: "again" | "good", at: Date) =>
  submitReview(db, userId, { reviewId: `r-${cardId}-${at.getTime()}`, cardId, rating, durationMs: 1 }, at);

describeEachDatabase("a flashcard day: learning steps, siblings, new cards and one count of due", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      // Facts a0-a9, b0-b9, c0-c9 in topics A, B and C, each with a flashcard and a cloze.
      ...["A", "B", "C"].flatMap((topic) =>
        Array.from({ length: 10 }, (_, index) => [
          { id: `flashcard:${topic.toLowerCase()}${index}`, topic: `Topic ${topic}`, factIds: [`${topic.toLowerCase()}${index}`] },
          { id: `cloze:${topic.toLowerCase()}${index}`, type: "cloze", topic: `Topic ${topic}`, factIds: [`${topic.toLowerCase()}${index}`] },
        ]).flat(),
      ),
      { id: "mcq:a0", type: "mcq", topic: "Topic A", factIds: ["a0"] },
      { id: "flashcard:retired", topic: "Topic A", factIds: ["retired"] },
    ]);
    await database.db.bankItem.update({ where: { id: "flashcard:retired" }, data: { retiredAt: MORNING } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("brings a card rated Again back the same day when its step is due, and counts it as due until then", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 0 });
    const card = await reviewCard(database.db, user.id, "flashcard:a0", MORNING);
    expect((await reviewQueue(database.db, user.id, 50, MORNING)).map((queued) => queued.id)).toEqual([card.id]);
    const again = await rate(database.db, user.id, card.id, "again", MORNING);
    expect(again.state).toBe(State.Relearning);
    expect(again.due.getTime()).toBeLessThan(minutes(15).getTime());

    // A minute later the step is not due yet: the queue has it, to show when the step is due.
    const waiting = await reviewQueue(database.db, user.id, 50, minutes(1));
    expect(waiting).toEqual([expect.objectContaining({ id: card.id, state: State.Relearning, showAt: again.due })]);
    expect((await todaySummary(database.db, user.id, minutes(1))).due).toBe(1);

    // Once the step is due it is shown now, and after a Good it leaves the day.
    const ready = await reviewQueue(database.db, user.id, 50, again.due);
    expect(ready).toEqual([expect.objectContaining({ id: card.id, showAt: again.due })]);
    await rate(database.db, user.id, card.id, "good", minutes(20));
    const after = await reviewQueue(database.db, user.id, 50, minutes(21));
    expect(after.every((queued) => queued.showAt.getTime() > minutes(21).getTime())).toBe(true);
  });

  it("buries a fact's other card for the rest of the day once one is rated, never a learning card, and serves it tomorrow", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 0 });
    const flashcard = await reviewCard(database.db, user.id, "flashcard:b1", minutes(-60));
    const cloze = await reviewCard(database.db, user.id, "cloze:b1", minutes(-30));
    expect((await reviewQueue(database.db, user.id, 50, MORNING)).map((queued) => queued.id)).toEqual([flashcard.id, cloze.id]);
    await rate(database.db, user.id, flashcard.id, "good", MORNING);

    expect((await reviewQueue(database.db, user.id, 50, minutes(1))).map((queued) => queued.id)).toEqual([]);
    expect((await todaySummary(database.db, user.id, minutes(1))).due).toBe(0);
    expect(await reviewsDueTomorrow(database.db, user.id, minutes(1))).toBe(1);
    expect((await reviewQueue(database.db, user.id, 50, TOMORROW_MORNING)).map((queued) => queued.id)).toEqual([cloze.id]);

    // A relearning card stays in its steps, whatever its sibling did.
    const relearning = await reviewCard(database.db, user.id, "cloze:b2", MORNING, State.Relearning);
    const sibling = await reviewCard(database.db, user.id, "flashcard:b2", MORNING);
    await rate(database.db, user.id, sibling.id, "good", minutes(2));
    expect((await reviewQueue(database.db, user.id, 50, minutes(3))).map((queued) => queued.id)).toEqual([relearning.id]);
  });

  it("counts due flashcards the same on Today, Progress and in the queue, and no quiz question or retired item among them", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 0 });
    await reviewCard(database.db, user.id, "flashcard:c0", minutes(-600));
    await reviewCard(database.db, user.id, "cloze:c1", TONIGHT);
    await reviewCard(database.db, user.id, "flashcard:c2", TOMORROW_MORNING);
    // Not flashcards due today: a quiz question's card and a retired item's card.
    await reviewCard(database.db, user.id, "mcq:a0", minutes(-600));
    await reviewCard(database.db, user.id, "flashcard:retired", minutes(-600));
    // A pair of siblings, one rated today: the other is buried.
    const rated = await reviewCard(database.db, user.id, "flashcard:c3", minutes(-60));
    await reviewCard(database.db, user.id, "cloze:c3", minutes(-60));
    await rate(database.db, user.id, rated.id, "good", minutes(-30));

    const queue = await reviewQueue(database.db, user.id, 50, MORNING);
    const today = await todaySummary(database.db, user.id, MORNING);
    const progress = await getProgress(database.db, user.id, MORNING);
    expect(queue.map((queued) => queued.itemId).sort()).toEqual(["cloze:c1", "flashcard:c0"]);
    expect(today.due).toBe(2);
    expect(progress.forecast[0]!.due).toBe(2);
    // Tomorrow: the one scheduled then and the buried sibling.
    expect(progress.forecast[1]!.due).toBe(2);
  });

  it("introduces new cards across topics in turn, one card per fact, none whose sibling was rated today", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 6 });
    const first = await reviewQueue(database.db, user.id, 50, MORNING);
    expect(first).toHaveLength(6);
    const topics = first.map((card) => card.topic);
    expect(topics.filter((topic) => topic === "Topic A")).toHaveLength(2);
    expect(topics.filter((topic) => topic === "Topic B")).toHaveLength(2);
    expect(topics.filter((topic) => topic === "Topic C")).toHaveLength(2);
    const facts = first.map((card) => card.itemId.split(":")[1]);
    expect(new Set(facts).size).toBe(6);

    // Fetched again (a reload), the cards already introduced still come a topic at a time.
    const again = await reviewQueue(database.db, user.id, 50, MORNING);
    expect(again.map((card) => card.id).sort()).toEqual(first.map((card) => card.id).sort());
    // In the same order: the next card does not change on a reload.
    expect(again.map((card) => card.id)).toEqual(first.map((card) => card.id));
    expect(new Set(again.slice(0, 3).map((card) => card.topic)).size).toBe(3);

    // Rate one; the next queue of the day introduces no sibling of it.
    await rate(database.db, user.id, first[0]!.id, "good", MORNING);
    const ratedFact = first[0]!.itemId.split(":")[1];
    const next = await reviewQueue(database.db, user.id, 50, minutes(1));
    expect(next.some((card) => card.itemId.split(":")[1] === ratedFact && card.id !== first[0]!.id)).toBe(false);
  });
});

describeEachDatabase("new cards keep their order from one fetch to the next", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    // Topic names and item ids in opposite orders, as in the generated bank ("cloze:…" before "flashcard:…").
    await createItems(database.db, [
      ...Array.from({ length: 3 }, (_, index) => ({ id: `flashcard:alpha${index}`, topic: "Alpha", factIds: [`alpha${index}`] })),
      ...Array.from({ length: 3 }, (_, index) => ({ id: `cloze:beta${index}`, type: "cloze", topic: "Beta", factIds: [`beta${index}`] })),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("shows the same next card after a reload as on the first fetch, which introduced the cards", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 4 });
    const first = await reviewQueue(database.db, user.id, 50, MORNING);
    expect(first).toHaveLength(4);
    expect(new Set(first.slice(0, 2).map((card) => card.topic)).size).toBe(2);
    const again = await reviewQueue(database.db, user.id, 50, minutes(1));
    expect(again.map((card) => card.id)).toEqual(first.map((card) => card.id));
  });
});
