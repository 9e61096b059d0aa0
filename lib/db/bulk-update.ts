import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { SqlDialect } from "./sql-dialect";

/** A column's PostgreSQL type, for the casts its VALUES need (SQLite takes the values as they come). */
export type ColumnType = "text" | "integer" | "double precision" | "timestamp(3)";

/** Runs raw SQL: the client or a transaction's. */
type RawExecutor = { $queryRaw<T>(query: Prisma.Sql): Promise<T> };

/** Rows per statement: 9 columns × 500 stays under SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Updates many rows of `table`, each to its own values, in one UPDATE ... FROM (VALUES ...) per 500 rows,
 * instead of a statement per row. A row is matched on every `match` value (named apart from the `set` ones:
 * its id, and e.g. the version it was read at, against the column each names) and gets the `set` columns; answers the ids of the rows updated, so a caller can tell which
 * matched no longer (PostgreSQL and SQLite 3.35+ both take UPDATE ... FROM ... RETURNING).
 */
export async function updateRows(
  db: RawExecutor,
  dialect: SqlDialect,
  table: string,
  columns: { match: Record<string, { column: string; type: ColumnType }>; set: Record<string, ColumnType> },
  rows: readonly Record<string, unknown>[],
): Promise<string[]> {
  const names = [...Object.keys(columns.match), ...Object.keys(columns.set)];
  const types: Record<string, ColumnType> = { ...Object.fromEntries(Object.entries(columns.match).map(([name, { type }]) => [name, type])), ...columns.set };
  const updated: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows.slice(i, i + ROWS_PER_STATEMENT).map(
      (row) =>
        Prisma.sql`(${Prisma.join(
          names.map((name) => (dialect === "postgres" ? Prisma.sql`CAST(${row[name] ?? null} AS ${Prisma.raw(types[name]!)})` : Prisma.sql`${row[name] ?? null}`)),
        )})`,
    );
    // SQLite names a VALUES list's columns column1, column2, ...; PostgreSQL lets them be named.
    const valueOf = (name: string) => (dialect === "postgres" ? Prisma.raw(`v."${name}"`) : Prisma.raw(`v.column${names.indexOf(name) + 1}`));
    const target = Prisma.raw(`"${table}"`);
    const alias = dialect === "postgres" ? Prisma.raw(`v(${names.map((name) => `"${name}"`).join(", ")})`) : Prisma.raw("v");
    const assignments = Prisma.join(Object.keys(columns.set).map((name) => Prisma.sql`${Prisma.raw(`"${name}"`)} = ${valueOf(name)}`));
    const matches = Prisma.join(
      Object.entries(columns.match).map(([name, { column }]) => Prisma.sql`${target}.${Prisma.raw(`"${column}"`)} = ${valueOf(name)}`),
      " AND ",
    );
    const returned = await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`UPDATE ${target} SET ${assignments} FROM (VALUES ${Prisma.join(values)}) AS ${alias} WHERE ${matches} RETURNING ${target}."id"`,
    );
    updated.push(...returned.map((row) => row.id));
  }
  return updated;
}
