import type { Db } from "@/lib/db/client";
import type { CardState } from "@/lib/srs/card-state";
import type { SchedulingPolicy } from "./policy";
import { reviewQueueWithStates, type QueueCard } from "./queue";

/** A queue card with its FSRS state, so that the device can schedule it when rated offline. */
export type DeviceQueueCard = QueueCard & { memory: CardState };

/**
 * The review queue as the flashcard page keeps it on the device: whose it is, the server's time, the
 * user's scheduling policy (retention, fitted weights, exam date, time zone) and each card's FSRS state.
 * Offline, the page schedules its own copy with these through the same scheduler as the server
 * (lib/practice/device-schedule), so that a card rated Again comes back after its step; the server
 * replays every synced rating itself and stays the authority. The policy and states are the ones the
 * queue's own queries read: no query more than the queue (a second read of the settings and of the
 * cards through Prisma cost more CPU than the queue itself, docs/performance.md).
 */
export async function deviceQueue(db: Db, userId: string, limit: number, now: Date): Promise<{ userId: string; servedAt: Date; scheduling: SchedulingPolicy; cards: DeviceQueueCard[] }> {
  const { policy, cards } = await reviewQueueWithStates(db, userId, limit, now);
  return { userId, servedAt: now, scheduling: policy, cards };
}
