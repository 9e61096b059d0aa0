import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { backfillStudyDays } from "./backfill-local-days";
import { createDb } from "./client";
import type { DatabaseTarget } from "./database-url";

const run = promisify(execFile);

/**
 * Applies pending migrations with `prisma migrate deploy` (Prisma's JS schema engine, see
 * prisma.config.ts), then the data steps SQL cannot do alone (local days of old review logs), and,
 * for SQLite, switches the file to WAL so readers never block the writer.
 */
export async function migrateDatabase(databaseUrl: string | undefined, target: DatabaseTarget, cwd = process.cwd()) {
  const prisma = path.join(cwd, "node_modules", ".bin", "prisma");
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  const { stdout } = await run(prisma, ["migrate", "deploy"], { cwd, env });
  const db = createDb(target);
  try {
    await backfillStudyDays(db, new Date());
  } finally {
    await db.$disconnect();
  }
  if (target.provider === "sqlite") {
    const sqlite = new Database(target.filePath);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  return stdout;
}
