import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { load, reviewRequests, type LoadResult } from "./load";
import { seedLargeDatabase, type LargeDataShape } from "./seed-large";
import { benchPort, FLOOR_USER_HEADER, signIn, startFloor, startNext } from "./server";

export type HttpBenchOptions = { provider: "sqlite" | "postgres"; quick: boolean; postgresUrl?: string };

/** The app's review submit against the floor's at one concurrency: throughput and p95 ratios. */
export type FloorRatio = { provider: "sqlite" | "postgres"; connections: number; throughputRatio: number; p95Ratio: number };

export type HttpBench = { rows: LoadResult[]; floorRatios: FloorRatio[] };

const CONCURRENCY = [1, 20, 100] as const;

const FULL: LargeDataShape = { users: 100, cardsPerUser: 1_000, logsPerCard: 10, heavyUserCards: 100_000 };
const QUICK: LargeDataShape = { users: 100, cardsPerUser: 100, logsPerCard: 10, heavyUserCards: 100_000 };

/**
 * `POST /api/reviews` and `GET /api/reviews/queue` through `next start` at 1, 20 and 100 concurrent
 * signed-in users, on a database seeded with card states and review logs, plus the queue of one user
 * who holds all the bench's items as cards. Then the same review load on the floor server (the same
 * transaction without Next.js and sessions) on the same database, and the app/floor ratios.
 */
export async function benchHttp({ provider, quick, postgresUrl }: HttpBenchOptions): Promise<HttpBench> {
  const shape = quick ? QUICK : FULL;
  const seconds = quick ? 3 : 10;
  const warmUpSeconds = quick ? 1 : 2;
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

  const port = benchPort(provider === "sqlite" ? 1 : 2);
  const results: LoadResult[] = [];
  const floorRatios: FloorRatio[] = [];
  try {
    await loadApp();
    await loadFloor();
  } finally {
    await database.drop();
  }
  return { rows: results, floorRatios };

  async function loadApp() {
    const server = await startNext(database.url, port);
    try {
      const cookies: string[] = [];
      for (const user of seeded.users) cookies.push(await signIn(server.baseUrl, user.email, seeded.password));
      const heavyCookie = await signIn(server.baseUrl, seeded.heavy.email, seeded.password);
      const label = (what: string) => `${what} [${provider}]`;
      // Unrecorded: the first requests after a start compile and load code, which is not the steady state.
      await warmUp(`${server.baseUrl}/api/reviews/queue?limit=20`, `${server.baseUrl}/api/reviews`, (user) => ({ cookie: cookies[user]! }));

      for (const connections of CONCURRENCY) {
        results.push(
          await load({
            label: label("GET /api/reviews/queue?limit=20"),
            url: `${server.baseUrl}/api/reviews/queue?limit=20`,
            method: "GET",
            connections,
            seconds,
            next: (slot) => ({ headers: { cookie: cookies[slot % cookies.length]! } }),
          }),
        );
        results.push(await reviewLoad(label("POST /api/reviews"), `${server.baseUrl}/api/reviews`, connections, (user) => ({ cookie: cookies[user]! })));
      }
      for (const connections of [1, 20]) {
        results.push(
          await load({
            label: label(`GET queue, one user with ${shape.heavyUserCards} cards`),
            url: `${server.baseUrl}/api/reviews/queue?limit=20`,
            method: "GET",
            connections,
            seconds,
            next: () => ({ headers: { cookie: heavyCookie } }),
          }),
        );
      }
    } finally {
      await server.stop();
    }
  }

  async function loadFloor() {
    const floor = await startFloor(database.url, port + 2);
    try {
      await warmUp(null, `${floor.baseUrl}/review`, (user) => ({ [FLOOR_USER_HEADER]: seeded.users[user]!.id }));
      for (const connections of CONCURRENCY) {
        const row = await reviewLoad(`floor: review transaction [${provider}]`, `${floor.baseUrl}/review`, connections, (user) => ({
          [FLOOR_USER_HEADER]: seeded.users[user]!.id,
        }));
        results.push(row);
        const app = results.find((result) => result.label.startsWith("POST /api/reviews") && result.connections === connections)!;
        floorRatios.push({ provider, connections, throughputRatio: app.throughputPerSec / row.throughputPerSec, p95Ratio: app.p95Ms / row.p95Ms });
      }
    } finally {
      await floor.stop();
    }
  }

  async function warmUp(queueUrl: string | null, reviewUrl: string, headersFor: (user: number) => Record<string, string>) {
    if (queueUrl) {
      await load({ label: "warm-up", url: queueUrl, method: "GET", connections: 20, seconds: warmUpSeconds, next: (slot) => ({ headers: headersFor(slot % seeded.users.length) }) });
    }
    await reviewLoad("warm-up", reviewUrl, 20, headersFor, warmUpSeconds);
  }

  /** Ratings of each connection's user's cards in turn (bench/load.ts's reviewRequests). */
  function reviewLoad(label: string, url: string, connections: number, headersFor: (user: number) => Record<string, string>, duration = seconds) {
    const userOf = (slot: number) => slot % seeded.users.length;
    return load({
      label,
      url,
      method: "POST",
      connections,
      seconds: duration,
      next: reviewRequests((slot) => cardsByUser.get(seeded.users[userOf(slot)]!.id)!, (slot) => headersFor(userOf(slot))),
    });
  }
}

export function formatFloorRatios(ratios: readonly FloorRatio[]): string {
  return [
    "POST /api/reviews against the floor (app / floor)",
    ...ratios.map(
      (ratio) =>
        `${ratio.provider.padEnd(9)} ${String(ratio.connections).padStart(4)} conns   throughput ${ratio.throughputRatio.toFixed(2)}   p95 ${ratio.p95Ratio.toFixed(2)}`,
    ),
  ].join("\n");
}
