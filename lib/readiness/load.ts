import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { CARD_STATE_COLUMNS_SQL, cardStateOf, toFsrsCard, type CardState } from "@/lib/srs/card-state";
import { EXAM_ITEM_TYPES } from "@/lib/content/item-types";
import { NOT_WITHHELD } from "@/lib/reports/withheld";
import type { PaperItem } from "./predicted-score";
import type { TopicCard, TopicSize } from "./readiness";

/**
 * The user's studied cards of active bank items, with their topics and facts: what readiness and the
 * predicted score loop over. Bounded by the size of the bank, not by the number of reviews, and only
 * the columns FSRS reads. One joined query: Prisma would fetch the items separately, in as many
 * queries as the bank has chunks of 999.
 */
export async function studiedCardsWithTopics(db: Db, userId: string): Promise<(TopicCard & { factIds: string[] })[]> {
  const rows = await db.$queryRaw<(Record<keyof CardState, unknown> & { topic: string; factIds: string })[]>(Prisma.sql`
    SELECT b."topic" AS "topic", b."factIds" AS "factIds", ${Prisma.raw(CARD_STATE_COLUMNS_SQL)}
    FROM "Card" c
    JOIN "BankItem" b ON b."id" = c."itemId"
    WHERE c."userId" = ${userId} AND c."state" <> ${State.New} AND b."retiredAt" IS NULL`);
  return rows.map((row) => ({ topic: String(row.topic), factIds: JSON.parse(String(row.factIds)) as string[], card: toFsrsCard(cardStateOf(row)) }));
}

/** The questions a paper on exam day may ask: the live bank's questions in Prelims formats, not withheld. */
export async function paperItems(db: Db): Promise<PaperItem[]> {
  const items = await db.bankItem.findMany({
    where: { type: { in: [...EXAM_ITEM_TYPES] }, retiredAt: null, ...NOT_WITHHELD },
    orderBy: { id: "asc" },
    select: { id: true, type: true, factIds: true, subjects: true, options: true },
  });
  return items.map((item) => ({ id: item.id, type: item.type, factIds: JSON.parse(item.factIds) as string[], subjects: JSON.parse(item.subjects) as string[], options: (JSON.parse(item.options) as unknown[]).length }));
}

/** Active bank items per topic. */
export async function activeItemsPerTopic(db: Db): Promise<TopicSize[]> {
  const groups = await db.bankItem.groupBy({ by: ["topic"], where: { retiredAt: null }, _count: { _all: true } });
  return groups.map((group) => ({ topic: group.topic, items: group._count._all }));
}
