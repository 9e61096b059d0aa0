import { State } from "ts-fsrs";
import type { Citation, ItemType } from "@/lib/content/bank";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { NOT_WITHHELD, notWithheldSql } from "@/lib/reports/withheld";
import { daysUntilExam, FINAL_STRETCH_DAYS, finalStretchQueue } from "@/lib/readiness/exam-mode";
import { CARD_STATE_COLUMNS_SQL, cardStateOfRow, newCardState, previewDueDates, schedulerFor, toFsrsCard, type CardState, type RatingName, type SchedulingPolicy } from "@/lib/srs/schedule";
import { userDay } from "./day";
import { RECALL_TYPES } from "./items";
import { DEFAULT_POLICY, policyOf } from "./policy";

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
  /** The due date each rating would give. */
  intervals: Record<RatingName, Date>;
};

type QueueRow = CardState & { id: string; itemId: string; item: { type: string; topic: string; prompt: string; answer: string; explanation: string; sources: string } };

/**
 * The next flashcards to review: due cards first, most overdue first, then new cards up to what is
 * left of today's new-card limit (new cards first rated today count against it). New cards get their
 * Card row here, so the client has an id to rate. A fixed number of queries whatever the history.
 *
 * "Due" means due before the end of the user's day in their time zone, as GET /api/today counts it: a
 * card scheduled for 18:00 today is served in the morning too (FSRS counts elapsed time in calendar
 * days, so reviewing it a few hours early changes nothing), instead of keeping the user waiting for the
 * hour of yesterday's review. Learning steps (minutes) are due within minutes anyway.
 */
export async function reviewQueue(db: Db, userId: string, limit: number, now: Date): Promise<QueueCard[]> {
  const settings = await db.userSettings.findUnique({ where: { userId } });
  const policy = settings ? policyOf(settings) : DEFAULT_POLICY;
  const { start, end } = userDay(now, policy.timeZone);

  const [due, introducedToday, waiting] = await Promise.all([
    queueRows(db, userId, Prisma.sql`c."state" <> ${State.New} AND c."due" < ${end}`, Prisma.sql`c."due"`, limit),
    db.reviewLog.count({ where: { userId, stateBefore: State.New, reviewedAt: { gte: start }, card: { item: { type: { in: RECALL_TYPES } } } } }),
    queueRows(db, userId, Prisma.sql`c."state" = ${State.New}`, Prisma.sql`c."createdAt", c."itemId"`, limit),
  ]);

  const reviews = await withFinalStretch(db, userId, due, policy, limit, now);
  const newAllowed = Math.max(0, Math.min(limit - reviews.length, (settings?.newCardsPerDay ?? 20) - introducedToday));
  let fresh = waiting.slice(0, newAllowed);
  if (fresh.length < newAllowed) fresh = [...fresh, ...(await introduceCards(db, userId, newAllowed - fresh.length, now))];

  return [...reviews, ...fresh].map((card) => ({
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
    intervals: previewDueDates(card, now, policy),
  }));
}

/**
 * The user's cards of live recall items matching `where`, in `orderBy` order, with their items: one
 * join, where Prisma would read the items in a second query.
 */
async function queueRows(db: Db, userId: string, where: Prisma.Sql, orderBy: Prisma.Sql, limit?: number): Promise<QueueRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT c."id", c."itemId", ${Prisma.raw(CARD_STATE_COLUMNS_SQL)},
           i."type", i."topic", i."prompt", i."answer", i."explanation", i."sources"
    FROM "Card" c
    JOIN "BankItem" i ON i."id" = c."itemId"
    WHERE c."userId" = ${userId} AND ${where} AND i."type" IN (${Prisma.join(RECALL_TYPES)}) AND i."retiredAt" IS NULL AND ${notWithheldSql("i")}
    ORDER BY ${orderBy}
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`);
  return rows.map((row) => ({
    id: String(row.id),
    itemId: String(row.itemId),
    ...cardStateOfRow(row as Record<keyof CardState, unknown>),
    item: {
      type: String(row.type),
      topic: String(row.topic),
      prompt: String(row.prompt),
      answer: String(row.answer),
      explanation: String(row.explanation),
      sources: String(row.sources),
    },
  }));
}

/**
 * In the last days before the exam (exam mode's final stretch), every studied card whose recall on exam
 * day would fall short of the target comes first, weakest first, whether due or not; the usual due
 * cards follow. Outside the final stretch the queue is the due cards alone.
 */
async function withFinalStretch(db: Db, userId: string, due: QueueRow[], policy: SchedulingPolicy, limit: number, now: Date): Promise<QueueRow[]> {
  const limitForExam = { examDate: policy.examDate, timeZone: policy.timeZone, targetRetention: policy.desiredRetention, now, scheduler: schedulerFor(policy.desiredRetention) };
  if (!policy.examDate) return due;
  const daysLeft = daysUntilExam(policy.examDate, policy.timeZone, now);
  if (daysLeft < 1 || daysLeft > FINAL_STRETCH_DAYS) return due;
  const studied = await queueRows(db, userId, Prisma.sql`c."state" <> ${State.New}`, Prisma.sql`c."due"`);
  const weakest = finalStretchQueue(
    studied.map((row) => Object.assign(toFsrsCard(row), { row })),
    limitForExam,
  )!.map(({ row }) => row);
  const seen = new Set<string>();
  return [...weakest, ...due].filter((row) => !seen.has(row.id) && seen.add(row.id)).slice(0, limit);
}

/** Creates Card rows for items the user has never seen, in the bank's order (topic, then id). */
async function introduceCards(db: Db, userId: string, count: number, now: Date) {
  const unseen = await db.bankItem.findMany({
    where: { type: { in: RECALL_TYPES }, retiredAt: null, ...NOT_WITHHELD, cards: { none: { userId } } },
    orderBy: [{ topic: "asc" }, { id: "asc" }],
    take: count,
    select: { id: true },
  });
  if (unseen.length === 0) return [];
  const state = newCardState(now);
  try {
    await db.card.createMany({ data: unseen.map((item) => ({ userId, itemId: item.id, ...state })) });
  } catch (error) {
    // Another request introduced the same cards a moment ago: theirs will do.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return queueRows(db, userId, Prisma.sql`c."state" = ${State.New} AND c."itemId" IN (${Prisma.join(unseen.map((item) => item.id))})`, Prisma.sql`c."createdAt", c."itemId"`);
}
