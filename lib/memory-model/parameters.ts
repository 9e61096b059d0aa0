import { default_w } from "ts-fsrs";
import { z } from "zod";

/** FSRS-6's parameters: 21 weights, ts-fsrs' defaults and fsrs-rs' alike. */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

export const parametersSchema = z.array(z.number().refine(Number.isFinite)).length(DEFAULT_PARAMETERS.length);

/**
 * A user's stored parameters (UserSettings.fsrsParameters, JSON) as numbers; null for none or for a value
 * that is not 21 finite numbers, so that a bad row schedules with the defaults instead of failing.
 */
export function parseParameters(stored: string | null | undefined): number[] | null {
  if (!stored) return null;
  try {
    const parsed = parametersSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
