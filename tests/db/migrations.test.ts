import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { describeEachDatabase, TEST_POSTGRES_URL } from "../helpers/test-database";

describeEachDatabase("prisma migrate deploy", (provider) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("creates every table on an empty database, and a second run applies nothing", async () => {
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
