import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type ScratchDatabase = {
  /** A DATABASE_URL for it: a file: URL, or the PostgreSQL URL with ?schema=. */
  url: string;
  /** Runs SQL on it directly (the migration files, or a fixture's old schema), outside Prisma. */
  exec(sql: string): Promise<void>;
  drop(): Promise<void>;
};

/**
 * A new, empty database that nothing else uses, for tests, benchmarks and the soak: a SQLite file in a
 * temporary folder, or a new schema in the PostgreSQL database at `postgresUrl`. Dropped with everything in it.
 */
export async function createScratchDatabase(provider: "sqlite" | "postgres", postgresUrl?: string, prefix = "scratch"): Promise<ScratchDatabase> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `smriti-${prefix}-`));
    const file = path.join(dir, `${prefix}.db`);
    return {
      url: `file:${file}`,
      async exec(sql) {
        const { default: Database } = await import("better-sqlite3");
        const sqlite = new Database(file);
        sqlite.pragma("journal_mode = WAL");
        sqlite.exec(sql);
        sqlite.close();
      },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!postgresUrl) throw new Error("a PostgreSQL URL is needed for a PostgreSQL scratch database");
  const schema = `${prefix}_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA "${schema}"`);
  const url = new URL(postgresUrl);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    exec: (sql) => run(`SET search_path TO "${schema}";\n${sql}`),
    drop: () => run(`DROP SCHEMA "${schema}" CASCADE`),
  };
}
