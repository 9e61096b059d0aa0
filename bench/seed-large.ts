import { hashPassword } from "@/lib/auth/passwords";
import type { Db } from "@/lib/db/client";

export type LargeDataShape = {
  users: number;
  cardsPerUser: number;
  logsPerCard: number;
  /** One more user with this many cards (and no logs): the queue benchmark's worst case. */
  heavyUserCards: number;
};

export type SeededUsers = { password: string; users: { id: string; email: string }[]; heavy: { id: string; email: string } };

export const BENCH_PASSWORD = "bench-password-1";
const NOW_SQL_OFFSET_DAYS = 0;

/**
 * Fills a migrated database with bench users, synthetic flashcard items, card states and review logs,
 * generated inside the database (recursive CTE on SQLite, generate_series on PostgreSQL): a million
 * rows in seconds rather than minutes of round trips.
 */
export async function seedLargeDatabase(db: Db, provider: "sqlite" | "postgres", shape: LargeDataShape): Promise<SeededUsers> {
  const items = Math.max(shape.cardsPerUser, shape.heavyUserCards);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = Array.from({ length: shape.users }, (_, index) => ({ id: `bench-user-${index}`, email: `bench-${index}@example.in` }));
  const heavy = { id: "bench-user-heavy", email: "bench-heavy@example.in" };
  await db.user.createMany({ data: [...users, heavy].map((user) => ({ ...user, passwordHash })) });
  await db.userSettings.createMany({ data: [...users, heavy].map((user) => ({ userId: user.id })) });

  const sqlite = provider === "sqlite";
  const series = (count: number) =>
    sqlite
      ? `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${count - 1}) SELECT n FROM seq`
      : `SELECT generate_series(0, ${count - 1}) AS n`;
  const now = sqlite ? "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')" : "now()";
  const daysFromNow = (days: string) =>
    sqlite ? `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', (${days}) || ' days')` : `now() + ((${days}) * interval '1 day')`;
  const text = (expression: string) => (sqlite ? `CAST(${expression} AS TEXT)` : `(${expression})::text`);
  const modulo = (a: string, b: number) => `(${a} % ${b})`;

  // Each item a fact of its own: items of one fact are siblings, and a rating buries its siblings for the
  // day (lib/practice/due). With one fact for all, a user's first rating buried every other card they had.
  await db.$executeRawUnsafe(
    `INSERT INTO "BankItem" ("id", "type", "topic", "prompt", "options", "answer", "explanation", "sources", "factIds", "contentHash", "updatedAt")
     SELECT 'bench-item-' || ${text("n")}, 'flashcard', 'Bench topic ' || ${text(modulo("n", 20))}, 'Bench question ' || ${text("n")} || '?',
            '[]', 'Answer ' || ${text("n")}, 'Because.', '[]', '["bench-fact-' || ${text("n")} || '"]', 'bench', ${now}
     FROM (${series(items)}) AS s`,
  );
  for (const [index, user] of users.entries()) {
    await insertCards(user.id, shape.cardsPerUser, index);
  }
  await insertCards(heavy.id, shape.heavyUserCards, 0);

  async function insertCards(userId: string, count: number, salt: number) {
    if (count === 0) return;
    await db.$executeRawUnsafe(
      `INSERT INTO "Card" ("id", "userId", "itemId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "version", "createdAt")
       SELECT '${userId}-card-' || ${text("n")}, '${userId}', 'bench-item-' || ${text("n")},
              ${daysFromNow(`${modulo(`n + ${salt}`, 60)} - 20 + ${NOW_SQL_OFFSET_DAYS}`)},
              1 + ${modulo("n", 90)}, 3 + ${modulo("n", 6)}, 3, 10, 0, 5, ${modulo("n", 3)}, 2, ${daysFromNow(`-1 - ${modulo("n", 20)}`)}, 0, ${now}
       FROM (${series(count)}) AS s`,
    );
  }

  if (shape.logsPerCard > 0) {
    // One statement per user keeps each transaction to the size of one user's history.
    for (const user of users) {
      await db.$executeRawUnsafe(
        `INSERT INTO "ReviewLog" ("id", "reviewId", "userId", "cardId", "rating", "origin", "reviewedAt", "durationMs", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "cardBefore", "tallyTopic")
         SELECT c."id" || '-log-' || ${text("s.n")}, c."id" || '-review-' || ${text("s.n")}, c."userId", c."id", 1 + ${modulo("s.n", 4)}, 'flashcard',
                ${daysFromNow(`-1 - s.n * 7`)}, 8000, 2, c."due", c."stability", c."difficulty", 7, 7, '{}',
                (SELECT i."topic" FROM "BankItem" i WHERE i."id" = c."itemId")
         FROM "Card" c CROSS JOIN (${series(shape.logsPerCard)}) AS s
         WHERE c."userId" = '${user.id}'`,
      );
    }
  }
  // PostgreSQL plans from table statistics, which autovacuum gathers some time after a bulk load: without
  // them it takes a 100,000-row table for an empty one and joins in the wrong order (200 ms queues).
  // A live database has them; so does the bench. SQLite plans without statistics, as it does in the app.
  if (!sqlite) await db.$executeRawUnsafe("ANALYZE");
  return { password: BENCH_PASSWORD, users, heavy };
}
