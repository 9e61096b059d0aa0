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
