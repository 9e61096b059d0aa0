import { State } from "ts-fsrs";
import type { Citation, ItemType } from "@/lib/content/bank";
import { hotSqlOf, type Db } from "@/lib/db/client";
import type { HotSql } from "@/lib/db/hot-sql";
import { newRowId } from "@/lib/db/row-id";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { notWithheldSql } from "@/lib/reports/withheld";
import { finalStretch } from "@/lib/readiness/exam-mode";
import { CARD_STATE_COLUMNS_SQL, cardStateOf, newCardState, toFsrsCard, type CardState } from "@/lib/srs/card-state";
import { previewDueDates, type RatingName, type Scheduling } from "@/lib/srs/schedule";
import { userDay } from "@/lib/calendar/user-day";
import { dueTodaySql, siblingRatedSinceSql, waitingNewSql } from "./due";
import { RECALL_TYPES } from "./items";
import { policyOfStored, schedulingFor, type SchedulingPolicy } from "./policy";
import { settingsOrDefaults } from "@/lib/defaults";

export type QueueCard = {
  id: string;
  itemId: string;
  type: ItemType;
  topic: string;
  front: string;
  back: string;
  explanation: string;
  sources: Citation[];
  state: number;
  due: Date;
  /**
   * When to show it: now for review and new cards, and for a learning or relearning card the time its
   * step falls due (it comes back in the same session then).
   */
  showAt: Date;
  /** The due date each rating would give. */
  intervals: Record<RatingName, Date>;
};

type QueueRow = CardState & { id: string; itemId: string; item: { type: string; topic: string; prompt: string; answer: string; explanation: string; sources: string; factIds: string } };

/**
 * The next flashcards to review: cards due now first, most overdue first, then new cards up to what is
 * left of today's new-card limit (new cards first rated today count against it), then learning cards
 * whose step falls later today, with the time to show them. New cards get their Card row here, so the
 * client has an id to rate. A fixed number of queries whatever the history.
 *
 * "Due" is lib/practice/due's: due before the end of the user's day in their time zone, as GET
 * /api/today counts it, siblings of a fact rated today buried. A review card scheduled for 18:00 is
 * served in the morning too (FSRS counts elapsed time in calendar days, so reviewing it a few hours
 * early changes nothing). A learning step is minutes, and the point of the step is the wait: such a
 * card is shown when its step is due, so an empty queue now may still have cards later today.
 */
export async function reviewQueue(db: Db, userId: string, limit: number, now: Date): Promise<QueueCard[]> {
  return (await reviewQueueWithStates(db, userId, limit, now)).cards.map(({ memory: _memory, ...card }) => card);
}

/**
 * The review queue with what it was computed from, for a device that schedules it offline
 * (lib/practice/device-queue): the user's scheduling policy and each card's FSRS state, read by the
 * queue's own queries (none more).
 */
export async function reviewQueueWithStates(db: Db, userId: string, limit: number, now: Date): Promise<{ policy: SchedulingPolicy; cards: (QueueCard & { memory: CardState })[] }> {
  // Through the hot SQL (lib/db/hot-sql), with the conditions of lib/practice/due shared with Prisma's paths.
  const hot = hotSqlOf(db);
  const [stored] = await hot.read(
    hot.q.selectFrom("UserSettings").select(["desiredRetention", "examDate", "timeZone", "newCardsPerDay", "fsrsParameters"]).where("userId", "=", userId),
  );
  const settings = settingsOrDefaults(stored ?? null);
  const policy = policyOfStored(stored ?? null);
  const scheduling = schedulingFor(policy);
  const { start, end } = userDay(now, policy.timeZone);

  const [due, introducedToday, waiting] = await Promise.all([
    queueRows(hot, dueTodaySql(userId, start, end), Prisma.sql`c."due"`, limit),
    newCardsRatedSince(hot, userId, start),
    queueRows(hot, waitingNewSql(userId, start), Prisma.sql`c."createdAt", c."itemId"`, limit),
  ]);

  const studied = await withFinalStretch(hot, userId, due, policy, scheduling, limit, now);
  const showAt = (card: QueueRow) => (isLearning(card) && card.due > now ? card.due : now);
  const reviews = studied.filter((card) => showAt(card) === now);
  const later = studied.filter((card) => showAt(card) !== now).sort((a, b) => a.due.getTime() - b.due.getTime());
  const newAllowed = Math.max(0, Math.min(limit - studied.length, settings.newCardsPerDay - introducedToday));
  // One card per fact among the new ones: the other would be buried the moment the first is rated.
  const newInTurn = (rows: QueueRow[], facts: Set<string>) =>
    topicsInTurn(rows.filter((card) => !facts.has(card.item.factIds) && Boolean(facts.add(card.item.factIds)))).slice(0, newAllowed);
  const facts = new Set<string>();
  let fresh = newInTurn(waiting, facts);
  if (fresh.length < newAllowed && (await introduceCards(hot, userId, newAllowed - fresh.length, facts, start, now)).length > 0) {
    // Read back as every later fetch reads them (by creation, then item id; topics in turn), so that the
    // next card is the same after a reload: the order they were introduced in is not the order they are
    // read back in, and a learner who reloads (or reports a card) would find another card in its place.
    fresh = newInTurn(await queueRows(hot, waitingNewSql(userId, start), Prisma.sql`c."createdAt", c."itemId"`, limit), new Set());
  }

  const cards = [...reviews, ...fresh, ...later].map((card) => ({
    id: card.id,
    itemId: card.itemId,
    type: card.item.type as ItemType,
    topic: card.item.topic,
    front: card.item.prompt,
    back: card.item.answer,
    explanation: card.item.explanation,
    sources: JSON.parse(card.item.sources) as Citation[],
    state: card.state,
    due: card.due,
    showAt: showAt(card),
    intervals: previewDueDates(card, now, scheduling),
    memory: cardStateOf(card),
  }));
  return { policy, cards };
}

/** New cards first rated since `dayStart` (they count against the day's new-card limit). */
async function newCardsRatedSince(hot: HotSql, userId: string, dayStart: Date): Promise<number> {
  const [row] = await hot.read(
    hot.q
      .selectFrom("ReviewLog as l")
      .innerJoin("Card as c", "c.id", "l.cardId")
      .innerJoin("BankItem as i", "i.id", "c.itemId")
      .select((eb) => eb.fn.countAll().as("count"))
      .where("l.userId", "=", userId)
      .where("l.stateBefore", "=", State.New)
      .where("l.reviewedAt", ">=", dayStart)
      .where("i.type", "in", RECALL_TYPES),
  );
  return Number(row?.count ?? 0);
}

/** Cards reordered to take one of each topic in turn (keeping their order within a topic). */
function topicsInTurn<T extends { item: { topic: string } }>(cards: T[]): T[] {
  const byTopic = new Map<string, T[]>();
  for (const card of cards) byTopic.set(card.item.topic, [...(byTopic.get(card.item.topic) ?? []), card]);
  const lists = [...byTopic.values()];
  const result: T[] = [];
  for (let round = 0; result.length < cards.length; round++) for (const list of lists) if (list[round]) result.push(list[round]!);
  return result;
}

function isLearning(card: { state: number }): boolean {
  return card.state === State.Learning || card.state === State.Relearning;
}

/**
 * Cards `c` matching `where` (which names the user), in `orderBy` order, with their items `i`: one
 * join, where Prisma would read the items in a second query. Only cards of live recall items.
 */
async function queueRows(hot: HotSql, where: Prisma.Sql, orderBy: Prisma.Sql, limit?: number): Promise<QueueRow[]> {
  const rows = await hot.read<Record<string, unknown>>(Prisma.sql`
    SELECT c."id", c."itemId", ${Prisma.raw(CARD_STATE_COLUMNS_SQL)},
           i."type", i."topic", i."prompt", i."answer", i."explanation", i."sources", i."factIds"
    FROM "Card" c
    JOIN "BankItem" i ON i."id" = c."itemId"
    WHERE ${where} AND i."type" IN (${Prisma.join(RECALL_TYPES)}) AND i."retiredAt" IS NULL AND ${notWithheldSql("i")}
    ORDER BY ${orderBy}
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`);
  return rows.map((row) => ({
    id: String(row.id),
    itemId: String(row.itemId),
    ...cardStateOf(row as Record<keyof CardState, unknown>),
    item: {
      type: String(row.type),
      topic: String(row.topic),
      prompt: String(row.prompt),
      answer: String(row.answer),
      explanation: String(row.explanation),
      sources: String(row.sources),
      factIds: String(row.factIds),
    },
  }));
}

/**
 * In the last days before the exam (exam mode's final stretch), every studied card whose recall on exam
 * day would fall short of the target comes first, weakest first, whether due or not; the usual due
 * cards follow. Outside the final stretch the queue is the due cards alone.
 */
async function withFinalStretch(hot: HotSql, userId: string, due: QueueRow[], policy: SchedulingPolicy, scheduling: Scheduling, limit: number, now: Date): Promise<QueueRow[]> {
  const stretch = finalStretch({ examDate: policy.examDate, timeZone: policy.timeZone, targetRetention: policy.desiredRetention, now, scheduler: scheduling.scheduler });
  if (!stretch) return due;
  const studied = await queueRows(hot, Prisma.sql`c."userId" = ${userId} AND c."state" <> ${State.New}`, Prisma.sql`c."due"`);
  const weakest = stretch.weakestFirst(studied.map((row) => Object.assign(toFsrsCard(row), { row }))).map(({ row }) => row);
  const seen = new Set<string>();
  return [...weakest, ...due].filter((row) => !seen.has(row.id) && seen.add(row.id)).slice(0, limit);
}

/**
 * Creates Card rows for `count` items the user has never seen, mixed across topics: the first unseen
 * items of each topic in bank order (topic, then id), taken a topic at a time in turn, so that a day's
 * new cards are not twenty from one topic. Skips facts already in `facts` (new cards waiting) or rated
 * today (their siblings are buried), and takes one item per fact. Two queries to choose, one per topic
 * inside the second, each walking the bank-order index.
 */
async function introduceCards(hot: HotSql, userId: string, count: number, facts: Set<string>, dayStart: Date, now: Date) {
  // In SQL: Prisma's `distinct` would read every item and dedupe in memory.
  const topics = await hot.read<{ topic: string }>(Prisma.sql`
    SELECT DISTINCT "topic" FROM "BankItem" WHERE "retiredAt" IS NULL AND "type" IN (${Prisma.join(RECALL_TYPES)}) ORDER BY "topic"`);
  if (topics.length === 0) return [];
  const perTopic = topics.map(
    ({ topic }, index) => Prisma.sql`SELECT * FROM (
      SELECT u."id", u."topic", u."factIds" FROM "BankItem" u
      WHERE u."retiredAt" IS NULL AND ${notWithheldSql("u")} AND u."topic" = ${topic} AND u."type" IN (${Prisma.join(RECALL_TYPES)})
        AND NOT EXISTS (SELECT 1 FROM "Card" own WHERE own."userId" = ${userId} AND own."itemId" = u."id")
        AND NOT ${siblingRatedSinceSql(userId, dayStart, "u", null)}
      ORDER BY u."id" LIMIT ${count}) ${Prisma.raw(`"topic${index}"`)}`,
  );
  const candidates = await hot.read<{ id: string; topic: string; factIds: string }>(Prisma.sql`${Prisma.join(perTopic, " UNION ALL ")}`);
  const byTopic = topics.map(({ topic }) => candidates.filter((candidate) => candidate.topic === topic).sort((a, b) => (a.id < b.id ? -1 : 1)));
  const chosen: string[] = [];
  for (let round = 0; chosen.length < count && byTopic.some((list) => list.length > round); round++) {
    for (const list of byTopic) {
      const candidate = list[round];
      if (!candidate || chosen.length >= count || facts.has(candidate.factIds)) continue;
      facts.add(candidate.factIds);
      chosen.push(candidate.id);
    }
  }
  if (chosen.length === 0) return [];
  const state = newCardState(now);
  // Created at the wall clock's time, as Prisma's @default(now()) would: the waiting cards are served in creation order.
  const createdAt = new Date();
  try {
    await hot.transaction([{ query: hot.q.insertInto("Card").values(chosen.map((itemId) => ({ id: newRowId(), userId, itemId, ...state, version: 0, createdAt }))) }]);
  } catch (error) {
    // Another request introduced the same cards a moment ago: theirs will do.
    if (!isUniqueViolation(error)) throw error;
  }
  const rows = await queueRows(hot, Prisma.sql`c."userId" = ${userId} AND c."state" = ${State.New} AND c."itemId" IN (${Prisma.join(chosen)})`, Prisma.sql`c."itemId"`);
  // In the order chosen: topics in turn.
  return chosen.map((itemId) => rows.find((row) => row.itemId === itemId)).filter((row): row is QueueRow => row !== undefined);
}
