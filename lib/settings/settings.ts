import "server-only";
import type { Db } from "@/lib/db/client";
import type { Settings } from "@/lib/validation/settings";

const FIELDS = { examDate: true, examName: true, timeZone: true, newCardsPerDay: true, dailyQuizSize: true, desiredRetention: true } as const;

/** The user's settings; a user without a row (registered before settings existed) gets the defaults. */
export async function getSettings(db: Db, userId: string): Promise<Settings> {
  return db.userSettings.upsert({ where: { userId }, create: { userId }, update: {}, select: FIELDS });
}

export async function updateSettings(db: Db, userId: string, settings: Settings): Promise<Settings> {
  return db.userSettings.upsert({ where: { userId }, create: { userId, ...settings }, update: settings, select: FIELDS });
}
