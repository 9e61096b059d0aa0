import type { Db } from "@/lib/db/client";
import { toNumber } from "@/lib/db/sql-dialect";

export type RollupMismatch = { table: "StudyDay" | "FlashcardTopicTally"; key: string; stored: string; recounted: string };

type Counted = bigint | number | null;

/**
 * Recounts the progress rollups (kept by triggers on ReviewLog) from the review log itself and lists
 * every row that differs, for the given users: after a soak, proof that no rating was counted twice or
 * left out. Logs without a local day (awaiting db:migrate's backfill) are not in StudyDay by design.
 */
export async function rollupMismatches(db: Db, userIds: string[]): Promise<RollupMismatch[]> {
  const [storedDays, countedDays, storedTopics, countedTopics] = await Promise.all([
    db.studyDay.findMany({ where: { userId: { in: userIds }, reviews: { not: 0 } } }),
    db.$queryRaw<{ userId: string; day: Counted; reviews: Counted; newCards: Counted; matureReviews: Counted; matureRecalled: Counted }[]>`
      SELECT "userId", "localDay" AS "day", COUNT(*) AS "reviews",
        SUM(CASE WHEN "stateBefore" = 0 THEN 1 ELSE 0 END) AS "newCards",
        SUM(CASE WHEN "stateBefore" = 2 THEN 1 ELSE 0 END) AS "matureReviews",
        SUM(CASE WHEN "stateBefore" = 2 AND "rating" > 1 THEN 1 ELSE 0 END) AS "matureRecalled"
      FROM "ReviewLog"
      WHERE "localDay" IS NOT NULL
      GROUP BY "userId", "localDay"`,
    db.flashcardTopicTally.findMany({ where: { userId: { in: userIds }, attempts: { not: 0 } } }),
    db.$queryRaw<{ userId: string; topic: string; attempts: Counted; correct: Counted }[]>`
      SELECT r."userId", i."topic", COUNT(*) AS "attempts", SUM(CASE WHEN r."rating" > 1 THEN 1 ELSE 0 END) AS "correct"
      FROM "ReviewLog" r JOIN "Card" c ON c."id" = r."cardId" JOIN "BankItem" i ON i."id" = c."itemId"
      WHERE r."origin" = 'flashcard'
      GROUP BY r."userId", i."topic"`,
  ]);
  const users = new Set(userIds);
  const dayCounts = (row: { reviews: Counted; newCards: Counted; matureReviews: Counted; matureRecalled: Counted }) =>
    [row.reviews, row.newCards, row.matureReviews, row.matureRecalled].map(toNumber).join("/");
  const topicCounts = (row: { attempts: Counted; correct: Counted }) => [row.attempts, row.correct].map(toNumber).join("/");
  return [
    ...differences(
      "StudyDay",
      new Map(storedDays.map((row) => [`${row.userId} ${row.day}`, dayCounts(row)])),
      new Map(countedDays.filter((row) => users.has(row.userId)).map((row) => [`${row.userId} ${toNumber(row.day)}`, dayCounts(row)])),
    ),
    ...differences(
      "FlashcardTopicTally",
      new Map(storedTopics.map((row) => [`${row.userId} ${row.topic}`, topicCounts(row)])),
      new Map(countedTopics.filter((row) => users.has(row.userId)).map((row) => [`${row.userId} ${row.topic}`, topicCounts(row)])),
    ),
  ];
}

function differences(table: RollupMismatch["table"], stored: Map<string, string>, recounted: Map<string, string>): RollupMismatch[] {
  const keys = new Set([...stored.keys(), ...recounted.keys()]);
  return [...keys]
    .filter((key) => stored.get(key) !== recounted.get(key))
    .map((key) => ({ table, key, stored: stored.get(key) ?? "none", recounted: recounted.get(key) ?? "none" }));
}
