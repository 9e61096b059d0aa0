/**
 * CPU time per call of the review path's core functions in one process, without HTTP: `submitReview`
 * and `deviceQueue` (what GET /api/reviews/queue calls) called in a loop on a seeded database, CPU read with process.cpuUsage. What the
 * database layer costs, apart from Next.js and the session. Runnable against another checkout too (copy
 * this file there) to compare builds of the core in one sitting.
 */
import { randomUUID } from "node:crypto";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { deviceQueue } from "@/lib/practice/device-queue";
import { submitReview } from "@/lib/practice/reviews";
import { seedLargeDatabase } from "./seed-large";

export type CoreCpu = { provider: "sqlite" | "postgres"; submitReviewMs: number; deviceQueueMs: number };

export async function benchCoreCpu({ provider, postgresUrl, quick }: { provider: "sqlite" | "postgres"; postgresUrl?: string; quick: boolean }): Promise<CoreCpu> {
  const database = await createScratchDatabase(provider, postgresUrl, "core");
  try {
    const target = resolveDatabaseTarget(database.url);
    await migrateDatabase(database.url, target);
    const db = createDb(target);
    try {
      const { users } = await seedLargeDatabase(db, provider, { users: 5, cardsPerUser: 200, logsPerCard: 2, heavyUserCards: 0 });
      const cards = (await db.card.findMany({ where: { userId: users[0]!.id }, select: { id: true } })).map((card) => card.id);
      const submits = async (count: number) => {
        for (let index = 0; index < count; index++) {
          await submitReview(db, users[0]!.id, { reviewId: randomUUID(), cardId: cards[index % cards.length]!, rating: index % 4 ? "good" : "again", durationMs: 1 }, new Date());
        }
      };
      const queues = async (count: number) => {
        for (let index = 0; index < count; index++) await deviceQueue(db, users[1 + (index % 4)]!.id, 20, new Date());
      };
      const cpuMsPerCall = async (run: (count: number) => Promise<void>, count: number) => {
        await run(Math.ceil(count / 5)); // warm-up
        const start = process.cpuUsage();
        await run(count);
        const used = process.cpuUsage(start);
        return (used.user + used.system) / 1000 / count;
      };
      return { provider, submitReviewMs: await cpuMsPerCall(submits, quick ? 1000 : 3000), deviceQueueMs: await cpuMsPerCall(queues, quick ? 300 : 1000) };
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.drop();
  }
}

export function formatCoreCpu(rows: readonly CoreCpu[]): string {
  return rows.map((row) => `${row.provider.padEnd(9)} submitReview ${row.submitReviewMs.toFixed(3)} ms CPU per call   deviceQueue (the queue route) ${row.deviceQueueMs.toFixed(3)} ms`).join("\n");
}
