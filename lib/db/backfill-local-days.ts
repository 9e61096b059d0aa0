import { offsetSegments } from "@/lib/calendar/local-day";
import { settingsOrDefaults } from "@/lib/defaults";
import type { Db } from "./client";
import { Prisma } from "./generated/sqlite/client";
import { localEpochDay, sqlDialectOf } from "./sql-dialect";

/**
 * Gives every review log stored before ReviewLog.localDay existed its local day (in the user's current
 * time zone, the best there is for them) and recounts those users' StudyDay rows from their logs. The
 * triggers only count a log as it is inserted, and SQLite cannot convert time zones in a migration, so
 * `db:migrate` calls this after the schema migrations. Idempotent; one query when there is nothing to do.
 * Returns the number of users backfilled.
 */
export async function backfillStudyDays(db: Db, now: Date): Promise<number> {
  const pending = await db.reviewLog.groupBy({
    by: ["userId"],
    where: { localDay: null },
    _min: { reviewedAt: true },
  });
  const dialect = sqlDialectOf(db);
  for (const { userId, _min } of pending) {
    const { timeZone } = settingsOrDefaults(await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } }));
    const day = localEpochDay(dialect, Prisma.raw(`"reviewedAt"`), offsetSegments(timeZone, _min.reviewedAt ?? now, now));
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "ReviewLog" SET "localDay" = CAST(${day} AS INTEGER) WHERE "userId" = ${userId} AND "localDay" IS NULL`;
      await tx.studyDay.deleteMany({ where: { userId } });
      await tx.$executeRaw`
        INSERT INTO "StudyDay" ("userId", "day", "reviews", "newCards", "matureReviews", "matureRecalled")
        SELECT "userId", "localDay", COUNT(*),
          SUM(CASE WHEN "stateBefore" = 0 THEN 1 ELSE 0 END),
          SUM(CASE WHEN "stateBefore" = 2 THEN 1 ELSE 0 END),
          SUM(CASE WHEN "stateBefore" = 2 AND "rating" > 1 THEN 1 ELSE 0 END)
        FROM "ReviewLog"
        WHERE "userId" = ${userId}
        GROUP BY "userId", "localDay"`;
    });
  }
  return pending.length;
}
