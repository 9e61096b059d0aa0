import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { OffsetSegment } from "@/lib/calendar/local-day";

/**
 * The little SQL that differs between SQLite and PostgreSQL: turning a timestamp into epoch seconds.
 * Everything else in the progress queries is written once for both.
 */
export type SqlDialect = "sqlite" | "postgres";

/** Which database a client talks to. Prisma records it on the client; lib/db does not expose it (yet). */
export function sqlDialectOf(db: Db): SqlDialect {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "sqlite") return "sqlite";
  if (provider === "postgresql") return "postgres";
  throw new Error(`Progress queries do not support the database provider "${provider}"`);
}

/** Whole seconds since 1970 of a timestamp column (SQLite stores Prisma DateTimes as ISO 8601 text). */
function epochSeconds(dialect: SqlDialect, column: Prisma.Sql): Prisma.Sql {
  return dialect === "sqlite"
    ? Prisma.sql`unixepoch(${column})`
    : Prisma.sql`CAST(FLOOR(EXTRACT(EPOCH FROM ${column})) AS BIGINT)`;
}

/**
 * The local calendar day of a timestamp column, as days since 1970-01-01, for the offsets in force over
 * the queried period. The offsets are integers computed by us, so they are inlined as literals: that keeps
 * the expression identical wherever it appears in a statement (PostgreSQL compares GROUP BY expressions
 * textually) and spares PostgreSQL from guessing parameter types. Timestamps are after 1970, so integer
 * division truncating toward zero is floor division.
 */
export function localEpochDay(dialect: SqlDialect, column: Prisma.Sql, segments: OffsetSegment[]): Prisma.Sql {
  const seconds = epochSeconds(dialect, column);
  const [first, ...later] = segments;
  if (!first) throw new Error("localEpochDay needs at least one offset segment");
  let offset: Prisma.Sql = integerLiteral(first.offsetSec);
  if (later.length > 0) {
    // Newest first: most timestamps are recent, so most rows stop at the first comparison.
    const branches = later
      .map((segment, index) => ({ fromSec: segments[index]!.untilSec!, offsetSec: segment.offsetSec }))
      .reverse()
      .map(({ fromSec, offsetSec }) => Prisma.sql`WHEN ${seconds} >= ${integerLiteral(fromSec)} THEN ${integerLiteral(offsetSec)}`);
    offset = Prisma.sql`CASE ${Prisma.join(branches, " ")} ELSE ${offset} END`;
  }
  return Prisma.sql`((${seconds} + ${offset}) / 86400)`;
}

function integerLiteral(value: number): Prisma.Sql {
  if (!Number.isSafeInteger(value)) throw new Error(`Expected an integer, got ${value}`);
  return Prisma.raw(String(value));
}

/** Drivers hand back COUNT and SUM as bigint, number or null depending on the database; numbers here. */
export function toNumber(value: bigint | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}
