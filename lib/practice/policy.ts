import { parseParameters } from "@/lib/memory-model/parameters";
import type { SchedulingPolicy } from "@/lib/srs/schedule";

export const DEFAULT_TIME_ZONE = "Asia/Kolkata";

export const DEFAULT_POLICY: SchedulingPolicy = { desiredRetention: 0.9, examDate: null, timeZone: DEFAULT_TIME_ZONE, parameters: null };

export function policyOf(settings: { desiredRetention: number; examDate: string | null; timeZone: string; fsrsParameters: string | null }): SchedulingPolicy {
  return {
    desiredRetention: settings.desiredRetention,
    examDate: settings.examDate,
    timeZone: settings.timeZone,
    parameters: parseParameters(settings.fsrsParameters),
  };
}
