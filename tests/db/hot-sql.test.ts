import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createDb, hotSqlOf } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00.123Z");

/**
 * The hot SQL (lib/db/hot-sql) writes the same rows Prisma would, on the same database, and on SQLite
 * shares the file with Prisma's connection without stopping it.
 */
describeEachDatabase("the hot paths' SQL beside Prisma", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, Array.from({ length: 4 }, (_, index) => ({ id: `flashcard:h${index}`, factIds: [`h${index}`] })));
  });
  afterAll(async () => database?.drop());

  it("writes cards and logs that Prisma reads back exactly, dates stored as Prisma stores them", async () => {
    const user = await createUser(database.db);
    const [card] = await reviewQueue(database.db, user.id, 1, NOW);
    const result = await submitReview(database.db, user.id, { reviewId: "hot-1", cardId: card!.id, rating: "good", durationMs: 1200 }, NOW);
    const log = await database.db.reviewLog.findUniqueOrThrow({ where: { reviewId: "hot-1" } });
    expect(log).toMatchObject({ userId: user.id, cardId: card!.id, rating: 3, origin: "flashcard", reviewedAt: NOW, durationMs: 1200, due: result.due, stability: result.stability });
    const stored = await database.db.card.findUniqueOrThrow({ where: { id: card!.id } });
    expect(stored).toMatchObject({ due: result.due, lastReview: NOW, reps: 1, version: 1 });
    // The card the queue created (the hot SQL's insert) sorts among Prisma's by its time-ordered id.
    expect(stored.id).toMatch(/^c[0-9a-z]{22}$/);
    if (provider === "sqlite") {
      // Text comparison of dates (the queue's `reviewedAt >= day start`) needs one format: Prisma's.
      const file = new Database(resolveDatabaseTarget(database.url).url.slice("file:".length), { readonly: true });
      const raw = file.prepare(`SELECT "reviewedAt", "due" FROM "ReviewLog" WHERE "reviewId" = 'hot-1'`).get() as { reviewedAt: string; due: string };
      file.close();
      expect(raw.reviewedAt).toBe("2026-11-20T10:00:00.123+00:00");
      expect(raw.due).toBe(result.due.toISOString().replace("Z", "+00:00"));
    }
  });

  it("waits for a write transaction Prisma holds open, with the event loop free, and then commits", async () => {
    const user = await createUser(database.db);
    const [card] = await reviewQueue(database.db, user.id, 1, NOW);
    let releasePrisma = () => {};
    const prismaHolds = new Promise<void>((resolve) => (releasePrisma = resolve));
    let prismaStarted = () => {};
    const started = new Promise<void>((resolve) => (prismaStarted = resolve));
    const prisma = database.db.$transaction(async (tx) => {
      await tx.userSettings.update({ where: { userId: user.id }, data: { dailyQuizSize: 11 } });
      prismaStarted();
      await prismaHolds;
    });
    await started;
    const review = submitReview(database.db, user.id, { reviewId: "hot-2", cardId: card!.id, rating: "good", durationMs: 1 }, NOW);
    try {
      // The thread keeps running timers while the review waits: SQLite's busy handler would block it for
      // its whole timeout (5 s), and the transaction it waits for could not finish meanwhile.
      const waitStarted = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Date.now() - waitStarted).toBeLessThan(2_500);
    } finally {
      releasePrisma();
      await prisma;
    }
    await expect(review).resolves.toMatchObject({ reviewId: "hot-2", cardId: card!.id });
    expect(await database.db.reviewLog.count({ where: { reviewId: "hot-2" } })).toBe(1);
  });

  it("serves a client made by another copy of lib/db/client (Next.js bundles it once per kind of route)", async () => {
    vi.resetModules();
    const otherCopy = await import("@/lib/db/client");
    expect(otherCopy.hotSqlOf).not.toBe(hotSqlOf);
    expect(otherCopy.hotSqlOf(database.db)).toBe(hotSqlOf(database.db));
  });

  it("reports each statement it runs to the client's query counter, COMMIT included and BEGIN not, as Prisma's events count", async () => {
    const user = await createUser(database.db);
    const [card] = await reviewQueue(database.db, user.id, 1, NOW);
    const log: string[] = [];
    const counted = createDb(resolveDatabaseTarget(database.url), { onQuery: (query) => log.push(query) });
    try {
      await submitReview(counted, user.id, { reviewId: "hot-3", cardId: card!.id, rating: "again", durationMs: 1 }, NOW);
      expect(log.map((query) => query.split(" ")[0]!.toUpperCase())).toEqual(["SELECT", "UPDATE", "INSERT", "COMMIT"]);
      expect(hotSqlOf(counted).dialect).toBe(provider);
    } finally {
      await counted.$disconnect();
    }
  });
});
