import { addDays, localDayOf, startOfLocalDay, type LocalDay } from "@/lib/calendar/local-day";

/** The user's calendar day at `now` in their zone, and when it starts and ends in UTC. */
export function userDay(now: Date, timeZone: string): { day: LocalDay; start: Date; end: Date } {
  const day = localDayOf(now, timeZone);
  return { day, start: startOfLocalDay(day, timeZone), end: startOfLocalDay(addDays(day, 1), timeZone) };
}
