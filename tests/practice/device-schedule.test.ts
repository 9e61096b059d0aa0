import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { ConflictError } from "@/lib/errors";
import { deviceQueue } from "@/lib/practice/device-queue";
import { rateOnDevice } from "@/lib/practice/device-schedule";
import { syncDeviceRatings } from "@/lib/practice/device-sync";
import { DEFAULT_POLICY } from "@/lib/practice/policy";
import { cardStateOf, newCardState, type CardState } from "@/lib/srs/card-state";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
// Fitted weights unlike ts-fsrs' defaults: the device must schedule with the user's own.
const FITTED = default_w.map((weight, index) => (index < 4 ? weight * 3 : weight));

describe("rating on the device", () => {
  it("brings a card rated Again back after its learning step, and one rated Easy not today", () => {
    const again = rateOnDevice(newCardState(NOW), "again", NOW, DEFAULT_POLICY);
    expect(again.comesBackAt).toEqual(new Date(NOW.getTime() + 60_000));
    expect(again.memory.state).toBe(1);
    // Rated Good when it comes back: its next step, ten minutes on.
    const good = rateOnDevice(again.memory, "good", again.comesBackAt!, DEFAULT_POLICY);
    expect(good.comesBackAt).toEqual(new Date(again.comesBackAt!.getTime() + 10 * 60_000));
    expect(rateOnDevice(newCardState(NOW), "easy", NOW, DEFAULT_POLICY).comesBackAt).toBeNull();
  });

  it("does not bring a card back when its step falls after the end of the user's day", () => {
    // 23:59:30 in Kolkata: the one-minute step falls tomorrow, when tomorrow's queue serves it.
    const lateEvening = new Date("2026-11-20T18:29:30Z");
    const rated = rateOnDevice(newCardState(lateEvening), "again", lateEvening, DEFAULT_POLICY);
    expect(rated.memory.state).toBe(1);
    expect(rated.comesBackAt).toBeNull();
  });

  it("schedules with the user's own weights", () => {
    const fitted = rateOnDevice(newCardState(NOW), "good", NOW, { ...DEFAULT_POLICY, weights: FITTED });
    const defaults = rateOnDevice(newCardState(NOW), "good", NOW, DEFAULT_POLICY);
    expect(fitted.memory.stability).toBeCloseTo(defaults.memory.stability * 3, 6);
  });
});

describeEachDatabase("the device's copy of the queue, and its ratings synced", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, Array.from({ length: 4 }, (_, index) => ({ id: `flashcard:d${index}` })));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("the server's replay of ratings made offline gives the states the device scheduled", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 4 });
    await database.db.userSettings.update({ where: { userId: user.id }, data: { fsrsParameters: JSON.stringify(FITTED), desiredRetention: 0.85 } });
    // As the device receives it: JSON.
    const served = JSON.parse(JSON.stringify(await deviceQueue(database.db, user.id, 4, NOW))) as Awaited<ReturnType<typeof deviceQueue>>;
    expect(served.userId).toBe(user.id);
    expect(served.scheduling).toEqual({ desiredRetention: 0.85, examDate: null, timeZone: "Asia/Kolkata", weights: FITTED });
    expect(served.cards).toHaveLength(4);
    const [first, second] = served.cards.map((card) => ({ id: card.id, memory: cardStateOf(card.memory) }));
    expect(first!.memory).toEqual(newCardState(first!.memory.due));

    // Offline: Again, then Good when it comes back; another card Easy.
    const again = rateOnDevice(first!.memory, "again", at(60), served.scheduling);
    const good = rateOnDevice(again.memory, "good", again.comesBackAt!, served.scheduling);
    const easy = rateOnDevice(second!.memory, "easy", at(90), served.scheduling);
    const result = await syncDeviceRatings(
      database.db,
      user.id,
      {
        userId: user.id,
        ratings: [
          { reviewId: `d1-${user.id}`, cardId: first!.id, rating: "again", reviewedAt: at(60), durationMs: 1000 },
          { reviewId: `d2-${user.id}`, cardId: first!.id, rating: "good", reviewedAt: again.comesBackAt!, durationMs: 1000 },
          { reviewId: `d3-${user.id}`, cardId: second!.id, rating: "easy", reviewedAt: at(90), durationMs: 1000 },
        ],
      },
      at(900),
    );
    expect(result.ratings.map((rating) => rating.status)).toEqual(["applied", "applied", "applied"]);

    const stored = async (cardId: string): Promise<CardState> => cardStateOf(await database.db.card.findUniqueOrThrow({ where: { id: cardId } }));
    expect(await stored(first!.id)).toEqual(good.memory);
    expect(await stored(second!.id)).toEqual(easy.memory);
  });

  it("refuses, whole, ratings a device kept for another account, and stores none of them", async () => {
    const [owner, other] = [await createUser(database.db), await createUser(database.db)];
    const { cards } = await deviceQueue(database.db, owner.id, 1, NOW);
    const ratings = [{ reviewId: `x-${owner.id}`, cardId: cards[0]!.id, rating: "good" as const, reviewedAt: at(10), durationMs: 1000 }];

    const refused = syncDeviceRatings(database.db, other.id, { userId: owner.id, ratings }, at(20));
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({ code: "other_account" });
    expect(await database.db.reviewLog.count({ where: { reviewId: `x-${owner.id}` } })).toBe(0);

    // Under its own account the same batch is stored.
    const accepted = await syncDeviceRatings(database.db, owner.id, { userId: owner.id, ratings }, at(20));
    expect(accepted.ratings).toEqual([{ reviewId: `x-${owner.id}`, status: "applied" }]);
  });
});
