import type { StudyDayCounts } from "./study-days";
import { addDays, daysBetween, type LocalDay } from "@/lib/calendar/local-day";

export type TrueRetention = {
  /** Ratings of cards that were in the review state when rated. */
  reviews: number;
  /** Of those, the ones not rated "again". */
  recalled: number;
  /** recalled / reviews, or null with no such review in the window. */
  rate: number | null;
};

export type RecentStudy = {
  retention7Days: TrueRetention;
  retention30Days: TrueRetention;
  /**
   * Over the last `paceDays` days, today included: ratings of cards seen before, and cards rated for the
   * first time. PACE_DAYS, or fewer when the first rating is more recent; 0 before any rating.
   */
  paceDays: number;
  reviewsInPace: number;
  newCardsInPace: number;
};

export const PACE_DAYS = 14;

/**
 * True retention over the last 7 and 30 of the user's days, today included (as in Anki: the share of
 * ratings of mature memories, cards in the review state, that were recalled), and the recent pace of
 * reviews and new cards over the last PACE_DAYS days, or since the first rating when that is more recent:
 * the days before someone started studying (however old the account) say nothing about their pace.
 * Computed from the per-day rollups, so a month of heavy study costs no more than a quiet one.
 */
export function recentStudy(days: readonly StudyDayCounts[], today: LocalDay): RecentStudy {
  const first = days[0]?.day;
  const paceDays = first === undefined ? 0 : Math.min(PACE_DAYS, Math.max(1, daysBetween(first, today) + 1));
  const within = (count: number) => {
    const first = addDays(today, -(count - 1));
    return days.filter(({ day }) => day >= first && day <= today);
  };
  const sum = (rows: readonly StudyDayCounts[], field: keyof Omit<StudyDayCounts, "day">) => rows.reduce((total, row) => total + row[field], 0);
  const retention = (rows: readonly StudyDayCounts[]): TrueRetention => {
    const reviews = sum(rows, "matureReviews");
    const recalled = sum(rows, "matureRecalled");
    return { reviews, recalled, rate: reviews === 0 ? null : recalled / reviews };
  };
  const pace = within(paceDays);
  return {
    retention7Days: retention(within(7)),
    retention30Days: retention(within(30)),
    paceDays,
    reviewsInPace: sum(pace, "reviews") - sum(pace, "newCards"),
    newCardsInPace: sum(pace, "newCards"),
  };
}
