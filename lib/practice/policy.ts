import { DEFAULT_SETTINGS } from "@/lib/defaults";
import { parseParameters } from "@/lib/memory-model/parameters";
import { examDateStrategy } from "@/lib/readiness/exam-mode";
import { plainFsrs, schedulerFor, type Scheduling } from "@/lib/srs/schedule";

/**
 * What the user's settings add to plain FSRS: their retention target, their fitted weights when they have
 * adopted some (lib/memory-model; null: ts-fsrs' defaults) and, with an exam date, exam mode.
 */
export type SchedulingPolicy = { desiredRetention: number; examDate: string | null; timeZone: string; weights: readonly number[] | null };

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

/** The scheduling a policy asks for: the scheduler for its retention and weights, and exam mode when it has an exam date. */
export function schedulingFor(policy: SchedulingPolicy): Scheduling {
  const { desiredRetention, examDate, timeZone, weights } = policy;
  return {
    scheduler: schedulerFor({ desiredRetention, weights }),
    dueDate: examDate ? examDateStrategy({ examDate, timeZone, targetRetention: desiredRetention }) : plainFsrs,
  };
}
