/**
 * Database queries per request for the queue, a review submit, a quiz answer and progress, counted from
 * Prisma's query events and the hot SQL's statements (lib/db/hot-sql reports each to the same counter,
 * COMMIT counted and BEGIN not, as Prisma's events count) while calling what each route calls: the session check every signed-in request
 * makes (sessionIsLive, one primary-key read) and the route's core function, on a small database and on
 * one with 100,000 card states and 1,000,000 review logs. The two columns should be the same: a query
 * count that grows with the data is a loop over rows that the database should be doing.
 */
import { randomUUID } from "node:crypto";
import { loadBank } from "@/lib/content/bank";
import { seedBank } from "@/lib/content/seed-bank";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { sessionIsLive, startSession } from "@/lib/auth/sessions";
import { dailyQuiz, answerQuestion, startQuizClock } from "@/lib/practice/quiz";
import { deviceQueue } from "@/lib/practice/device-queue";
import { submitReview } from "@/lib/practice/reviews";
import { getProgress } from "@/lib/progress/progress";
import { seedLargeDatabase, type LargeDataShape } from "./seed-large";

export type QueryCountRow = { endpoint: string; small: number; large: number };

export type QueryCounts = { provider: "sqlite" | "postgres"; smallData: DataSize; largeData: DataSize; rows: QueryCountRow[] };

type DataSize = { cards: number; reviewLogs: number; userCards: number; userReviewLogs: number };

const SMALL: LargeDataShape = { users: 2, cardsPerUser: 50, logsPerCard: 2, heavyUserCards: 0 };
const LARGE: LargeDataShape = { users: 10, cardsPerUser: 10_000, logsPerCard: 10, heavyUserCards: 0 };
const QUICK_LARGE: LargeDataShape = { users: 10, cardsPerUser: 2_000, logsPerCard: 10, heavyUserCards: 0 };

const ENDPOINTS = ["GET /api/reviews/queue", "POST /api/reviews", "POST /api/quiz/[id]/answers", "GET /api/progress"] as const;

export async function benchQueries({ quick = false, provider = "sqlite" as "sqlite" | "postgres", postgresUrl }: { quick?: boolean; provider?: "sqlite" | "postgres"; postgresUrl?: string } = {}): Promise<QueryCounts> {
  const small = await countQueries(provider, postgresUrl, SMALL);
  const large = await countQueries(provider, postgresUrl, quick ? QUICK_LARGE : LARGE);
  return {
    provider,
    smallData: small.size,
    largeData: large.size,
    rows: ENDPOINTS.map((endpoint) => ({ endpoint, small: small.counts[endpoint], large: large.counts[endpoint] })),
  };
}

async function countQueries(provider: "sqlite" | "postgres", postgresUrl: string | undefined, shape: LargeDataShape) {
  const database = await createScratchDatabase(provider, postgresUrl, "queries");
  try {
    const target = resolveDatabaseTarget(database.url);
    await migrateDatabase(database.url, target);
    let queries = 0;
    const db = createDb(target, { onQuery: () => queries++ });
    try {
      const now = new Date();
      await seedBank(db, loadBank(), now);
      const { users } = await seedLargeDatabase(db, provider, shape);
      const userId = users[0]!.id;
      const size: DataSize = {
        cards: await db.card.count(),
        reviewLogs: await db.reviewLog.count(),
        userCards: await db.card.count({ where: { userId } }),
        userReviewLogs: await db.reviewLog.count({ where: { userId } }),
      };
      const card = await db.card.findFirstOrThrow({ where: { userId }, select: { id: true } });
      const quiz = await dailyQuiz(db, userId, now);
      // Answers count only once the learner has pressed Start.
      await startQuizClock(db, userId, quiz.id, now);
      const question = quiz.questions[0]!;

      const sid = await startSession(db, userId, now);
      const counted = async (call: () => Promise<unknown>) => {
        queries = 0;
        if (!(await sessionIsLive(db, { sub: userId, sid }, now))) throw new Error("the bench's session is not live");
        await call();
        return queries;
      };
      const counts: Record<(typeof ENDPOINTS)[number], number> = {
        "GET /api/reviews/queue": await counted(() => deviceQueue(db, userId, 20, now)),
        "POST /api/reviews": await counted(() => submitReview(db, userId, { reviewId: randomUUID(), cardId: card.id, rating: "good", durationMs: 4000 }, now)),
        "POST /api/quiz/[id]/answers": await counted(() =>
          answerQuestion(db, userId, quiz.id, { questionId: question.id, optionId: question.options[0]!.id, answerId: randomUUID() }, now),
        ),
        "GET /api/progress": await counted(() => getProgress(db, userId, now)),
      };
      return { size, counts };
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.drop();
  }
}

export function formatQueryCounts({ provider, smallData, largeData, rows }: QueryCounts): string {
  const describe = (size: DataSize) => `${size.cards} cards, ${size.reviewLogs} logs (the user: ${size.userCards} cards, ${size.userReviewLogs} logs)`;
  return [
    `Queries per request (${provider}); small: ${describe(smallData)}; large: ${describe(largeData)}`,
    `${"endpoint".padEnd(30)} ${"small".padStart(6)} ${"large".padStart(6)}`,
    ...rows.map((row) => `${row.endpoint.padEnd(30)} ${String(row.small).padStart(6)} ${String(row.large).padStart(6)}`),
  ].join("\n");
}
