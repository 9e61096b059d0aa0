/**
 * `npx tsx bench/memory-model.ts [--quick]` (also part of `npm run bench`): does fitting a heavy user's
 * memory model (100,000 reviews) slow other users down? POST /api/reviews from 20 signed-in users through
 * `next start`, first with nothing else running, then while the heavy user's fit runs (started just
 * before the load); p95 of both, and how long the fit took. Figures only.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { hashPassword } from "@/lib/auth/passwords";
import { seededRandom } from "@/lib/content/generate/random";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { FAST_FORGETTER, storeSyntheticHistory, syntheticHistory } from "../tests/helpers/review-history";
import { load, type LoadResult } from "./load";
import { BENCH_PASSWORD, seedLargeDatabase } from "./seed-large";
import { benchPort, signIn, startNext } from "./server";

export type MemoryFitBench = {
  heavyUserReviews: number;
  rows: LoadResult[];
  /** Per concurrency: p95 of review submits during the fit over p95 without one, and the fit itself. */
  fits: { connections: number; p95Ratio: number; fitSeconds: number; fitOutcome: string }[];
  loadSeconds: number;
};

const CONNECTIONS = 20;
/** Concurrent review submitters: one (a request's own time) and twenty (the server saturated). */
const LOADS = [1, CONNECTIONS] as const;
const HEAVY_CARDS = 10_000;
/** Cards of the user being fitted: about 100,000 reviews over 500 days. */
const FITTED_CARDS = 6_200;

export async function benchMemoryModelFit({ quick }: { quick: boolean }): Promise<MemoryFitBench> {
  const loadSeconds = quick ? 5 : 10;
  const database = await createScratchDatabase("sqlite", undefined, "bench-memory");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  // 10,000 bench items (the heavy queue user's cards come with them, unused here) and 20 users with 200 cards.
  const seeded = await seedLargeDatabase(db, "sqlite", { users: CONNECTIONS, cardsPerUser: 200, logsPerCard: 0, heavyUserCards: HEAVY_CARDS });
  // One user to fit per concurrency measured: a second fit of the same history would return at once.
  const fitters = LOADS.map((connections) => ({ id: `bench-fit-heavy-${connections}`, email: `bench-fit-heavy-${connections}@example.in` }));
  let heavyUserReviews = 0;
  for (const fitter of fitters) {
    await db.user.create({ data: { ...fitter, passwordHash: await hashPassword(BENCH_PASSWORD), settings: { create: {} } } });
    const history = syntheticHistory({
      trueParameters: FAST_FORGETTER,
      cards: FITTED_CARDS,
      newCardsPerDay: 25,
      start: new Date(Date.UTC(2025, 0, 1)),
      days: 500,
      random: seededRandom(fitter.id),
    });
    await storeSyntheticHistory(db, fitter.id, history, Array.from({ length: FITTED_CARDS }, (_, n) => `bench-item-${n}`));
    heavyUserReviews = history.logs.length;
  }
  const cardsByUser = new Map<string, string[]>();
  for (const card of await db.card.findMany({ where: { userId: { in: seeded.users.map((user) => user.id) } }, select: { id: true, userId: true } })) {
    cardsByUser.set(card.userId, [...(cardsByUser.get(card.userId) ?? []), card.id]);
  }
  await db.$disconnect();

  const server = await startNext(database.url, benchPort(5));
  try {
    const cookies: string[] = [];
    for (const user of seeded.users) cookies.push(await signIn(server.baseUrl, user.email, seeded.password));
    const reviews = (label: string, connections: number, seconds: number) =>
      load({
        label,
        url: `${server.baseUrl}/api/reviews`,
        method: "POST",
        connections,
        seconds,
        next: (slot, sequence) => {
          const cards = cardsByUser.get(seeded.users[slot % seeded.users.length]!.id)!;
          return {
            headers: { cookie: cookies[slot % cookies.length]! },
            body: JSON.stringify({ reviewId: randomUUID(), cardId: cards[sequence % cards.length]!, rating: sequence % 4 === 0 ? "again" : "good", durationMs: 4000 }),
          };
        },
      });
    await reviews("warm-up", CONNECTIONS, 2);
    // The fit route's first request compiles and loads it; Settings' simulation too. Not the steady state.
    await fetch(`${server.baseUrl}/api/memory-model`, { headers: { cookie: cookies[0]! } });

    const rows: LoadResult[] = [];
    const fits: MemoryFitBench["fits"] = [];
    for (const [index, connections] of LOADS.entries()) {
      const without = await reviews(`POST /api/reviews, no fit running`, connections, loadSeconds);
      const fitterCookie = await signIn(server.baseUrl, fitters[index]!.email, BENCH_PASSWORD);
      const started = performance.now();
      const fit = fetch(`${server.baseUrl}/api/memory-model`, { method: "POST", headers: { cookie: fitterCookie } }).then(async (response) => {
        const body = (await response.json()) as { outcome?: string; message?: string };
        return { seconds: (performance.now() - started) / 1000, outcome: body.outcome ?? `HTTP ${response.status}: ${body.message}` };
      });
      const during = await reviews(`POST /api/reviews, a heavy user's fit running`, connections, loadSeconds);
      const fitted = await fit;
      rows.push(without, during);
      fits.push({ connections, p95Ratio: during.p95Ms / without.p95Ms, fitSeconds: fitted.seconds, fitOutcome: fitted.outcome });
    }
    return { heavyUserReviews, rows, fits, loadSeconds };
  } finally {
    await server.stop();
    await database.drop();
  }
}

export function formatMemoryFitBench(bench: MemoryFitBench): string {
  return [
    `heavy user: ${bench.heavyUserReviews.toLocaleString("en")} reviews; load windows ${bench.loadSeconds} s, the fit started with each`,
    ...bench.fits.map(
      (fit) => `${String(fit.connections).padStart(3)} conns: p95 during the fit / without ${fit.p95Ratio.toFixed(2)}; fit took ${fit.fitSeconds.toFixed(1)} s (${fit.fitOutcome})`,
    ),
  ].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { formatLoad } = await import("./load");
  const bench = await benchMemoryModelFit({ quick: process.argv.includes("--quick") });
  console.log(formatLoad(bench.rows));
  console.log(formatMemoryFitBench(bench));
}
