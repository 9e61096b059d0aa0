/**
 * Whether a write failed on a unique index: the one test for it, whether the write went through Prisma
 * (P2002, from either database) or the hot paths' drivers (lib/db/hot-sql: better-sqlite3's constraint
 * codes, PostgreSQL's 23505). Several writes rely on that index to settle a race or a retry (a review
 * id, a day's quiz, a card).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "P2002" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
