// prisma migrate deploy on both providers. One file, so that PostgreSQL runs never wait on each
// other for the advisory lock that migrate takes across schemas.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { describeEachDatabase, TEST_POSTGRES_URL, type Provider } from "../helpers/test-database";

const FIRST_MIGRATION = "20261123000000_init";

function firstMigrationSql(provider: Provider): string {
  return fs.readFileSync(path.join("prisma", provider, "migrations", FIRST_MIGRATION, "migration.sql"), "utf8");
}

// Rows as the first schema stored them: users, settings, an item, a card and two ratings.
const ROWS = [
  `INSERT INTO "User" ("id", "email", "passwordHash", "createdAt") VALUES ('u1', 'old@example.in', 'hash', CURRENT_TIMESTAMP)`,
  `INSERT INTO "UserSettings" ("userId", "examDate", "updatedAt") VALUES ('u1', '2027-05-24', CURRENT_TIMESTAMP)`,
  `INSERT INTO "BankItem" ("id", "type", "topic", "prompt", "options", "answer", "explanation", "sources", "factIds", "contentHash", "updatedAt")
     VALUES ('flashcard:f1', 'flashcard', 'T', 'Q?', '[]', 'A', 'E', '[]', '["f1"]', 'h', CURRENT_TIMESTAMP)`,
  `INSERT INTO "Card" ("id", "userId", "itemId", "due", "state", "reps", "createdAt") VALUES ('c1', 'u1', 'flashcard:f1', CURRENT_TIMESTAMP, 2, 2, CURRENT_TIMESTAMP)`,
  `INSERT INTO "ReviewLog" ("id", "reviewId", "userId", "cardId", "rating", "origin", "reviewedAt", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "cardBefore")
     VALUES ('l1', 'r1', 'u1', 'c1', 3, 'flashcard', CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1, 5, 0, 0, '{"state":0,"reps":0}')`,
  `INSERT INTO "ReviewLog" ("id", "reviewId", "userId", "cardId", "rating", "origin", "reviewedAt", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "cardBefore")
     VALUES ('l2', 'r2', 'u1', 'c1', 3, 'flashcard', CURRENT_TIMESTAMP, 2, CURRENT_TIMESTAMP, 3, 5, 1, 3, '{"state":1,"reps":1}')`,
  `INSERT INTO "QuizSession" ("id", "userId", "mode", "timeLimitSec", "startedAt") VALUES ('s1', 'u1', 'custom', 72, CURRENT_TIMESTAMP)`,
  `INSERT INTO "QuizQuestion" ("id", "quizId", "position", "itemId", "chosenOptionId", "correct") VALUES ('q1', 's1', 0, 'flashcard:f1', 'a', true)`,
];

describeEachDatabase("prisma migrate deploy", (provider) => {
  const scratches: ScratchDatabase[] = [];
  const scratch = async () => {
    const database = await createScratchDatabase(provider, TEST_POSTGRES_URL, "migrate");
    scratches.push(database);
    return database;
  };
  afterAll(async () => {
    for (const database of scratches) await database.drop();
  });

  it("creates every table on an empty database, and a second run applies nothing", { timeout: 90_000 }, async () => {
    const { url } = await scratch();
    const target = resolveDatabaseTarget(url);
    expect(await migrateDatabase(url, target)).toMatch(/successfully applied|No pending migrations/);
    const db = createDb(target);
    try {
      await db.user.create({ data: { email: "first@example.in", passwordHash: "x", settings: { create: {} } } });
      expect(await db.user.count()).toBe(1);
    } finally {
      await db.$disconnect();
    }
    expect(await migrateDatabase(url, target)).toMatch(/No pending migrations to apply/);
  });

  it("keeps every row of a database that holds users and reviews, and backfills new columns from what was stored", { timeout: 90_000 }, async () => {
    const old = await scratch();
    await old.exec(firstMigrationSql(provider));
    await old.exec(ROWS.join(";\n"));
    // Record the first migration as applied, as the deployment that made this database left it.
    await old.exec(
      `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMP, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMP, "started_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
    );
    if (provider === "sqlite") {
      const checksum = createHash("sha256").update(firstMigrationSql("sqlite")).digest("hex");
      await old.exec(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ('m1', '${checksum}', CURRENT_TIMESTAMP, '${FIRST_MIGRATION}', 1)`);
    } else {
      await old.exec(`DROP TABLE "_prisma_migrations"`);
      // On PostgreSQL, baseline the first migration the documented way.
      await promisify(execFile)("node_modules/.bin/prisma", ["migrate", "resolve", "--applied", FIRST_MIGRATION], { env: { ...process.env, DATABASE_URL: old.url } });
    }
    const target = resolveDatabaseTarget(old.url);
    await migrateDatabase(old.url, target);
    const db = createDb(target);
    try {
      expect(await db.user.findUnique({ where: { id: "u1" }, include: { settings: true } })).toMatchObject({ email: "old@example.in", settings: { examDate: "2027-05-24" } });
      expect(await db.card.findUnique({ where: { id: "c1" } })).toMatchObject({ state: 2, reps: 2 });
      const logs = await db.reviewLog.findMany({ orderBy: { id: "asc" }, select: { id: true, stateBefore: true, rating: true } });
      expect(logs).toEqual([
        { id: "l1", stateBefore: 0, rating: 3 },
        { id: "l2", stateBefore: 1, rating: 3 },
      ]);
      // The progress rollups start from the stored history: the topic tally in SQL, the local days in db:migrate.
      expect(await db.reviewLog.count({ where: { localDay: null } })).toBe(0);
      expect(await db.studyDay.aggregate({ where: { userId: "u1" }, _sum: { reviews: true, newCards: true } })).toMatchObject({ _sum: { reviews: 2, newCards: 1 } });
      // Quizzes taken before the snapshot columns keep what their item says, and their clock started when they were made.
      expect(await db.quizQuestion.findUnique({ where: { id: "q1" }, omit: { answeredAt: true, answerId: true, timeMs: true } })).toEqual({
        id: "q1", quizId: "s1", position: 0, itemId: "flashcard:f1", chosenOptionId: "a", correct: true,
        type: "flashcard", topic: "T", prompt: "Q?", options: "[]", answer: "A", explanation: "E", sources: "[]",
        // Answers from before confidences and statement verdicts have neither.
        confidence: null, statementMarks: null, markedForReview: false,
      });
      const session = await db.quizSession.findUniqueOrThrow({ where: { id: "s1" } });
      expect(session.clockStartedAt).toEqual(session.startedAt);
      expect(await db.flashcardTopicTally.findMany({ select: { userId: true, topic: true, attempts: true, correct: true } })).toEqual([{ userId: "u1", topic: "T", attempts: 2, correct: 2 }]);
    } finally {
      await db.$disconnect();
    }
  });
});
