import { State } from "ts-fsrs";
import { userDay } from "@/lib/calendar/user-day";
import { cardStateOf, type CardState } from "@/lib/srs/card-state";
import { previewDueDates, scheduleCard, type RatingName } from "@/lib/srs/schedule";
import { schedulingFor, type SchedulingPolicy } from "./scheduling";

/** A card's FSRS state as the device keeps it: from the queue's JSON (dates as strings) or scheduled here (Dates). */
export type DeviceCardState = Record<keyof CardState, unknown>;

/** A card after a rating made on the device, and whether it comes back before the day is out. */
export type DeviceRated = {
  memory: CardState;
  /** When its learning step falls due, for a card still in its steps that falls due today; else null. */
  comesBackAt: Date | null;
  /** The due date each rating would give when it comes back (for the rating buttons then). */
  intervals: Record<RatingName, Date>;
};

/**
 * A rating applied on the device, browser-safe: the same ts-fsrs scheduler, parameters and due-date
 * strategy as the server's (lib/srs/schedule, lib/practice/policy), at the time the rating was made,
 * so that the server's replay of the synced rating (lib/practice/sync) gives the same state. A card
 * rated Again, or still in its learning steps, comes back in the session when its step falls due, as
 * the server's queue serves it: if that is before the end of the user's day.
 *
 * The flashcard page loads this module (with ts-fsrs) after its first paint, not in its first load.
 */
export function rateOnDevice(memory: DeviceCardState, rating: RatingName, at: Date, policy: SchedulingPolicy): DeviceRated {
  const scheduling = schedulingFor(policy);
  const after = scheduleCard(cardStateOf(memory), rating, at, scheduling);
  const learning = after.state === State.Learning || after.state === State.Relearning;
  const comesBackAt = learning && after.due < userDay(at, policy.timeZone).end ? after.due : null;
  return { memory: after, comesBackAt, intervals: previewDueDates(after, comesBackAt ?? after.due, scheduling) };
}
