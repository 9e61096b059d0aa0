import { examDateStrategy } from "@/lib/readiness/exam-mode";
import { plainFsrs, schedulerFor, type Scheduling } from "@/lib/srs/schedule";

/**
 * What the user's settings add to plain FSRS: their retention target, their fitted weights when they have
 * adopted some (lib/memory-model; null: ts-fsrs' defaults) and, with an exam date, exam mode.
 */
export type SchedulingPolicy = { desiredRetention: number; examDate: string | null; timeZone: string; weights: readonly number[] | null };

/**
 * The scheduling a policy asks for: the scheduler for its retention and weights, and exam mode when it has
 * an exam date. Apart from lib/practice/policy (which parses stored settings with zod) so that the
 * browser, scheduling ratings made offline, loads ts-fsrs without zod.
 */
export function schedulingFor(policy: SchedulingPolicy): Scheduling {
  const { desiredRetention, examDate, timeZone, weights } = policy;
  return {
    scheduler: schedulerFor({ desiredRetention, weights }),
    dueDate: examDate ? examDateStrategy({ examDate, timeZone, targetRetention: desiredRetention }) : plainFsrs,
  };
}
