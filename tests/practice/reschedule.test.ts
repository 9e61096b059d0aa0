import { createEmptyCard, fsrs, type Card as FsrsCard } from "ts-fsrs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { seededRandom } from "@/lib/content/generate/random";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { DEFAULT_PARAMETERS } from "@/lib/memory-model/parameters";
import { policyOf } from "@/lib/practice/policy";
import { replayHere, rescheduleCards, type CardReplayer } from "@/lib/practice/reschedule";
import { replayInChildProcess } from "@/lib/practice/reschedule-process";
import { submitReview, undoReview } from "@/lib/practice/reviews";
import { replayMismatches } from "@/lib/reliability/replay";
import { CARD_STATE_SELECT } from "@/lib/srs/card-state";
import { createItems, createUser } from "../helpers/factories";
import { FAST_FORGETTER, storeSyntheticHistory, syntheticHistory } from "../helpers/review-history";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const START = new Date("2026-01-01T00:00:00Z");
/** A day after the synthetic history ends. */
const NOW = new Date("2026-05-02T06:00:00Z");
const ITEMS = Array.from({ length: 80 }, (_, i) => `flashcard:r${i}`);

// The replay runs in a child process at nice 19: on a shared, loaded machine it takes its time.
vi.setConfig({ testTimeout: 120_000 });

describeEachDatabase("reschedule my cards", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, ITEMS.map((id) => ({ id, factIds: [id.split(":")[1]!] })));
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** The app's replayer: a child process reading the test database through a read-only connection of its own. */
  const inChild = (): CardReplayer => replayInChildProcess(resolveDatabaseTarget(database.url));

  /** A learner with four months of reviews logged under the defaults, who has since adopted FAST_FORGETTER. */
  async function learnerWithFittedParameters(seed: string) {
    const user = await createUser(database.db);
    const history = syntheticHistory({ trueParameters: FAST_FORGETTER, cards: ITEMS.length, newCardsPerDay: 4, start: START, days: 120, random: seededRandom(seed) });
    await storeSyntheticHistory(database.db, user.id, history, ITEMS);
    await database.db.userSettings.update({ where: { userId: user.id }, data: { fsrsParameters: JSON.stringify(FAST_FORGETTER) } });
    return user;
  }

  /** Every card of the user with ts-fsrs' own reschedule of its log (an oracle apart from the app's replay) under `weights`. */
  async function cardsAndTheirReschedule(userId: string, weights: readonly number[]) {
    const scheduler = fsrs({ w: [...weights], request_retention: 0.9, enable_fuzz: false });
    const cards = await database.db.card.findMany({ where: { userId }, select: { ...CARD_STATE_SELECT, id: true, createdAt: true, reviewLogs: { select: { rating: true, reviewedAt: true } } } });
    return cards.map((card) => {
      const reviews = card.reviewLogs.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime()).map((log) => ({ rating: log.rating, review: log.reviewedAt }));
      const { collections } = scheduler.reschedule(createEmptyCard(card.createdAt), reviews, { skipManual: true });
      return { card, replayed: collections.map((item) => item.card) };
    });
  }

  function expectSameState(stored: { due: Date; stability: number; difficulty: number; reps: number; lapses: number; state: number; lastReview: Date | null }, replayed: FsrsCard) {
    expect(stored.due.getTime()).toBe(replayed.due.getTime());
    expect(stored.stability).toBeCloseTo(replayed.stability, 9);
    expect(stored.difficulty).toBeCloseTo(replayed.difficulty, 9);
    expect(stored.reps).toBe(replayed.reps);
    expect(stored.lapses).toBe(replayed.lapses);
    expect(stored.state).toBe(replayed.state);
    expect(stored.lastReview?.getTime()).toBe(replayed.last_review?.getTime());
  }

  it("gives every card the state a replay of its log with the fitted parameters gives, logs included, and changes nothing when run again", async () => {
    const user = await learnerWithFittedParameters("reschedule");

    const result = await rescheduleCards(database.db, user.id, { batchSize: 7, replayer: inChild() });

    expect(result.cards).toBe(ITEMS.length);
    expect(result.changed).toBe(ITEMS.length);
    expect(result.moved).toBeGreaterThan(ITEMS.length / 2);
    const fitted = await cardsAndTheirReschedule(user.id, FAST_FORGETTER);
    for (const { card, replayed } of fitted) expectSameState(card, replayed.at(-1)!);
    // The fitted parameters made the difference: the defaults' replay ends elsewhere for most cards.
    const defaults = await cardsAndTheirReschedule(user.id, DEFAULT_PARAMETERS);
    expect(defaults.filter(({ card, replayed }) => Math.abs(card.stability - replayed.at(-1)!.stability) > 1e-6).length).toBeGreaterThan(ITEMS.length / 2);
    // Each log row records the replayed states (the reliability check), so undo restores a rescheduled state.
    const settings = await database.db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect((await replayMismatches(database.db, [user.id], () => policyOf(settings))).mismatches).toEqual([]);
    const { card, replayed } = fitted.find(({ replayed }) => replayed.length >= 3)!;
    const last = await database.db.reviewLog.findFirstOrThrow({ where: { cardId: card.id }, orderBy: { reviewedAt: "desc" } });
    await undoReview(database.db, user.id, last.reviewId);
    expectSameState(await database.db.card.findUniqueOrThrow({ where: { id: card.id } }), replayed.at(-2)!);

    expect(await rescheduleCards(database.db, user.id, { replayer: inChild() })).toEqual({ cards: ITEMS.length, changed: 0, moved: 0 });
  });

  it("replays on this thread (the bench's before) exactly as in the child process", async () => {
    const here = await learnerWithFittedParameters("here");
    const child = await learnerWithFittedParameters("here");
    // Each card's state and its log's replayed states; the snapshot before a first rating holds the card's creation time, which differs.
    const cardsOf = async (userId: string) =>
      (
        await database.db.card.findMany({
          where: { userId },
          orderBy: { itemId: "asc" },
          select: { ...CARD_STATE_SELECT, reviewLogs: { orderBy: { reviewedAt: "asc" }, select: { cardBefore: true, state: true, due: true, stability: true, difficulty: true } } },
        })
      ).map(({ reviewLogs, ...card }) => ({ ...card, reviewLogs: reviewLogs.map((log, i) => ({ ...log, cardBefore: i === 0 ? null : log.cardBefore })) }));

    const inProcess = await rescheduleCards(database.db, here.id, { batchSize: 9, replayer: replayHere(database.db) });
    const inChildProcess = await rescheduleCards(database.db, child.id, { batchSize: 9, replayer: inChild() });

    expect(inProcess).toEqual(inChildProcess);
    expect(inProcess.changed).toBe(ITEMS.length);
    expect(await cardsOf(here.id)).toEqual(await cardsOf(child.id));
  });

  it("fails the reschedule, writing nothing more, when the replay's process fails", async () => {
    const user = await learnerWithFittedParameters("broken replay");
    const before = await database.db.card.findMany({ where: { userId: user.id }, orderBy: { id: "asc" }, select: CARD_STATE_SELECT });
    // A database the child process cannot open read-only: it does not exist.
    const broken = replayInChildProcess(resolveDatabaseTarget(provider === "sqlite" ? "file:./data/no-such-reschedule-test.db" : `${database.url.split("?")[0]}?schema=no_such_schema`));

    await expect(rescheduleCards(database.db, user.id, { replayer: broken })).rejects.toThrow(/The replay failed/);
    expect(await database.db.card.findMany({ where: { userId: user.id }, orderBy: { id: "asc" }, select: CARD_STATE_SELECT })).toEqual(before);
  });

  it("never loses a rating submitted while its card is being rescheduled", async () => {
    const user = await learnerWithFittedParameters("concurrent rating");
    const rated: string[] = [];

    const result = await rescheduleCards(database.db, user.id, {
      batchSize: 10,
      replayer: inChild(),
      beforeWrite: async (cardIds) => {
        // Once, between the batch's read and its write: the learner rates its first card.
        if (rated.length > 0) return;
        rated.push(cardIds[0]!);
        await submitReview(database.db, user.id, { reviewId: `meanwhile-${user.id}`, cardId: cardIds[0]!, rating: "again", durationMs: 3_000 }, NOW);
      },
    });

    expect(result.cards).toBe(ITEMS.length);
    const log = await database.db.reviewLog.findUniqueOrThrow({ where: { reviewId: `meanwhile-${user.id}` } });
    expect(log.cardId).toBe(rated[0]);
    for (const { card, replayed } of await cardsAndTheirReschedule(user.id, FAST_FORGETTER)) {
      expect(card.reps).toBe(card.reviewLogs.length);
      expectSameState(card, replayed.at(-1)!);
    }
    const ratedCard = await database.db.card.findUniqueOrThrow({ where: { id: rated[0]! } });
    expect(ratedCard.lastReview?.getTime()).toBe(NOW.getTime());
  });
});
