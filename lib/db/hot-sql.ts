import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type ColumnType,
  type Compilable,
  type CompiledQuery,
  type Dialect,
} from "kysely";
import type { BankItem, Card, Prisma, QuizQuestion, QuizSession, ReviewLog, UserSession, UserSettings } from "./generated/sqlite/client";
import type { DatabaseTarget } from "./database-url";

/**
 * The hot paths' SQL (review submit, undo, the queue, a quiz answer): typed queries built with Kysely and run on
 * statements prepared once per connection, beside the Prisma client and on the same database.
 *
 * Prisma stays for the schema, migrations and every other path. Per request it compiles each query
 * (WebAssembly), maps it through its adapter and prepares the statement again: half the CPU of a review
 * submit (docs/performance.md). Here a query is compiled by Kysely to SQL text, and that text's
 * statement is prepared once: on SQLite by better-sqlite3, on PostgreSQL as a named statement of each
 * pooled connection.
 *
 * On SQLite a transaction runs synchronously from BEGIN IMMEDIATE to COMMIT, so it never holds the write
 * lock across an `await`: Prisma's connection in the same process then never waits for it, and when
 * Prisma (or another process) holds the lock, this one retries after a pause instead of blocking the
 * thread in SQLite's busy handler (which would stop the very transaction it waits for).
 */

/** Kysely's row type of a table, from Prisma's generated model: a DateTime reads back as a Date (PostgreSQL) or ISO text (SQLite). */
type TableOf<Model> = {
  [Column in keyof Model]: Model[Column] extends Date
    ? ColumnType<Date | string, Date, Date>
    : Model[Column] extends Date | null
      ? ColumnType<Date | string | null, Date | null, Date | null>
      : Model[Column];
};

/** The tables the hot paths touch; their columns are generated from the Prisma schema (`prisma generate`). */
export type HotTables = {
  Card: TableOf<Card>;
  BankItem: TableOf<BankItem>;
  UserSettings: TableOf<UserSettings>;
  ReviewLog: TableOf<ReviewLog>;
  UserSession: TableOf<UserSession>;
  QuizSession: TableOf<QuizSession>;
  QuizQuestion: TableOf<QuizQuestion>;
};

export type HotDialect = "sqlite" | "postgres";

/** A statement compiled once (see `prepared`): its SQL text in one dialect and one call's values. */
export type PreparedQuery<Row = unknown> = { readonly preparedText: string; readonly values: readonly unknown[]; readonly row?: Row };

/** A statement: a Kysely query, one prepared once, or a Prisma.Sql fragment shared with Prisma's paths (lib/practice/due). */
export type HotQuery<Row = unknown> = Compilable<Row> | PreparedQuery<Row> | Prisma.Sql;

/**
 * One write of a transaction: the error to roll back with when it changes no row (a version check), or,
 * for a transaction that goes on without such a row, `changed` told how many rows it changed and `skip`
 * asked, when its turn comes, whether to leave it out (a write it depends on changed nothing).
 */
export type HotWrite = { query: HotQuery; orElse?: () => Error; changed?: (rows: number) => void; skip?: () => boolean };

/** Where the hot SQL runs: the dialect to build for, reads, and all-or-nothing groups of writes. */
export interface HotSql {
  readonly dialect: HotDialect;
  /** The query builder (compile only; run what it builds with `read` or `transaction`). */
  readonly q: Kysely<HotTables>;
  read<Row>(query: HotQuery<Row>): Promise<Row[]>;
  /** Runs the writes in order in one transaction; a write with `orElse` that changes no row rolls all back with its error. */
  transaction(writes: readonly HotWrite[]): Promise<void>;
  close(): Promise<void>;
}

/** Called with every statement run (COMMIT counted, BEGIN not, as Prisma's query events count them). */
export type OnQuery = (query: string) => void;

function compileOnly(dialect: HotDialect): Kysely<HotTables> {
  const parts: Dialect =
    dialect === "sqlite"
      ? {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (db) => new SqliteIntrospector(db),
          createQueryCompiler: () => new SqliteQueryCompiler(),
        }
      : {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (db) => new PostgresIntrospector(db),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        };
  return new Kysely<HotTables>({ dialect: parts });
}

const builders = { sqlite: compileOnly("sqlite"), postgres: compileOnly("postgres") };

function isPrismaSql(query: HotQuery): query is Prisma.Sql {
  return typeof (query as Prisma.Sql).values !== "undefined" && typeof (query as Compilable).compile !== "function";
}

/** SQL text and parameters of a statement, in the dialect's placeholders. */
function sqlOf(dialect: HotDialect, query: HotQuery): { text: string; values: readonly unknown[] } {
  if ("preparedText" in query) return { text: query.preparedText, values: query.values };
  if (isPrismaSql(query)) return { text: dialect === "sqlite" ? query.sql : query.text, values: query.values };
  const compiled: CompiledQuery = query.compile();
  return { text: compiled.sql, values: compiled.parameters };
}

const STAND_IN = Symbol("hot-sql stand-in");
type StandIn = { readonly [STAND_IN]: string };

function isStandIn(value: unknown): value is StandIn {
  return typeof value === "object" && value !== null && STAND_IN in value;
}

/** Stand-ins for a statement's values, by name: each compiles to a parameter that says whose value it takes. */
function standIns<Values>(): Values {
  return new Proxy({}, { get: (_target, key) => ({ [STAND_IN]: String(key) }) }) as Values;
}

type Compiled = { text: string; slots: readonly (string | { constant: unknown })[] };

function compileWith(query: Compilable): Compiled {
  const { sql, parameters } = query.compile();
  return { text: sql, slots: parameters.map((parameter) => (isStandIn(parameter) ? parameter[STAND_IN] : { constant: parameter })) };
}

/**
 * A statement of fixed shape, built and compiled by Kysely once per dialect and then run with each
 * call's values. Building and compiling a Kysely query on every call was a tenth of a review submit's
 * CPU under load (docs/performance.md, the profile); its text never changes, only the values. `build`
 * gets stand-ins for the values, by name: it must not look at them, only place them (each becomes a
 * parameter), so the statement's text is the same whatever the values.
 */
export function prepared<Values extends Record<string, unknown>, Row>(build: (q: Kysely<HotTables>, values: Values) => Compilable<Row>): (hot: HotSql, values: Values) => PreparedQuery<Row> {
  const compiled: Partial<Record<HotDialect, Compiled>> = {};
  return (hot, values) => {
    const statement = (compiled[hot.dialect] ??= compileWith(build(hot.q, standIns<Values>())));
    return { preparedText: statement.text, values: statement.slots.map((slot) => (typeof slot === "string" ? values[slot] : slot.constant)) };
  };
}

/**
 * Like `prepared`, for an insert of rows: compiled once per dialect and number of rows (the rows of one
 * statement always have the same columns).
 */
export function preparedInsert<Table extends keyof HotTables & string>(table: Table) {
  const compiled = new Map<string, Compiled>();
  return (hot: HotSql, rows: readonly Record<string, unknown>[]): PreparedQuery<never> => {
    const columns = Object.keys(rows[0] ?? {});
    const key = `${hot.dialect} ${rows.length} ${columns.join(",")}`;
    let statement = compiled.get(key);
    if (!statement) {
      const standInRows = rows.map((_row, index) => Object.fromEntries(columns.map((column) => [column, { [STAND_IN]: `${index}:${column}` }])));
      statement = compileWith(hot.q.insertInto(table).values(standInRows as never));
      compiled.set(key, statement);
    }
    return {
      preparedText: statement.text,
      values: statement.slots.map((slot) => {
        if (typeof slot !== "string") return slot.constant;
        const at = slot.indexOf(":");
        return rows[Number(slot.slice(0, at))]![slot.slice(at + 1)];
      }),
    };
  };
}

/** How Prisma's SQLite adapter stores a DateTime (ISO 8601, "+00:00"): text compares in time order only in one format. */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** PostgreSQL's `timestamp(3)` columns hold UTC without a zone (as Prisma writes them): a zone in the text is ignored. */
function postgresValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const SQLITE_LOCK_WAIT_MS = 5_000;

class SqliteHotSql implements HotSql {
  readonly dialect = "sqlite" as const;
  readonly q = builders.sqlite;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly sqlite: Database.Database;

  constructor(
    filePath: string,
    private readonly onQuery?: OnQuery,
  ) {
    // No busy timeout: a locked database is waited for by `transaction` with the thread free (see above).
    this.sqlite = new Database(filePath, { timeout: 0 });
  }

  private statement(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async read<Row>(query: HotQuery<Row>): Promise<Row[]> {
    const { text, values } = sqlOf("sqlite", query);
    this.onQuery?.(text);
    return this.statement(text).all(...values.map(sqliteValue)) as Row[];
  }

  async transaction(writes: readonly HotWrite[]): Promise<void> {
    const compiled = writes.map((write) => ({ ...write, ...sqlOf("sqlite", write.query) }));
    const begin = this.statement("BEGIN IMMEDIATE");
    const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
      try {
        begin.run();
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
    try {
      for (const { text, values, orElse, changed, skip } of compiled) {
        if (skip?.()) continue;
        this.onQuery?.(text);
        const { changes } = this.statement(text).run(...values.map(sqliteValue));
        if (changes === 0 && orElse) throw orElse();
        changed?.(changes);
      }
      this.onQuery?.("COMMIT");
      this.statement("COMMIT").run();
    } catch (error) {
      if (this.sqlite.inTransaction) this.statement("ROLLBACK").run();
      throw error;
    }
  }

  async close() {
    this.sqlite.close();
  }
}

/** Timestamps without a zone are UTC here (as Prisma writes them), not the server's local time. */
const TIMESTAMP_OID = 1114;
const postgresTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

class PostgresHotSql implements HotSql {
  readonly dialect = "postgres" as const;
  readonly q = builders.postgres;
  private readonly pool: pg.Pool;
  private readonly names = new Map<string, string>();

  constructor(
    url: string,
    schema: string | undefined,
    private readonly onQuery?: OnQuery,
  ) {
    this.pool = new pg.Pool({ connectionString: url, options: schema ? `-c search_path=${schema}` : undefined, types: postgresTypes });
  }

  /** The statement's text, values and name: a named statement is prepared once on each connection. */
  private config(query: HotQuery): pg.QueryConfig {
    const { text, values } = sqlOf("postgres", query);
    let name = this.names.get(text);
    if (!name) {
      name = `hot_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
      this.names.set(text, name);
    }
    return { name, text, values: values.map(postgresValue) };
  }

  async read<Row>(query: HotQuery<Row>): Promise<Row[]> {
    const config = this.config(query);
    this.onQuery?.(config.text);
    const result = await this.pool.query(config);
    return result.rows as Row[];
  }

  async transaction(writes: readonly HotWrite[]): Promise<void> {
    const configs = writes.map((write) => ({ ...write, config: this.config(write.query) }));
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      for (const { config, orElse, changed, skip } of configs) {
        if (skip?.()) continue;
        this.onQuery?.(config.text);
        const { rowCount } = await client.query(config);
        if (rowCount === 0 && orElse) throw orElse();
        changed?.(rowCount ?? 0);
      }
      this.onQuery?.("COMMIT");
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close() {
    await this.pool.end();
  }
}

/** The hot SQL for a database: its own connection (SQLite) or pool (PostgreSQL) to what `target` names. */
export function openHotSql(target: DatabaseTarget, onQuery?: OnQuery): HotSql {
  return target.provider === "sqlite" ? new SqliteHotSql(target.filePath, onQuery) : new PostgresHotSql(target.url, target.schema, onQuery);
}
