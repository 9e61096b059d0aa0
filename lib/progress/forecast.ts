import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { localEpochDay, toNumber, type SqlDialect } from "./sql";
import { addDays, epochDayOf, localDayOf, offsetSegments, startOfLocalDay, type LocalDay } from "./time-zone";

export type DueDay = { day: LocalDay; due: number };

export const FORECAST_DAYS = 30;

/**
 * Reviews due on each of the next FORECAST_DAYS local days, today first. Cards already overdue count
 * for today, since that is when they will be shown; cards never studied are not reviews and are left out.
 */
export async function dueForecast(db: Db, dialect: SqlDialect, userId: string, timeZone: string, today: LocalDay): Promise<DueDay[]> {
  const todayStart = startOfLocalDay(today, timeZone);
  const end = startOfLocalDay(addDays(today, FORECAST_DAYS), timeZone);
  // Overdue cards land in today's bucket however old they are, so offsets are needed from today on only.
  const day = localEpochDay(dialect, Prisma.raw(`"due"`), offsetSegments(timeZone, todayStart, end));
  const rows = await db.$queryRaw<{ day: bigint | number; due: bigint | number }[]>`
    SELECT ${day} AS "day", COUNT(*) AS "due"
    FROM "Card"
    WHERE "userId" = ${userId} AND "state" <> ${State.New} AND "due" < ${end}
    GROUP BY 1`;
  const todayEpoch = epochDayOf(today);
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  for (const row of rows) {
    const index = Math.max(0, toNumber(row.day) - todayEpoch);
    if (index < FORECAST_DAYS) counts[index]! += toNumber(row.due);
  }
  return counts.map((due, index) => ({ day: addDays(today, index), due }));
}

/** Reviews due during the user's tomorrow: what the review page promises when the day's work is done. */
export async function reviewsDueTomorrow(db: Db, userId: string, now: Date): Promise<number> {
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } });
  const timeZone = settings?.timeZone ?? "Asia/Kolkata";
  const tomorrow = addDays(localDayOf(now, timeZone), 1);
  return db.card.count({
    where: {
      userId,
      state: { not: State.New },
      item: { retiredAt: null },
      due: { gte: startOfLocalDay(tomorrow, timeZone), lt: startOfLocalDay(addDays(tomorrow, 1), timeZone) },
    },
  });
}
