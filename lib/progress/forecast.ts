import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { countFlashcardsDue } from "@/lib/practice/due";
import { userDay } from "@/lib/calendar/user-day";
import { RECALL_TYPES } from "@/lib/practice/items";
import { settingsOrDefaults } from "@/lib/defaults";
import { localEpochDay, toNumber, type SqlDialect } from "@/lib/db/sql-dialect";
import { addDays, epochDayOf, localDayOf, offsetSegments, startOfLocalDay, type LocalDay } from "@/lib/calendar/local-day";

export type DueDay = { day: LocalDay; due: number };

export const FORECAST_DAYS = 30;

/**
 * Flashcard reviews due on each of the next FORECAST_DAYS local days, today first. Today's column is
 * exactly what the review queue serves today and Today counts (lib/practice/due); cards already overdue
 * but buried today (a sibling was rated) move to tomorrow, when they will be shown. Cards never studied
 * are not reviews, and quiz questions are not flashcards: both are left out.
 */
export async function dueForecast(db: Db, dialect: SqlDialect, userId: string, timeZone: string, today: LocalDay): Promise<DueDay[]> {
  const todayStart = startOfLocalDay(today, timeZone);
  const todayEnd = startOfLocalDay(addDays(today, 1), timeZone);
  const end = startOfLocalDay(addDays(today, FORECAST_DAYS), timeZone);
  // Overdue cards land in today's bucket however old they are, so offsets are needed from today on only.
  const day = localEpochDay(dialect, Prisma.raw(`c."due"`), offsetSegments(timeZone, todayStart, end));
  const [rows, dueToday] = await Promise.all([
    db.$queryRaw<{ day: bigint | number; due: bigint | number }[]>`
      SELECT ${day} AS "day", COUNT(*) AS "due"
      FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId"
      WHERE c."userId" = ${userId} AND c."state" <> ${State.New} AND c."due" < ${end}
        AND i."type" IN (${Prisma.join(RECALL_TYPES)}) AND i."retiredAt" IS NULL
      GROUP BY 1`,
    countFlashcardsDue(db, userId, todayStart, todayEnd),
  ]);
  const todayEpoch = epochDayOf(today);
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  for (const row of rows) {
    const index = Math.max(0, toNumber(row.day) - todayEpoch);
    if (index < FORECAST_DAYS) counts[index]! += toNumber(row.due);
  }
  const buried = counts[0]! - dueToday;
  counts[0] = dueToday;
  if (FORECAST_DAYS > 1) counts[1]! += buried;
  return counts.map((due, index) => ({ day: addDays(today, index), due }));
}

/**
 * Flashcard reviews due during the user's tomorrow, once today's are done: everything due before the end
 * of tomorrow but what today serves (so cards buried today are counted for tomorrow).
 */
export async function reviewsDueTomorrow(db: Db, userId: string, now: Date): Promise<number> {
  const { timeZone } = settingsOrDefaults(await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } }));
  const { start, end } = userDay(now, timeZone);
  const tomorrowEnd = startOfLocalDay(addDays(localDayOf(now, timeZone), 2), timeZone);
  const [upToTomorrow, dueToday] = await Promise.all([
    db.card.count({ where: { userId, state: { not: State.New }, due: { lt: tomorrowEnd }, item: { type: { in: RECALL_TYPES }, retiredAt: null } } }),
    countFlashcardsDue(db, userId, start, end),
  ]);
  return upToTomorrow - dueToday;
}
