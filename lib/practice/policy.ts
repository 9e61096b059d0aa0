import { DEFAULT_SETTINGS } from "@/lib/defaults";
import { examDateStrategy } from "@/lib/readiness/exam-mode";
import { plainFsrs, schedulerFor, type Scheduling } from "@/lib/srs/schedule";

/** What the user's settings add to plain FSRS: their retention target and, with an exam date, exam mode. */
export type SchedulingPolicy = { desiredRetention: number; examDate: string | null; timeZone: string };

export function policyOf(settings: SchedulingPolicy): SchedulingPolicy {
  return { desiredRetention: settings.desiredRetention, examDate: settings.examDate, timeZone: settings.timeZone };
}

export const DEFAULT_POLICY: SchedulingPolicy = policyOf(DEFAULT_SETTINGS);

/** The scheduling a policy asks for: the scheduler for its retention, and exam mode when it has an exam date. */
export function schedulingFor(policy: SchedulingPolicy): Scheduling {
  const { desiredRetention, examDate, timeZone } = policy;
  return {
    scheduler: schedulerFor({ desiredRetention }),
    dueDate: examDate ? examDateStrategy({ examDate, timeZone, targetRetention: desiredRetention }) : plainFsrs,
  };
}
