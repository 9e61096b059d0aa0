/**
 * `npx tsx bench/memory-model.ts [--quick]` (also part of `npm run bench`): does fitting a heavy user's
 * memory model (100,000 reviews) slow other users down? POST /api/reviews from signed-in users through
 * `next start`, first with nothing else running, then while the heavy user's fit runs (started just
 * before the load, followed through its job until done), then without again; p95 during over the mean
 * p95 without, and how long the fit took. Once per
 * way of running the fit's process (FIT_CPU_POLICY, FIT_READ_PAGE_ROWS, RAYON_NUM_THREADS: see
 * lib/memory-model/workers.ts), each on a server of its own started with them, in one run, so that each
 * change is measured with and without it under the same load. Figures only.
 */
import os from "node:os";
import path from "node:path";
import { hashPassword } from "@/lib/auth/passwords";
import { seededRandom } from "@/lib/content/generate/random";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { FAST_FORGETTER, storeSyntheticHistory, syntheticHistory } from "../tests/helpers/review-history";
import { load, reviewRequests, type LoadResult } from "./load";
import { BENCH_PASSWORD, seedLargeDatabase } from "./seed-large";
import { benchPort, signIn, startNext } from "./server";

/** A way of running the fit's process: the server's environment for it. */
export type FitVariant = { name: string; env: Record<string, string> };

/** From last session's (nice 19, one query for the whole log, one rayon thread), one change at a time; the default last. */
export const FIT_VARIANTS: readonly FitVariant[] = [
  { name: "nice 19, log in one query, 1 rayon thread", env: { FIT_CPU_POLICY: "nice", FIT_READ_PAGE_ROWS: "10000000", RAYON_NUM_THREADS: "1" } },
  { name: "nice 19, log in one query, 2 rayon threads", env: { FIT_CPU_POLICY: "nice", FIT_READ_PAGE_ROWS: "10000000", RAYON_NUM_THREADS: "2" } },
  { name: "SCHED_IDLE, log in pages of 2,000, 1 rayon thread", env: { FIT_CPU_POLICY: "idle", FIT_READ_PAGE_ROWS: "2000", RAYON_NUM_THREADS: "1" } },
  { name: "nice 19, log in pages of 2,000, 1 rayon thread (default)", env: { FIT_CPU_POLICY: "nice", FIT_READ_PAGE_ROWS: "2000", RAYON_NUM_THREADS: "1" } },
];

export type MemoryFitBench = {
  heavyUserReviews: number;
  rows: LoadResult[];
  /**
   * Per variant and concurrency: p95 of review submits during the fit over the mean p95 of the windows
   * without one before and after it; the two windows without, after over before (1 on a steady machine);
   * the fit itself, and the load average then.
   */
  fits: { variant: string; connections: number; p95Ratio: number; withoutRatio: number; fitSeconds: number; fitOutcome: string; loadAverage: number }[];
  loadSeconds: number;
};

const USERS = 20;
const HEAVY_CARDS = 10_000;
/** Cards of the user being fitted: about 100,000 reviews over 500 days. */
const FITTED_CARDS = 6_200;
const FITTER = { id: "bench-fit-heavy", email: "bench-fit-heavy@example.in" };

export async function benchMemoryModelFit({ quick, variants = FIT_VARIANTS }: { quick: boolean; variants?: readonly FitVariant[] }): Promise<MemoryFitBench> {
  const loadSeconds = quick ? 5 : 10;
  // Twenty connections (the server saturated) for every variant; one connection (a request's own time) for the default too.
  const loads = variants.flatMap((variant, index) => (index === variants.length - 1 ? [1, USERS] : [USERS]).map((connections) => ({ variant, connections })));
  const database = await createScratchDatabase("sqlite", undefined, "bench-memory");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  // 10,000 bench items (the heavy queue user's cards come with them, unused here) and 20 users with 200 cards.
  const seeded = await seedLargeDatabase(db, "sqlite", { users: USERS, cardsPerUser: 200, logsPerCard: 0, heavyUserCards: HEAVY_CARDS });
  await db.user.create({ data: { ...FITTER, passwordHash: await hashPassword(BENCH_PASSWORD), settings: { create: {} } } });
  const history = syntheticHistory({ trueParameters: FAST_FORGETTER, cards: FITTED_CARDS, newCardsPerDay: 25, start: new Date(Date.UTC(2025, 0, 1)), days: 500, random: seededRandom(FITTER.id) });
  await storeSyntheticHistory(db, FITTER.id, history, Array.from({ length: FITTED_CARDS }, (_, n) => `bench-item-${n}`));
  const cardsByUser = new Map<string, string[]>();
  for (const card of await db.card.findMany({ where: { userId: { in: seeded.users.map((user) => user.id) } }, select: { id: true, userId: true } })) {
    cardsByUser.set(card.userId, [...(cardsByUser.get(card.userId) ?? []), card.id]);
  }

  const rows: LoadResult[] = [];
  const fits: MemoryFitBench["fits"] = [];
  try {
    for (const variant of variants) {
      const server = await startNextWith(database.url, benchPort(5), variant.env);
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
            next: reviewRequests((slot) => cardsByUser.get(seeded.users[slot % seeded.users.length]!.id)!, (slot) => ({ cookie: cookies[slot % cookies.length]! })),
          });
        await reviews("warm-up", USERS, 2);
        // The fit route's first request compiles and loads it; Settings' simulation too. Not the steady state.
        await fetch(`${server.baseUrl}/api/memory-model`, { headers: { cookie: cookies[0]! } });
        const fitterCookie = await signIn(server.baseUrl, FITTER.email, BENCH_PASSWORD);

        for (const { connections } of loads.filter((entry) => entry.variant === variant)) {
          // The same history fitted afresh each time: without its last fit, the job fits instead of returning it.
          await db.memoryModel.deleteMany({ where: { userId: FITTER.id } });
          const without = await reviews(`${variant.name}: no fit running`, connections, loadSeconds);
          const started = performance.now();
          const fit = fitToTheEnd(server.baseUrl, fitterCookie).then((outcome) => ({ outcome, seconds: (performance.now() - started) / 1000 }));
          const during = await reviews(`${variant.name}: a heavy user's fit running`, connections, loadSeconds);
          const loadAverage = os.loadavg()[0]!;
          const fitted = await fit;
          // A second window without, after the fit: the machine's drift shows as the two "without" apart.
          const after = await reviews(`${variant.name}: no fit running, after it`, connections, loadSeconds);
          rows.push(without, during, after);
          fits.push({
            variant: variant.name,
            connections,
            p95Ratio: during.p95Ms / ((without.p95Ms + after.p95Ms) / 2),
            withoutRatio: after.p95Ms / without.p95Ms,
            fitSeconds: fitted.seconds,
            fitOutcome: fitted.outcome,
            loadAverage,
          });
        }
      } finally {
        await server.stop();
      }
    }
    return { heavyUserReviews: history.logs.length, rows, fits, loadSeconds };
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

/** The app as `npm start` serves it, with the variant's environment for the fit's process (read by the server when it forks a fit). */
async function startNextWith(databaseUrl: string, port: number, env: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await startNext(databaseUrl, port);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Starts the fit (202 and its job) and polls the job until it has finished; gives its outcome. */
async function fitToTheEnd(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/memory-model`, { method: "POST", headers: { cookie } });
  const job = (await response.json()) as { id?: string; message?: string };
  if (response.status !== 202 || !job.id) return `HTTP ${response.status}: ${job.message}`;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const polled = (await (await fetch(`${baseUrl}/api/jobs/${job.id}`, { headers: { cookie } })).json()) as { status: string; result?: { outcome: string }; error?: string };
    if (polled.status === "done") return polled.result!.outcome;
    if (polled.status === "failed") return `failed: ${polled.error}`;
  }
}

export function formatMemoryFitBench(bench: MemoryFitBench): string {
  return [
    `heavy user: ${bench.heavyUserReviews.toLocaleString("en")} reviews; load windows ${bench.loadSeconds} s, the fit started with each`,
    ...bench.fits.map(
      (fit) =>
        `${String(fit.connections).padStart(3)} conns, ${fit.variant}: p95 during the fit / without ${fit.p95Ratio.toFixed(2)} ` +
        `(without, after / before: ${fit.withoutRatio.toFixed(2)}); ` +
        `fit took ${fit.fitSeconds.toFixed(1)} s (${fit.fitOutcome}); load average ${fit.loadAverage.toFixed(1)}`,
    ),
  ].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { formatLoad } = await import("./load");
  const bench = await benchMemoryModelFit({ quick: process.argv.includes("--quick") });
  console.log(formatLoad(bench.rows));
  console.log(formatMemoryFitBench(bench));
}
