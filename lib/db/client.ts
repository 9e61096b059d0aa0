import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-url";
import { openHotSql, type HotSql } from "./hot-sql";

/**
 * The two generated clients share one set of models (prisma/{sqlite,postgres}/models.prisma are kept
 * identical by a test), so the SQLite client's type describes both.
 */
export type Db = SqliteClient;

export type DbOptions = {
  /** Called for every query: the benchmark counts queries per request with it. */
  onQuery?: (query: string) => void;
  /**
   * A connection that cannot write: a SQLite file opened read-only (it must exist), PostgreSQL sessions
   * whose transactions are read-only. For a job's process that only reads (lib/jobs/child-process).
   */
  readOnly?: boolean;
};

const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createDb(target: DatabaseTarget, options: DbOptions = {}): Db {
  const log = options.onQuery ? [{ level: "query" as const, emit: "event" as const }] : [];
  let client: Db;
  if (target.provider === "postgres") {
    const settings = [...(target.schema ? [`-c search_path=${target.schema}`] : []), ...(options.readOnly ? ["-c default_transaction_read_only=on"] : [])];
    const adapter = new PrismaPg(
      { connectionString: target.url, options: settings.length > 0 ? settings.join(" ") : undefined },
      { schema: target.schema },
    );
    client = new PostgresClient({ adapter, log }) as unknown as Db;
  } else {
    if (!options.readOnly) fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    // timeout is better-sqlite3's busy timeout: a writer waits for the lock instead of failing at once.
    const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS, ...(options.readOnly ? { readonly: true, fileMustExist: true } : {}) });
    client = new SqliteClient({ adapter, log });
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) =>
      onQuery(e.query),
    );
  }
  // Kept on the client itself, not in a module's map: Next.js may bundle this module more than once
  // (route handlers, pages), while the app's one client (getDb) is shared through globalThis.
  (client as HotSqlHolder)[HOT_SQL_SOURCE] = { target, onQuery: options.onQuery };
  // The hot SQL's connection closes with the client's.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    const holder = client as HotSqlHolder;
    const hot = holder[HOT_SQL];
    delete holder[HOT_SQL];
    await hot?.close();
    await disconnect();
  };
  return client;
}

const HOT_SQL_SOURCE = Symbol.for("smriti.hotSqlSource");
const HOT_SQL = Symbol.for("smriti.hotSql");
type HotSqlHolder = { [HOT_SQL_SOURCE]?: { target: DatabaseTarget; onQuery?: (query: string) => void }; [HOT_SQL]?: HotSql };

/**
 * The hot paths' SQL (lib/db/hot-sql) for the database a client talks to: the same file or URL and
 * schema, and the same query counter, opened on first use and closed by the client's $disconnect.
 */
export function hotSqlOf(db: Db): HotSql {
  const holder = db as HotSqlHolder;
  if (!holder[HOT_SQL]) {
    const source = holder[HOT_SQL_SOURCE];
    if (!source) throw new Error("hotSqlOf needs a client made by createDb");
    holder[HOT_SQL] = openHotSql(source.target, source.onQuery);
  }
  return holder[HOT_SQL];
}

const globalForDb = globalThis as unknown as { smritiDb?: Db };

/** The app's one Prisma client, for the database named by DATABASE_URL. */
export function getDb(): Db {
  globalForDb.smritiDb ??= createDb(resolveDatabaseTarget(process.env.DATABASE_URL));
  return globalForDb.smritiDb;
}
