import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { CARD_STATE_COLUMNS_SQL, cardStateOf, toFsrsCard, type CardState } from "@/lib/srs/card-state";
import type { TopicCard, TopicSize } from "./readiness";

/**
 * The user's studied cards of active bank items, with their topics: what readiness loops over. Bounded
 * by the size of the bank, not by the number of reviews, and only the columns FSRS reads. One joined
 * query: Prisma would fetch the topics separately, in as many queries as the bank has chunks of 999.
 */
export async function studiedCardsWithTopics(db: Db, userId: string): Promise<TopicCard[]> {
  const rows = await db.$queryRaw<(Record<keyof CardState, unknown> & { topic: string })[]>(Prisma.sql`
    SELECT b."topic" AS "topic", ${Prisma.raw(CARD_STATE_COLUMNS_SQL)}
    FROM "Card" c
    JOIN "BankItem" b ON b."id" = c."itemId"
    WHERE c."userId" = ${userId} AND c."state" <> ${State.New} AND b."retiredAt" IS NULL`);
  return rows.map((row) => ({ topic: String(row.topic), card: toFsrsCard(cardStateOf(row)) }));
}

/** Active bank items per topic. */
export async function activeItemsPerTopic(db: Db): Promise<TopicSize[]> {
  const groups = await db.bankItem.groupBy({ by: ["topic"], where: { retiredAt: null }, _count: { _all: true } });
  return groups.map((group) => ({ topic: group.topic, items: group._count._all }));
}
