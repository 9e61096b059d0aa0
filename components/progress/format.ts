/** Shared number formatting for the progress views: one place, so every percentage reads alike. */
export function percent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)}%`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

const dayFormat = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-IN", { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A local calendar day (YYYY-MM-DD) as "23 Nov"; formatted in UTC because the string is already local. */
export function shortDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export function longDay(day: string): string {
  return longDayFormat.format(new Date(`${day}T00:00:00Z`));
}

/**
 * A rate a day as people say it: whole numbers ("about 3"), "under 1" for a trickle, "no" for none.
 * Used for the user's pace, which is an average and never needs a decimal.
 */
export function perDay(count: number, singular: string, pluralForm = `${singular}s`): string {
  if (count === 0) return `no ${pluralForm}`;
  if (count < 0.5) return `under 1 ${singular}`;
  const whole = Math.round(count);
  return `${whole} ${whole === 1 ? singular : pluralForm}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An instant as "29 Nov 2026, 10:28" in the user's time zone, the same on the server and in the browser:
 * only numbers come from Intl (locale-formatted dates differ between Node's and Chromium's ICU, in their
 * spaces and am/pm, and in the browser's own zone), so a client component hydrates without a mismatch.
 */
export function dateTimeIn(instant: Date | string, timeZone: string): { day: string; dateTime: string } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  const day = `${Number(part("day"))} ${MONTHS[Number(part("month")) - 1]}`;
  return { day, dateTime: `${day} ${part("year")}, ${part("hour")}:${part("minute")}` };
}
