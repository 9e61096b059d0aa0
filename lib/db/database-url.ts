import path from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgres"; url: string; schema: string | undefined };

export const DEFAULT_SQLITE_PATH = path.join("data", "smriti.db");

/**
 * Reads which database to use from DATABASE_URL: PostgreSQL for postgres:// and postgresql:// URLs
 * (a `schema` query parameter selects the schema), otherwise a SQLite file (`file:` URL), by default
 * data/smriti.db under the working directory.
 */
export function resolveDatabaseTarget(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = databaseUrl?.trim();
  if (!raw) {
    const filePath = path.resolve(cwd, DEFAULT_SQLITE_PATH);
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    const parsed = new URL(raw);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    parsed.searchParams.delete("schema");
    return { provider: "postgres", url: parsed.toString(), schema };
  }
  if (raw.startsWith("file:")) {
    const filePath = path.resolve(cwd, raw.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error(
    `DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${raw.slice(0, 20)}...")`,
  );
}
