import fs from "node:fs";
import path from "node:path";
import { describe } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { createScratchDatabase } from "@/lib/db/scratch-database";

export type Provider = "sqlite" | "postgres";

/** CI sets this to postgresql://postgres@127.0.0.1:5432/test; each test database is its own schema there. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL;

export type TestDatabase = { db: Db; url: string; provider: Provider; drop(): Promise<void> };

/**
 * The migration SQL of a provider, in order. Test databases get it applied directly: faster than a
 * `prisma migrate deploy` per test file, and free of its cross-schema advisory lock, which makes
 * parallel PostgreSQL test files wait on each other. tests/db/migrations.test.ts runs the real thing.
 */
function migrationSql(provider: Provider): string[] {
  const dir = path.join("prisma", provider, "migrations");
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** A new, migrated, empty database: a SQLite file in a temporary folder or a fresh PostgreSQL schema. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "postgres" && !TEST_POSTGRES_URL) throw new Error("TEST_POSTGRES_URL is not set");
  const scratch = await createScratchDatabase(provider, TEST_POSTGRES_URL, "test");
  for (const sql of migrationSql(provider)) await scratch.exec(sql);
  const db = createDb(resolveDatabaseTarget(scratch.url));
  return {
    db,
    url: scratch.url,
    provider,
    async drop() {
      await db.$disconnect();
      await scratch.drop();
    },
  };
}

const POSTGRES_SKIP_REASON = "skipped: TEST_POSTGRES_URL is not set (CI sets it; export it to run these locally)";

/**
 * Runs the same suite on SQLite and on PostgreSQL. Without TEST_POSTGRES_URL the PostgreSQL suite is
 * reported as skipped with the reason in its title, never silently passed.
 */
export function describeEachDatabase(title: string, body: (provider: Provider) => void) {
  describe(`${title} [sqlite]`, () => body("sqlite"));
  if (TEST_POSTGRES_URL) describe(`${title} [postgres]`, () => body("postgres"));
  else describe.skip(`${title} [postgres] (${POSTGRES_SKIP_REASON})`, () => body("postgres"));
}
