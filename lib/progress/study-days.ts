import type { Db } from "@/lib/db/client";
import { dayFromEpochDay, epochDayOf, type LocalDay } from "@/lib/calendar/local-day";

/** One day's ratings, from the StudyDay rollup (kept by triggers on ReviewLog). */
export type StudyDayCounts = {
  day: LocalDay;
  reviews: number;
  newCards: number;
  matureReviews: number;
  matureRecalled: number;
};

/**
 * The user's days with at least one rating, oldest first, optionally from a day on. A row per active
 * day, however many ratings each day holds: this is what keeps Progress flat as the history grows.
 */
export async function studyDays(db: Db, userId: string, from?: LocalDay): Promise<StudyDayCounts[]> {
  const rows = await db.studyDay.findMany({
    where: { userId, reviews: { gt: 0 }, ...(from ? { day: { gte: epochDayOf(from) } } : {}) },
    orderBy: { day: "asc" },
    select: { day: true, reviews: true, newCards: true, matureReviews: true, matureRecalled: true },
  });
  return rows.map((row) => ({ ...row, day: dayFromEpochDay(row.day) }));
}
