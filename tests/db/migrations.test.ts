// prisma migrate deploy on both providers. One file, so that PostgreSQL runs never wait on each
// other for the advisory lock that migrate takes across schemas.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import Database from "better-sqlite3";
import { describeEachDatabase, TEST_POSTGRES_URL, type Provider } from "../helpers/test-database";
describeEachDatabase("prisma migrate deploy", (provider) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("creates every table on an empty database, and a second run applies nothing", { timeout: 90_000 }, async () => {
    let url: string;
    if (provider === "sqlite") {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-migrate-"));
      url = `file:${path.join(dir, "fresh.db")}`;
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    } else {
      const schema = `migrate_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await admin.end();
      const parsed = new URL(TEST_POSTGRES_URL!);
      parsed.searchParams.set("schema", schema);
      url = parsed.toString();
      cleanups.push(async () => {
        const cleaner = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await cleaner.connect();
        await cleaner.query(`DROP SCHEMA "${schema}" CASCADE`);
        await cleaner.end();
      });
    }
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
});

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
];

describeEachDatabase("migrating a database that already holds users and reviews", (provider) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("keeps every row and backfills new columns from what was stored", { timeout: 90_000 }, async () => {
    let url: string;
    if (provider === "sqlite") {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-old-"));
      url = `file:${path.join(dir, "old.db")}`;
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      const sqlite = new Database(path.join(dir, "old.db"));
      sqlite.exec(firstMigrationSql("sqlite"));
      for (const row of ROWS) sqlite.exec(row);
      // Recorded as applied, the way `prisma migrate deploy` left it at the time.
      sqlite.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
      sqlite.close();
    } else {
      const schema = `old_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`);
      await admin.query(firstMigrationSql("postgres"));
      for (const row of ROWS) await admin.query(row);
      await admin.end();
      const parsed = new URL(TEST_POSTGRES_URL!);
      parsed.searchParams.set("schema", schema);
      url = parsed.toString();
      cleanups.push(async () => {
        const cleaner = new pg.Client({ connectionString: TEST_POSTGRES_URL });
        await cleaner.connect();
        await cleaner.query(`DROP SCHEMA "${schema}" CASCADE`);
        await cleaner.end();
      });
    }
    const target = resolveDatabaseTarget(url);
    if (provider === "sqlite") {
      // Mark the first migration applied with its real checksum, as an old deployment's table would hold it.
      const { createHash } = await import("node:crypto");
      const checksum = createHash("sha256").update(firstMigrationSql("sqlite")).digest("hex");
      const sqlite = new Database(target.provider === "sqlite" ? target.filePath : "");
      sqlite.prepare(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ('m1', ?, CURRENT_TIMESTAMP, ?, 1)`).run(checksum, FIRST_MIGRATION);
      sqlite.close();
    } else {
      // On PostgreSQL, baseline the first migration as applied, the documented way.
      const { execFile } = await import("node:child_process");
      const { promisify } = await import("node:util");
      await promisify(execFile)("node_modules/.bin/prisma", ["migrate", "resolve", "--applied", FIRST_MIGRATION], { env: { ...process.env, DATABASE_URL: url } });
    }
    await migrateDatabase(url, target);
    const db = createDb(target);
    try {
      expect(await db.user.findUnique({ where: { id: "u1" }, include: { settings: true } })).toMatchObject({ email: "old@example.in", settings: { examDate: "2027-05-24" } });
      expect(await db.card.findUnique({ where: { id: "c1" } })).toMatchObject({ state: 2, reps: 2 });
      const logs = await db.reviewLog.findMany({ orderBy: { id: "asc" }, select: { id: true, stateBefore: true, rating: true } });
      expect(logs).toEqual([
        { id: "l1", stateBefore: 0, rating: 3 },
        { id: "l2", stateBefore: 1, rating: 3 },
      ]);
    } finally {
      await db.$disconnect();
    }
  });
});
