import type { Db } from "@/lib/db/client";
import { CARD_STATE_SELECT, type CardState } from "@/lib/srs/card-state";
import { policyOfStored, type SchedulingPolicy } from "./policy";
import { reviewQueue, type QueueCard } from "./queue";

/** A queue card with its FSRS state, so that the device can schedule it when rated offline. */
export type DeviceQueueCard = QueueCard & { memory: CardState };

/**
 * The review queue as the flashcard page keeps it on the device: whose it is, the server's time, the
 * user's scheduling policy (retention, fitted weights, exam date, time zone) and each card's FSRS state.
 * Offline, the page schedules its own copy with these through the same scheduler as the server
 * (lib/practice/device-schedule), so that a card rated Again comes back after its step; the server
 * replays every synced rating itself and stays the authority.
 */
export async function deviceQueue(db: Db, userId: string, limit: number, now: Date): Promise<{ userId: string; servedAt: Date; scheduling: SchedulingPolicy; cards: DeviceQueueCard[] }> {
  const [cards, settings] = await Promise.all([
    reviewQueue(db, userId, limit, now),
    db.userSettings.findUnique({ where: { userId }, select: { desiredRetention: true, examDate: true, timeZone: true, fsrsParameters: true } }),
  ]);
  // One primary-key read for the states reviewQueue read but does not return.
  const states = await db.card.findMany({ where: { userId, id: { in: cards.map((card) => card.id) } }, select: { id: true, ...CARD_STATE_SELECT } });
  const memory = new Map(states.map(({ id, ...state }) => [id, state]));
  return {
    userId,
    servedAt: now,
    scheduling: policyOfStored(settings),
    cards: cards.flatMap((card) => {
      const state = memory.get(card.id);
      return state ? [{ ...card, memory: state }] : [];
    }),
  };
}
