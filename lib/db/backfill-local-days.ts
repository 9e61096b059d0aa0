import { offsetSegments } from "@/lib/calendar/local-day";
import { settingsOrDefaults } from "@/lib/defaults";
import type { Db } from "./client";
import { Prisma } from "./generated/sqlite/client";
import { STUDY_DAY_COUNTS, studyDayRecount } from "./rollup-rules";
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
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "StudyDay" ("userId", "day", ${Prisma.raw(Object.keys(STUDY_DAY_COUNTS).map((column) => `"${column}"`).join(", "))})
        SELECT r."userId", r."localDay", ${Prisma.raw(studyDayRecount("r"))}
        FROM "ReviewLog" r
        WHERE r."userId" = ${userId}
        GROUP BY r."userId", r."localDay"`);
    });
  }
  return pending.length;
}
