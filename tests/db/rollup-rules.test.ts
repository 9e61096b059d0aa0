import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresRollupFunction, sqliteRollupTriggers } from "@/lib/db/rollup-rules";

/** The migration SQL of a provider, oldest first. */
function migrations(provider: "sqlite" | "postgres"): { name: string; sql: string }[] {
  const dir = path.join("prisma", provider, "migrations");
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

// The triggers are generated from lib/db/rollup-rules.ts, the one statement of the counting rules. A
// change to the rules needs a migration holding the new text (scripts/rollup-triggers.ts prints it);
// until then this fails, so the rules and the databases cannot drift apart.
describe("the rollup triggers", () => {
  it("in the newest SQLite migration that defines them are the ones the rules generate", () => {
    const latest = migrations("sqlite").filter(({ sql }) => sql.includes('CREATE TRIGGER "ReviewLog_rollups_insert"')).at(-1)!;
    expect(latest.sql).toContain(sqliteRollupTriggers());
  });

  it("in the newest PostgreSQL migration that defines them are the ones the rules generate", () => {
    const latest = migrations("postgres").filter(({ sql }) => sql.includes('FUNCTION "review_log_rollups"()')).at(-1)!;
    expect(latest.sql).toContain(postgresRollupFunction());
  });
});
