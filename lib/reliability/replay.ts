import type { Db } from "@/lib/db/client";
import { schedulingFor, type SchedulingPolicy } from "@/lib/practice/policy";
import { cardStateFromJson, newCardState, type CardState } from "@/lib/srs/card-state";
import { ratingName, scheduleCard } from "@/lib/srs/schedule";

export type ReplayMismatch = { cardId: string; field: string; stored: unknown; replayed: unknown };

const COMPARED: (keyof CardState)[] = ["due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"];

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/**
 * Checks that every card's stored state is what ts-fsrs gives when its review log is replayed from a new
 * card, rating by rating, and that each log's snapshot of the card before it matches the replay: proof
 * that no rating was lost, applied twice or applied to a stale state. For users without an exam date.
 */
export async function replayMismatches(db: Db, userIds: string[], policyOf: (userId: string) => SchedulingPolicy): Promise<{ cards: number; logs: number; mismatches: ReplayMismatch[] }> {
  const cards = await db.card.findMany({ where: { userId: { in: userIds }, reviewLogs: { some: {} } } });
  const logs = await db.reviewLog.findMany({ where: { userId: { in: userIds } }, select: { cardId: true, rating: true, reviewedAt: true, cardBefore: true, id: true } });
  const byCard = new Map<string, typeof logs>();
  for (const log of logs) byCard.set(log.cardId, [...(byCard.get(log.cardId) ?? []), log]);
  const mismatches: ReplayMismatch[] = [];
  for (const card of cards) {
    // Ratings of one card are applied one after another; each snapshot's reps gives their order.
    const history = (byCard.get(card.id) ?? []).sort((a, b) => cardStateFromJson(a.cardBefore).reps - cardStateFromJson(b.cardBefore).reps);
    let state: CardState = { ...newCardState(card.createdAt) };
    for (const log of history) {
      const before = cardStateFromJson(log.cardBefore);
      for (const field of ["reps", "lapses", "state", "stability", "difficulty"] as const) {
        if (!same(before[field], state[field])) mismatches.push({ cardId: card.id, field: `before ${field}`, stored: before[field], replayed: state[field] });
      }
      state = scheduleCard(state, ratingName(log.rating), log.reviewedAt, schedulingFor(policyOf(card.userId)));
    }
    for (const field of COMPARED) {
      if (!same(card[field], state[field])) mismatches.push({ cardId: card.id, field, stored: card[field], replayed: state[field] });
    }
  }
  return { cards: cards.length, logs: logs.length, mismatches };
}
