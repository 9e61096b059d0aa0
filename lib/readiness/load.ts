import { State, type Card as FsrsCard } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { toNumber } from "@/lib/progress/sql";
import type { TopicCard, TopicSize } from "./readiness";

type CardRow = {
  topic: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: bigint | number;
  scheduledDays: bigint | number;
  learningSteps: bigint | number;
  reps: bigint | number;
  lapses: bigint | number;
  state: bigint | number;
  lastReview: Date | null;
};

/**
 * The user's studied cards of active bank items, with their topics: what readiness loops over. Bounded
 * by the size of the bank, not by the number of reviews, and only the columns FSRS reads. One joined
 * query: Prisma would fetch the topics separately, in as many queries as the bank has chunks of 999.
 */
export async function studiedCardsWithTopics(db: Db, userId: string): Promise<TopicCard[]> {
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT b."topic" AS "topic", c."due", c."stability", c."difficulty", c."elapsedDays", c."scheduledDays",
      c."learningSteps", c."reps", c."lapses", c."state", c."lastReview"
    FROM "Card" c
    JOIN "BankItem" b ON b."id" = c."itemId"
    WHERE c."userId" = ${userId} AND c."state" <> ${State.New} AND b."retiredAt" IS NULL`;
  return rows.map((row) => ({
    topic: row.topic,
    card: {
      due: row.due,
      stability: row.stability,
      difficulty: row.difficulty,
      elapsed_days: toNumber(row.elapsedDays),
      scheduled_days: toNumber(row.scheduledDays),
      learning_steps: toNumber(row.learningSteps),
      reps: toNumber(row.reps),
      lapses: toNumber(row.lapses),
      state: toNumber(row.state) as State,
      last_review: row.lastReview ?? undefined,
    } satisfies FsrsCard,
  }));
}

/** Active bank items per topic. */
export async function activeItemsPerTopic(db: Db): Promise<TopicSize[]> {
  const groups = await db.bankItem.groupBy({ by: ["topic"], where: { retiredAt: null }, _count: { _all: true } });
  return groups.map((group) => ({ topic: group.topic, items: group._count._all }));
}
