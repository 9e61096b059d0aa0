import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { RECALL_TYPES } from "./items";

/**
 * What "due today" means for flashcards: the one definition the review queue serves, Today counts and
 * Progress's forecast puts in today's column.
 *
 * A flashcard (a flashcard or cloze item, not retired) that has been studied is due today when it is due
 * before the end of the user's day, unless it is buried. Learning and relearning cards count once their
 * step falls within the day, even if that is in ten minutes: the session brings them back then.
 *
 * Burying, as in Anki: once one card of a fact has been rated today, the fact's other new and review
 * cards wait until tomorrow, so that the cloze of a fact does not follow its flashcard and give it away.
 * Learning and relearning cards are never buried (they are mid-step). Recall items are about one fact
 * each, so siblings are the recall items with the same `factIds`.
 */

const recallTypes = Prisma.join(RECALL_TYPES);

/**
 * True for an item (aliased `item`) when another card of its fact was rated since `dayStart`. `cardId`
 * is the item's own card, whose own ratings do not bury it; null for an item with no card yet.
 */
export function siblingRatedSinceSql(userId: string, dayStart: Date, item: string, cardId: Prisma.Sql | null): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "ReviewLog" sl
    JOIN "Card" sc ON sc."id" = sl."cardId"
    JOIN "BankItem" si ON si."id" = sc."itemId"
    WHERE sl."userId" = ${userId} AND sl."reviewedAt" >= ${dayStart}
      AND si."factIds" = ${Prisma.raw(`${item}."factIds"`)} AND si."type" IN (${recallTypes})
      ${cardId ? Prisma.sql`AND sc."id" <> ${cardId}` : Prisma.empty})`;
}

/** A studied card is buried today: a new or review card whose sibling was rated today. */
function buriedSql(userId: string, dayStart: Date): Prisma.Sql {
  return Prisma.sql`(c."state" IN (${State.New}, ${State.Review}) AND ${siblingRatedSinceSql(userId, dayStart, "i", Prisma.sql`c."id"`)})`;
}

/** Card `c` of live recall item `i`: studied, due before `dayEnd`, not buried. The queue's and the counts' condition. */
export function dueTodaySql(userId: string, dayStart: Date, dayEnd: Date): Prisma.Sql {
  return Prisma.sql`c."userId" = ${userId} AND c."state" <> ${State.New} AND c."due" < ${dayEnd}
    AND i."type" IN (${recallTypes}) AND i."retiredAt" IS NULL AND NOT ${buriedSql(userId, dayStart)}`;
}

/** Card `c` of live recall item `i`: introduced but never rated, and not buried. */
export function waitingNewSql(userId: string, dayStart: Date): Prisma.Sql {
  return Prisma.sql`c."userId" = ${userId} AND c."state" = ${State.New}
    AND i."type" IN (${recallTypes}) AND i."retiredAt" IS NULL AND NOT ${buriedSql(userId, dayStart)}`;
}

/** How many flashcards are due today for the user (see dueTodaySql): what Today and Progress show. */
export async function countFlashcardsDue(db: Db, userId: string, dayStart: Date, dayEnd: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ due: bigint | number }[]>(Prisma.sql`
    SELECT COUNT(*) AS "due" FROM "Card" c JOIN "BankItem" i ON i."id" = c."itemId"
    WHERE ${dueTodaySql(userId, dayStart, dayEnd)}`);
  return Number(row?.due ?? 0);
}
