/**
 * Calendar days in the user's time zone. A day is a "YYYY-MM-DD" string; instants are Dates. Progress
 * counts reviews per local day, so a review at 23:30 in Delhi belongs to that Delhi day, not to UTC's.
 */

export type LocalDay = string;

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(at: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds (IST: +5h30). */
export function utcOffsetMs(timeZone: string, at: Date): number {
  const { year, month, day, hour, minute, second } = wallClock(at, timeZone);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return wallAsUtc - (at.getTime() - at.getUTCMilliseconds());
}

/** The local calendar day of an instant. */
export function localDayOf(at: Date, timeZone: string): LocalDay {
  const { year, month, day } = wallClock(at, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// Readiness planning asks for the same few hundred day starts thousands of times; Intl is slow enough
// for that to show, and the answer never changes while the process runs.
const dayStarts = new Map<string, number>();
const DAY_STARTS_KEPT = 10_000;

/** The instant at which a local day begins (its first existing minute when a DST change skips midnight). */
export function startOfLocalDay(day: LocalDay, timeZone: string): Date {
  const key = `${timeZone} ${day}`;
  let instant = dayStarts.get(key);
  if (instant === undefined) {
    const wallMidnight = dayToUtcMs(day);
    // Two rounds settle the offset even when midnight falls just after a DST change.
    instant = wallMidnight - utcOffsetMs(timeZone, new Date(wallMidnight));
    instant = wallMidnight - utcOffsetMs(timeZone, new Date(instant));
    if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
    dayStarts.set(key, instant);
  }
  return new Date(instant);
}

export function addDays(day: LocalDay, days: number): LocalDay {
  return utcMsToDay(dayToUtcMs(day) + days * MS_PER_DAY);
}

/** Whole calendar days from one day to another: 1 from a Monday to the Tuesday after it. */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / MS_PER_DAY);
}

/** Days since 1970-01-01, the form in which SQL hands local days back. */
export function dayFromEpochDay(epochDay: number): LocalDay {
  return utcMsToDay(epochDay * MS_PER_DAY);
}

export function epochDayOf(day: LocalDay): number {
  return Math.round(dayToUtcMs(day) / MS_PER_DAY);
}

function dayToUtcMs(day: LocalDay): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

function utcMsToDay(ms: number): LocalDay {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A stretch of time over which a zone keeps one UTC offset; `untilSec` is open-ended on the last one. */
export type OffsetSegment = { untilSec: number | null; offsetSec: number };

// Zones change offset at most a few times a year and never twice within this step.
const OFFSET_SCAN_STEP_MS = 7 * MS_PER_DAY;

/**
 * The zone's UTC offsets between two instants, with the exact second of each change (DST). SQL adds the
 * offset in force at each timestamp to bucket it by local day: exact across DST, and a constant-size
 * expression however many rows it is applied to. Times before `from` take the first offset.
 */
export function offsetSegments(timeZone: string, from: Date, to: Date): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let cursor = from.getTime();
  let offset = utcOffsetMs(timeZone, from);
  while (cursor < to.getTime()) {
    const next = Math.min(cursor + OFFSET_SCAN_STEP_MS, to.getTime());
    const nextOffset = utcOffsetMs(timeZone, new Date(next));
    if (nextOffset !== offset) {
      const change = findOffsetChange(timeZone, cursor, next, offset);
      segments.push({ untilSec: change / 1000, offsetSec: offset / 1000 });
      offset = nextOffset;
    }
    cursor = next;
  }
  segments.push({ untilSec: null, offsetSec: offset / 1000 });
  return segments;
}

/** The first whole second in (low, high] at which the offset is no longer `before`. */
function findOffsetChange(timeZone: string, low: number, high: number, before: number): number {
  let lowSec = Math.floor(low / 1000);
  let highSec = Math.ceil(high / 1000);
  while (highSec - lowSec > 1) {
    const mid = Math.floor((lowSec + highSec) / 2);
    if (utcOffsetMs(timeZone, new Date(mid * 1000)) === before) lowSec = mid;
    else highSec = mid;
  }
  return highSec * 1000;
}

