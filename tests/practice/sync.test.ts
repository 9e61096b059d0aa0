import { afterAll, beforeAll, expect, it } from "vitest";
import { ConflictError, RejectedFieldError } from "@/lib/errors";
import { DEFAULT_POLICY } from "@/lib/practice/policy";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview, undoReview } from "@/lib/practice/reviews";
import { syncRatings, type DeviceRating } from "@/lib/practice/sync";
import { replayMismatches } from "@/lib/reliability/replay";
import { rollupMismatches } from "@/lib/reliability/rollups";
import type { RatingName } from "@/lib/srs/schedule";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const minutes = (count: number) => new Date(NOW.getTime() + count * 60_000);

describeEachDatabase("syncing ratings made on devices", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 6 }, (_, index) => ({ id: `flashcard:s${index}`, topic: index < 3 ? "Topic A" : "Topic B" })),
      { id: "mcq:s9", type: "mcq" },
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function userWithCards(count: number) {
    const user = await createUser(database.db, { newCardsPerDay: 6 });
    const cards = await reviewQueue(database.db, user.id, count, NOW);
    return { user, cardIds: cards.map((card) => card.id) };
  }

  const rating = (reviewId: string, cardId: string, rated: RatingName, at: Date): DeviceRating => ({ reviewId, cardId, rating: rated, reviewedAt: at, durationMs: 2000 });

  /** Every card of the user equals an independent replay of its log from a new card, and the rollups equal a recount of the log. */
  async function expectLogsAndRollupsAgree(userId: string) {
    const replay = await replayMismatches(database.db, [userId], () => DEFAULT_POLICY);
    expect(replay.mismatches).toEqual([]);
    expect(await rollupMismatches(database.db, [userId])).toEqual([]);
  }

  async function cardState(cardId: string) {
    const card = await database.db.card.findUniqueOrThrow({ where: { id: cardId } });
    return { due: card.due, stability: card.stability, difficulty: card.difficulty, reps: card.reps, lapses: card.lapses, state: card.state };
  }

  it("puts a rating made offline before the card's latest stored rating in its place and replays the card", async () => {
    const { user, cardIds } = await userWithCards(1);
    const cardId = cardIds[0]!;
    await submitReview(database.db, user.id, { reviewId: `online-${user.id}`, cardId, rating: "good", durationMs: 1 }, minutes(30));
    const result = await syncRatings(database.db, user.id, [rating(`offline-${user.id}`, cardId, "again", minutes(10))], minutes(40));

    expect(result.ratings).toEqual([{ reviewId: `offline-${user.id}`, status: "applied" }]);
    const logs = await database.db.reviewLog.findMany({ where: { cardId }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((log) => [log.reviewId, JSON.parse(log.cardBefore).reps])).toEqual([
      [`offline-${user.id}`, 0],
      [`online-${user.id}`, 1],
    ]);
    // The online rating now follows an "again": the card is in learning from the offline rating, rated good after it.
    expect(logs[0]!.stateBefore).toBe(0);
    expect(logs[1]!.stateBefore).toBe(logs[0]!.state);
    expect(result.cards).toEqual([{ cardId, ...(await cardState(cardId)) }]);
    await expectLogsAndRollupsAgree(user.id);
  });

  it("changes nothing when a batch is sent again, or holds a rating twice", async () => {
    const { user, cardIds } = await userWithCards(2);
    const batch = [
      rating(`a-${user.id}`, cardIds[0]!, "good", minutes(1)),
      rating(`b-${user.id}`, cardIds[1]!, "hard", minutes(2)),
      rating(`a-${user.id}`, cardIds[0]!, "good", minutes(1)),
    ];
    const first = await syncRatings(database.db, user.id, batch, minutes(5));
    expect(first.ratings.map((entry) => entry.status)).toEqual(["applied", "applied", "applied"]);
    const cardsAfterFirst = await database.db.card.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });

    const retry = await syncRatings(database.db, user.id, batch, minutes(6));
    expect(retry.ratings.map((entry) => entry.status)).toEqual(["known", "known", "known"]);
    expect(retry.cards).toEqual(first.cards);
    expect(await database.db.card.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } })).toEqual(cardsAfterFirst);
    expect(await database.db.reviewLog.count({ where: { userId: user.id } })).toBe(2);
    await expectLogsAndRollupsAgree(user.id);
  });

  it("brings two devices' offline ratings of the same cards to the same states, whichever syncs first", async () => {
    const phone = (prefix: string, cardIds: string[]) => [
      rating(`${prefix}-p1`, cardIds[0]!, "good", minutes(1)),
      rating(`${prefix}-p2`, cardIds[1]!, "again", minutes(2)),
      rating(`${prefix}-p3`, cardIds[0]!, "good", minutes(20)),
    ];
    const tablet = (prefix: string, cardIds: string[]) => [
      rating(`${prefix}-t1`, cardIds[0]!, "hard", minutes(5)),
      rating(`${prefix}-t2`, cardIds[1]!, "good", minutes(3)),
      rating(`${prefix}-t3`, cardIds[1]!, "easy", minutes(40)),
    ];
    const first = await userWithCards(2);
    await syncRatings(database.db, first.user.id, phone(first.user.id, first.cardIds), minutes(60));
    await syncRatings(database.db, first.user.id, tablet(first.user.id, first.cardIds), minutes(61));
    const second = await userWithCards(2);
    await syncRatings(database.db, second.user.id, tablet(second.user.id, second.cardIds), minutes(60));
    await syncRatings(database.db, second.user.id, phone(second.user.id, second.cardIds), minutes(61));

    for (const index of [0, 1]) {
      const a = await cardState(first.cardIds[index]!);
      expect(a.reps).toBe(3);
      expect(await cardState(second.cardIds[index]!)).toEqual(a);
    }
    await expectLogsAndRollupsAgree(first.user.id);
    await expectLogsAndRollupsAgree(second.user.id);
  });

  it("applies every rating exactly once when two devices sync the same cards at the same moment", async () => {
    const { user, cardIds } = await userWithCards(4);
    const device = (name: string, offset: number) =>
      cardIds.flatMap((cardId, index) => [
        rating(`${name}-${index}-1-${user.id}`, cardId, (["good", "hard", "again", "easy"] as const)[index]!, minutes(offset + index)),
        rating(`${name}-${index}-2-${user.id}`, cardId, "good", minutes(offset + 30 + index)),
      ]);
    const phone = device("phone", 0);
    const tablet = device("tablet", 7);
    // The tablet also resends two of the phone's ratings it learned of: duplicates across devices.
    const results = await Promise.all([syncRatings(database.db, user.id, phone, minutes(90)), syncRatings(database.db, user.id, [...tablet, phone[0]!, phone[3]!], minutes(90))]);

    const applied = results.flatMap((result) => result.ratings.filter((entry) => entry.status === "applied").map((entry) => entry.reviewId));
    expect(applied.sort()).toEqual([...phone, ...tablet].map((entry) => entry.reviewId).sort());
    expect(await database.db.reviewLog.count({ where: { userId: user.id } })).toBe(16);
    for (const cardId of cardIds) expect((await cardState(cardId)).reps).toBe(4);
    await expectLogsAndRollupsAgree(user.id);
  });

  it("keeps undo working on the latest rating after a late one was put before it", async () => {
    const { user, cardIds } = await userWithCards(1);
    const cardId = cardIds[0]!;
    await syncRatings(database.db, user.id, [rating(`late-2-${user.id}`, cardId, "good", minutes(20))], minutes(21));
    await syncRatings(database.db, user.id, [rating(`late-1-${user.id}`, cardId, "again", minutes(10))], minutes(22));
    await undoReview(database.db, user.id, `late-2-${user.id}`);
    const onlyEarly = await userWithCards(1);
    await syncRatings(database.db, onlyEarly.user.id, [rating(`early-${onlyEarly.user.id}`, onlyEarly.cardIds[0]!, "again", minutes(10))], minutes(22));
    expect(await cardState(cardId)).toEqual(await cardState(onlyEarly.cardIds[0]!));
    await expectLogsAndRollupsAgree(user.id);
  });

  it("refuses ratings from the future or older than 30 days, and reports cards that are not the user's flashcards", async () => {
    const { user, cardIds } = await userWithCards(1);
    await expect(syncRatings(database.db, user.id, [rating(`future-${user.id}`, cardIds[0]!, "good", minutes(10))], NOW)).rejects.toMatchObject({
      constructor: RejectedFieldError,
      field: "ratings.0.reviewedAt",
    });
    const old = new Date(NOW.getTime() - 31 * 86_400_000);
    await expect(syncRatings(database.db, user.id, [rating(`old-${user.id}`, cardIds[0]!, "good", old)], NOW)).rejects.toBeInstanceOf(RejectedFieldError);

    const stranger = await userWithCards(1);
    const quizCard = await database.db.card.create({ data: { userId: user.id, itemId: "mcq:s9", due: NOW }, select: { id: true } });
    const result = await syncRatings(
      database.db,
      user.id,
      [rating(`theirs-${user.id}`, stranger.cardIds[0]!, "good", minutes(-5)), rating(`quiz-${user.id}`, quizCard.id, "good", minutes(-5)), rating(`mine-${user.id}`, cardIds[0]!, "good", minutes(-5))],
      NOW,
    );
    expect(result.ratings.map((entry) => entry.status)).toEqual(["unknown_card", "unknown_card", "applied"]);
    expect(await database.db.reviewLog.count({ where: { cardId: stranger.cardIds[0]! } })).toBe(0);

    // A review id already used by another account is refused, and the other account's rating stays.
    await syncRatings(database.db, stranger.user.id, [rating(`shared-${stranger.user.id}`, stranger.cardIds[0]!, "good", minutes(-5))], NOW);
    await expect(syncRatings(database.db, user.id, [rating(`shared-${stranger.user.id}`, cardIds[0]!, "easy", minutes(-4))], NOW)).rejects.toBeInstanceOf(ConflictError);
    expect((await database.db.reviewLog.findUniqueOrThrow({ where: { reviewId: `shared-${stranger.user.id}` } })).userId).toBe(stranger.user.id);
  });
});
