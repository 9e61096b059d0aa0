import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { COUNTED_IN, studyDayRecount, topicTallyRecount } from "@/lib/db/rollup-rules";
import { toNumber } from "@/lib/db/sql-dialect";

export type RollupMismatch = { table: "StudyDay" | "FlashcardTopicTally"; key: string; stored: string; recounted: string };

type Counted = bigint | number | null;

/**
 * Recounts the progress rollups (kept by triggers on ReviewLog, by lib/db/rollup-rules.ts' rules) from the review log itself and lists
 * every row that differs, for the given users: after a soak, proof that no rating was counted twice or
 * left out. Logs without a local day (awaiting db:migrate's backfill) are not in StudyDay by design.
 */
export async function rollupMismatches(db: Db, userIds: string[]): Promise<RollupMismatch[]> {
  const [storedDays, countedDays, storedTopics, countedTopics] = await Promise.all([
    db.studyDay.findMany({ where: { userId: { in: userIds }, reviews: { not: 0 } } }),
    db.$queryRaw<{ userId: string; day: Counted; reviews: Counted; newCards: Counted; matureReviews: Counted; matureRecalled: Counted }[]>(Prisma.sql`
      SELECT r."userId", r."localDay" AS "day", ${Prisma.raw(studyDayRecount("r"))}
      FROM "ReviewLog" r
      WHERE ${Prisma.raw(COUNTED_IN.studyDay("r"))}
      GROUP BY r."userId", r."localDay"`),
    db.flashcardTopicTally.findMany({ where: { userId: { in: userIds }, attempts: { not: 0 } } }),
    db.$queryRaw<{ userId: string; topic: string; attempts: Counted; correct: Counted }[]>(Prisma.sql`
      SELECT r."userId", r."tallyTopic" AS "topic", ${Prisma.raw(topicTallyRecount("r"))}
      FROM "ReviewLog" r
      WHERE ${Prisma.raw(COUNTED_IN.topicTally("r"))}
      GROUP BY r."userId", r."tallyTopic"`),
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
