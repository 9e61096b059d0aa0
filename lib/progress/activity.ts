import { addDays, daysBetween, type LocalDay } from "@/lib/calendar/local-day";

export type DayCount = { day: LocalDay; reviews: number };

export type Streaks = {
  /** Consecutive days with a review up to today, or up to yesterday while today is still open. */
  current: number;
  longest: number;
};

/** The heatmap covers this many days up to today. */
export const HEATMAP_DAYS = 365;

/** Streaks from the days with at least one review, oldest first. */
export function streaksOf(activeDays: readonly LocalDay[], today: LocalDay): Streaks {
  let longest = 0;
  let run = 0;
  let previous: LocalDay | null = null;
  for (const day of activeDays) {
    run = previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const last = activeDays.at(-1);
  const current = last !== undefined && daysBetween(last, today) <= 1 ? run : 0;
  return { current, longest };
}

/** Every day of the heatmap's span, oldest first, with zero for days without reviews. */
export function heatmapDays(counts: readonly DayCount[], today: LocalDay, days = HEATMAP_DAYS): DayCount[] {
  const byDay = new Map(counts.map(({ day, reviews }) => [day, reviews]));
  const first = addDays(today, -(days - 1));
  return Array.from({ length: days }, (_, index) => {
    const day = addDays(first, index);
    return { day, reviews: byDay.get(day) ?? 0 };
  });
}
