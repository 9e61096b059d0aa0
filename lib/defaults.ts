/**
 * A user's settings until they change them: the one source of these values. The Prisma schemas repeat
 * them as column defaults (a schema cannot import TypeScript); tests/db/defaults.test.ts holds them equal
 * and checks that they pass the settings schema (lib/validation/settings.ts), whose type is the same.
 * Imports nothing, so that every module may read it.
 */
export const DEFAULT_SETTINGS = {
  examDate: null as string | null,
  examName: null as string | null,
  timeZone: "Asia/Kolkata" as string,
  newCardsPerDay: 20,
  dailyQuizSize: 15,
  desiredRetention: 0.9,
};

export type DefaultedSettings = typeof DEFAULT_SETTINGS;

export const DEFAULT_TIME_ZONE = DEFAULT_SETTINGS.timeZone;

/**
 * The stored settings, or the defaults for a user without a settings row (one who registered before
 * settings existed): the one way a missing row is handled, so no page fails for the lack of it.
 */
export function settingsOrDefaults<Row extends Partial<DefaultedSettings>>(row: Row | null | undefined): Pick<DefaultedSettings, keyof Row & keyof DefaultedSettings> {
  // A row may carry columns that have no default (the fitted FSRS weights): those are read from the row itself.
  return (row ?? DEFAULT_SETTINGS) as Pick<DefaultedSettings, keyof Row & keyof DefaultedSettings>;
}
