import { randomUUID } from "node:crypto";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { load, type LoadResult } from "./load";
import { seedLargeDatabase, type LargeDataShape } from "./seed-large";
import { signIn, startNext } from "./server";

export type HttpBenchOptions = { provider: "sqlite" | "postgres"; quick: boolean; postgresUrl?: string };

const FULL: LargeDataShape = { users: 100, cardsPerUser: 1_000, logsPerCard: 10, heavyUserCards: 100_000 };
const QUICK: LargeDataShape = { users: 100, cardsPerUser: 100, logsPerCard: 10, heavyUserCards: 20_000 };

/**
 * `POST /api/reviews` and `GET /api/reviews/queue` through `next start` at 1, 20 and 100 concurrent
 * signed-in users, on a database seeded with card states and review logs, plus the queue of one user
 * who holds all the bench's items as cards.
 */
export async function benchHttp({ provider, quick, postgresUrl }: HttpBenchOptions): Promise<LoadResult[]> {
  const shape = quick ? QUICK : FULL;
  const seconds = quick ? 3 : 10;
  const database = await createScratchDatabase(provider, postgresUrl, "bench");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  const seeded = await seedLargeDatabase(db, provider, shape);
  // Each user's cards, to rate in turn: the review benchmark never rates a card it has not read.
  const cardsByUser = new Map<string, string[]>();
  for (const card of await db.card.findMany({ where: { userId: { in: seeded.users.map((user) => user.id) } }, select: { id: true, userId: true } })) {
    cardsByUser.set(card.userId, [...(cardsByUser.get(card.userId) ?? []), card.id]);
  }
  await db.$disconnect();

  const port = provider === "sqlite" ? 3301 : 3302;
  const server = await startNext(database.url, port);
  const results: LoadResult[] = [];
  try {
    const cookies: string[] = [];
    for (const user of seeded.users) cookies.push(await signIn(server.baseUrl, user.email, seeded.password));
    const heavyCookie = await signIn(server.baseUrl, seeded.heavy.email, seeded.password);
    const label = (what: string) => `${what} [${provider}]`;

    for (const connections of [1, 20, 100]) {
      results.push(
        await load({
          label: label("GET /api/reviews/queue?limit=20"),
          url: `${server.baseUrl}/api/reviews/queue?limit=20`,
          method: "GET",
          connections,
          seconds,
          next: (connection) => ({ headers: { cookie: cookies[connection % cookies.length]! } }),
        }),
      );
      results.push(
        await load({
          label: label("POST /api/reviews"),
          url: `${server.baseUrl}/api/reviews`,
          method: "POST",
          connections,
          seconds,
          next: (connection, sequence) => {
            const user = seeded.users[connection % seeded.users.length]!;
            const cards = cardsByUser.get(user.id)!;
            const cardId = cards[sequence % cards.length]!;
            return {
              headers: { cookie: cookies[connection % cookies.length]! },
              body: JSON.stringify({ reviewId: randomUUID(), cardId, rating: sequence % 4 === 0 ? "again" : "good", durationMs: 4000 }),
            };
          },
        }),
      );
    }
    results.push(
      await load({
        label: label(`GET queue, one user with ${shape.heavyUserCards} cards`),
        url: `${server.baseUrl}/api/reviews/queue?limit=20`,
        method: "GET",
        connections: 20,
        seconds,
        next: () => ({ headers: { cookie: heavyCookie } }),
      }),
    );
  } finally {
    await server.stop();
    await database.drop();
  }
  return results;
}
