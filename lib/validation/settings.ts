import { z } from "zod";
import { currentTimeZoneName, isTimeZone } from "@/lib/calendar/time-zones";
import type { DefaultedSettings } from "@/lib/defaults";
import { text } from "@/lib/validation/text";

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

export const settingsSchema = z.strictObject({
  examDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-05-24.")
    .refine(isCalendarDay, "That day does not exist.")
    .refine((day) => day >= "2000-01-01" && day <= "2100-12-31", "Choose a date between 2000 and 2100.")
    .nullable(),
  examName: text().trim().max(100, "Use at most 100 characters.").nullable().transform((name) => name || null),
  // Any IANA name, old or current ("Asia/Calcutta", "Asia/Kolkata"), stored under its current name.
  timeZone: text().max(64).refine(isTimeZone, "Choose a time zone from the suggestions, such as Asia/Kolkata.").transform(currentTimeZoneName),
  newCardsPerDay: z.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(0, "Use 0 or more.").max(500, "Use at most 500."),
  dailyQuizSize: z.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(5, "Use at least 5.").max(100, "Use at most 100."),
  desiredRetention: z.number().min(0.7, "Use at least 70%.").max(0.99, "Use at most 99%."),
});
export type Settings = z.infer<typeof settingsSchema>;

// The defaults (lib/defaults.ts, which may import nothing) are settings of exactly this shape.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _defaultsHaveTheSettingsShape: SameShape<Settings, DefaultedSettings> = true;
