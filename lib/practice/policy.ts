import { DEFAULT_SETTINGS } from "@/lib/defaults";
import { parseParameters } from "@/lib/memory-model/parameters";
import type { SchedulingPolicy } from "./scheduling";

// The policy's type and its scheduling live in ./scheduling (no zod there, for the browser); their
// callers have always imported them from here.
export { schedulingFor, type SchedulingPolicy } from "./scheduling";

/** The policy of a settings row; `fsrsParameters` is the stored JSON of the fitted weights. */
export function policyOf(settings: { desiredRetention: number; examDate: string | null; timeZone: string; fsrsParameters?: string | null }): SchedulingPolicy {
  return {
    desiredRetention: settings.desiredRetention,
    examDate: settings.examDate,
    timeZone: settings.timeZone,
    weights: parseParameters(settings.fsrsParameters),
  };
}

export const DEFAULT_POLICY: SchedulingPolicy = policyOf(DEFAULT_SETTINGS);

/** The policy of a stored settings row, or the defaults' for a user without one. */
export function policyOfStored(row: Parameters<typeof policyOf>[0] | null): SchedulingPolicy {
  return row ? policyOf(row) : DEFAULT_POLICY;
}

/**
 * The policy of a settings row LEFT JOINed to a hot query (lib/db/hot-sql): all its columns are null
 * when the user has none, and the driver may give the retention as text.
 */
export function policyOfJoined(row: { desiredRetention: unknown; examDate: string | null; timeZone: string | null; fsrsParameters: string | null }): SchedulingPolicy {
  return policyOfStored(row.timeZone === null ? null : { desiredRetention: Number(row.desiredRetention), examDate: row.examDate, timeZone: row.timeZone, fsrsParameters: row.fsrsParameters });
}
