import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupSqlite, restoreSqlite, verifyDatabase } from "@/lib/db/backup";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

describe("SQLite backup and restore", () => {
  let database: TestDatabase;
  let dir: string;
  const sourceFile = () => database.url.slice("file:".length);

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-backup-"));
    for (let i = 0; i < 50; i++) {
      await database.db.user.create({ data: { email: `user${i}@example.in`, passwordHash: `hash-${i}`, settings: { create: {} } } });
    }
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes a consistent backup while the app keeps writing, and restores it exactly", async () => {
    const writes = (async () => {
      for (let i = 50; i < 150; i++) {
        await database.db.user.create({ data: { email: `user${i}@example.in`, passwordHash: `hash-${i}` } });
      }
    })();
    const backupFile = path.join(dir, "during-writes.db");
    const summary = await backupSqlite(sourceFile(), backupFile);
    await writes;
    expect(summary.tables.User).toBeGreaterThanOrEqual(50);
    expect(summary.tables.User).toBeLessThanOrEqual(150);
    expect(summary.tables.ReviewLog).toBe(0);

    const snapshot = path.join(dir, "after-writes.db");
    await backupSqlite(sourceFile(), snapshot);
    const before = await database.db.user.findMany({ orderBy: { email: "asc" } });
    expect(before).toHaveLength(150);

    await database.db.user.deleteMany({});
    expect(await database.db.user.count()).toBe(0);

    await restoreSqlite(snapshot, sourceFile());
    const after = await database.db.user.findMany({ orderBy: { email: "asc" } });
    expect(after).toEqual(before);
    expect(await database.db.userSettings.count()).toBe(50);
  });

  it("refuses to overwrite an existing backup and to restore from something that is not a Smriti database", async () => {
    const existing = path.join(dir, "existing.db");
    await backupSqlite(sourceFile(), existing);
    await expect(backupSqlite(sourceFile(), existing)).rejects.toThrow(/exists already/);
    const notSmriti = path.join(dir, "other.db");
    fs.writeFileSync(notSmriti, "");
    await expect(verifyDatabase(notSmriti)).rejects.toThrow(/not a Smriti database/);
    await expect(restoreSqlite(path.join(dir, "missing.db"), sourceFile())).rejects.toThrow(/No database/);
  });
});
