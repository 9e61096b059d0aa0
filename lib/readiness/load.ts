import { State, type Card as FsrsCard } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import type { TopicCard, TopicSize } from "./readiness";

/**
 * The user's studied cards of active bank items, with their topics: what readiness loops over. Bounded
 * by the size of the bank, not by the number of reviews, and only the columns FSRS reads.
 */
export async function studiedCardsWithTopics(db: Db, userId: string): Promise<TopicCard[]> {
  const rows = await db.card.findMany({
    where: { userId, state: { not: State.New }, item: { retiredAt: null } },
    select: {
      due: true,
      stability: true,
      difficulty: true,
      elapsedDays: true,
      scheduledDays: true,
      learningSteps: true,
      reps: true,
      lapses: true,
      state: true,
      lastReview: true,
      item: { select: { topic: true } },
    },
  });
  return rows.map((row) => ({
    topic: row.item.topic,
    card: {
      due: row.due,
      stability: row.stability,
      difficulty: row.difficulty,
      elapsed_days: row.elapsedDays,
      scheduled_days: row.scheduledDays,
      learning_steps: row.learningSteps,
      reps: row.reps,
      lapses: row.lapses,
      state: row.state as State,
      last_review: row.lastReview ?? undefined,
    } satisfies FsrsCard,
  }));
}

/** Active bank items per topic. */
export async function activeItemsPerTopic(db: Db): Promise<TopicSize[]> {
  const groups = await db.bankItem.groupBy({ by: ["topic"], where: { retiredAt: null }, _count: { _all: true } });
  return groups.map((group) => ({ topic: group.topic, items: group._count._all }));
}
