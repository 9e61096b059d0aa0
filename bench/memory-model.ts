/**
 * `npx tsx bench/memory-model.ts [--quick] [--variants default|nice,default] [--jobs fit] [--pairs <n>] [--connections 20,1]` (also
 * part of `npm run bench`): does a heavy user's background job (fitting their memory model, or "reschedule
 * my cards", over 100,000 reviews) slow other users down?
 *
 * POST /api/reviews from 20 signed-in users through the app's server, in one load that runs throughout,
 * while the heavy user's jobs are, in turn, left alone for a stretch and run to the end (bench/windows.ts):
 * p95 per 2 s window, and per job the median over pairs of p95 during / p95 without, with a permutation
 * p-value and a bootstrap interval. The server's longest event-loop stall during each side comes from a
 * probe preloaded into it (bench/event-loop-probe.mjs). Once per way of running the fit's process
 * (FIT_CPU_POLICY, FIT_YIELD, FIT_READ_PAGE_ROWS, RAYON_NUM_THREADS: lib/memory-model/workers.ts), each on a server
 * of its own; `--variants default` runs only the app's default way, with the reschedule beside the fit
 * (`--variants nice,computing,default`: nice 19's, SCHED_IDLE computing beside requests, and the default's (SCHED_IDLE,
 * stopped while a request is in flight: lib/jobs/yield-to-requests.ts), in that order; `--jobs fit`: no reschedule;
 * `--jobs fit,polling,busy`: the fit and its controls, see HeavyJob; `--slices 100/1000,25/4000`: the default with
 * another slice and pause under a load that never quiets, FIT_YIELD_SLICE_MS and FIT_YIELD_PAUSE_MS; `--with
 * FIT_YIELD_QUIET_MS=0,FIT_STOP=at-once+FIT_YIELD_QUIET_MS=0`: the default with other settings, lib/memory-model/workers.ts).
 * Then "reschedule my cards" called in this process without load, its replay on this thread (as the
 * server ran it before) and in a child process (as now): how long, and the longest event-loop stall.
 * `--profile <dir>` profiles the server's thread and says what it did during each job and in its long
 * stalls (bench/stalls.ts). Figures only.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/passwords";
import { seededRandom } from "@/lib/content/generate/random";
import { createDb, type Db } from "@/lib/db/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { cpuPolicyOf, startJobProcess, type CpuPolicy } from "@/lib/jobs/child-process";
import { replayHere, rescheduleCards, type CardReplayer } from "@/lib/practice/reschedule";
import { replayInChildProcess } from "@/lib/practice/reschedule-process";
import { FAST_FORGETTER, storeSyntheticHistory, syntheticHistory } from "../tests/helpers/review-history";
import { load, reviewRequests, type LoadResult } from "./load";
import { BENCH_PASSWORD, seedLargeDatabase } from "./seed-large";
import { benchPort, signIn, startNext, stopWritingProfile } from "./server";
import { busySamples, stallReport, type CpuProfile } from "./stalls";
import { effectOf, longestDelay, medianP95s, windowsOf, type Effect, type Sample, type Stretch } from "./windows";

/** A way of running the fit's process: the server's environment for it. */
export type FitVariant = { name: string; env: Record<string, string> };

export const DEFAULT_VARIANT: FitVariant = {
  name: "SCHED_IDLE, stopped while a request is in flight, log in pages of 2,000, 1 rayon thread (default)",
  env: { FIT_CPU_POLICY: "idle", FIT_YIELD: "on", FIT_READ_PAGE_ROWS: "2000", RAYON_NUM_THREADS: "1" },
};

/** The default with another slice under a load that never quiets (`--slices 100/1000`: 100 ms after each 1,000 ms stopped). */
export function slicedVariant(sliceMs: number, maxPauseMs: number): FitVariant {
  return {
    name: `SCHED_IDLE, stopped while a request is in flight, a ${sliceMs} ms slice after ${maxPauseMs} ms stopped`,
    env: { ...DEFAULT_VARIANT.env, FIT_YIELD_SLICE_MS: String(sliceMs), FIT_YIELD_PAUSE_MS: String(maxPauseMs) },
  };
}

/** The default with other settings of the fit's process (`--with FIT_YIELD_QUIET_MS=0+FIT_STOP=at-once`). */
export function settingsVariant(settings: Record<string, string>): FitVariant {
  const changes = Object.entries(settings).map(([name, value]) => `${name}=${value}`);
  return { name: `the default with ${changes.join(", ")}`, env: { ...DEFAULT_VARIANT.env, ...settings } };
}

/** The default until the seventh step: SCHED_IDLE, computing while the server serves. */
export const COMPUTING_VARIANT: FitVariant = {
  name: "SCHED_IDLE, log in pages of 2,000, 1 rayon thread",
  env: { FIT_CPU_POLICY: "idle", FIT_YIELD: "off", FIT_READ_PAGE_ROWS: "2000", RAYON_NUM_THREADS: "1" },
};

/** The default until the fourth pass: nice 19 without SCHED_IDLE. */
export const NICE_VARIANT: FitVariant = { name: "nice 19, log in pages of 2,000, 1 rayon thread", env: { FIT_CPU_POLICY: "nice", FIT_YIELD: "off", FIT_READ_PAGE_ROWS: "2000", RAYON_NUM_THREADS: "1" } };

/** The first pass's (nice 19, one query for the whole log, one rayon thread), one change at a time; the default last. */
export const FIT_VARIANTS: readonly FitVariant[] = [
  { name: "nice 19, log in one query, 1 rayon thread", env: { FIT_CPU_POLICY: "nice", FIT_YIELD: "off", FIT_READ_PAGE_ROWS: "10000000", RAYON_NUM_THREADS: "1" } },
  { name: "nice 19, log in one query, 2 rayon threads", env: { FIT_CPU_POLICY: "nice", FIT_YIELD: "off", FIT_READ_PAGE_ROWS: "10000000", RAYON_NUM_THREADS: "2" } },
  NICE_VARIANT,
  COMPUTING_VARIANT,
  DEFAULT_VARIANT,
];

/**
 * A heavy user's background job, or a control beside the fit, as long as its last run: "polling", the bench's
 * own polling of a finished job every 250 ms (as it polls a running one) with nothing else running; "busy",
 * that polling and a process started as the fit's is (its CPU policy and limit) that only computes
 * (bench/busy-child.ts). The fit's ratio above the busy one's is what the fit itself adds.
 */
export type HeavyJob = "fit" | "reschedule" | "polling" | "busy";

const isControl = (job: HeavyJob) => job === "polling" || job === "busy";

/** The fit against a control run beside it: p95 during the fit over p95 during the control, pair by pair. */
export type FitOverControl = { control: HeavyJob; variant: string; connections: number; effect: Effect | null };

/** One job's effect on review submits, under one variant at one concurrency. */
export type JobEffect = {
  job: HeavyJob;
  variant: string;
  connections: number;
  effect: Effect | null;
  /** Medians of the window p95s, during the job and without it. */
  p95Ms: { during: number; without: number };
  /** The server's longest event-loop stall while the job ran and in the stretches without it. */
  longestStallMs: { during: number; without: number };
  jobSeconds: number[];
  outcomes: string[];
  loadAverage: { min: number; max: number };
};

/** "Reschedule my cards" called in this process, without load: where the replay ran, how long, and the longest event-loop stall. */
export type RescheduleThreadRow = { replay: string; seconds: number; longestStallMs: number; p99StallMs: number; cards: number; changed: number; loadAverage: number };

export type MemoryFitBench = {
  heavyUserReviews: number;
  windowSeconds: number;
  /** The whole load of each run (variant and concurrency). */
  rows: LoadResult[];
  effects: JobEffect[];
  fitOverControls: FitOverControl[];
  rescheduleThread: RescheduleThreadRow[];
  /** With `profileDir`: per variant, job and concurrency, what the server's thread did (bench/stalls.ts). */
  stallReports: string[];
};

export type MemoryFitBenchOptions = {
  quick: boolean;
  variants?: readonly FitVariant[];
  /** The jobs run beside the default variant's fit (the other variants run only the fit): fit and reschedule unless told. */
  jobs?: readonly HeavyJob[];
  /** Pairs (a stretch without, then a job) per job and run. */
  pairs?: number;
  connections?: readonly number[];
  /**
   * Profiles each server's thread (V8's --cpu-prof) and keeps its profile and the probe's records here;
   * the bench then says what the thread did during each job and in its long stalls (bench/stalls.ts).
   */
  profileDir?: string;
};

const USERS = 20;
const HEAVY_CARDS = 10_000;
/** Cards of the heavy user: about 100,000 reviews over 500 days. */
const HEAVY_USER_CARDS = 6_200;
const HEAVY_USER = { id: "bench-fit-heavy", email: "bench-fit-heavy@example.in" };
const WINDOW_MS = 2_000;
/** The stretch without a job lasts as long as that job's last run (the first: 15 s), within these bounds. */
const QUIET_MS = { min: 8_000, max: 30_000 };
const PROBE_PERIOD_MS = 250;
/** With --profile, the probe's periods with a stall this long or longer are each shown with what ran in them. */
const STALL_REPORTED_MS = 80;
const PROBE = pathToFileURL(path.join(process.cwd(), "bench", "event-loop-probe.mjs")).href;

export async function benchMemoryModelFit(options: MemoryFitBenchOptions): Promise<MemoryFitBench> {
  const variants = options.variants?.length ? options.variants : FIT_VARIANTS;
  const pairs = options.pairs ?? (options.quick ? 2 : 3);
  const connectionsList = options.connections ?? [USERS];
  const database = await createScratchDatabase("sqlite", undefined, "bench-memory");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  // 10,000 bench items (the heavy queue user's cards come with them, unused here) and 20 users with 200 cards.
  const seeded = await seedLargeDatabase(db, "sqlite", { users: USERS, cardsPerUser: 200, logsPerCard: 0, heavyUserCards: HEAVY_CARDS });
  await db.user.create({ data: { ...HEAVY_USER, passwordHash: await hashPassword(BENCH_PASSWORD), settings: { create: {} } } });
  const history = syntheticHistory({ trueParameters: FAST_FORGETTER, cards: HEAVY_USER_CARDS, newCardsPerDay: 25, start: new Date(Date.UTC(2025, 0, 1)), days: 500, random: seededRandom(HEAVY_USER.id) });
  await storeSyntheticHistory(db, HEAVY_USER.id, history, Array.from({ length: HEAVY_USER_CARDS }, (_, n) => `bench-item-${n}`));
  const cardsByUser = new Map<string, string[]>();
  for (const card of await db.card.findMany({ where: { userId: { in: seeded.users.map((user) => user.id) } }, select: { id: true, userId: true } })) {
    cardsByUser.set(card.userId, [...(cardsByUser.get(card.userId) ?? []), card.id]);
  }
  // Each reschedule finds every card to change: the parameters in use swap between runs.
  let fittedInUse = false;
  const swapParameters = async () => {
    fittedInUse = !fittedInUse;
    await db.userSettings.update({ where: { userId: HEAVY_USER.id }, data: { fsrsParameters: fittedInUse ? JSON.stringify(FAST_FORGETTER) : null } });
  };
  const prepare: Record<HeavyJob, () => Promise<unknown>> = {
    // The same history fitted afresh each time: without its last fit, the job fits instead of returning it.
    fit: () => db.memoryModel.deleteMany({ where: { userId: HEAVY_USER.id } }),
    reschedule: swapParameters,
    polling: async () => {},
    busy: async () => {},
  };

  const rows: LoadResult[] = [];
  const effects: JobEffect[] = [];
  const fitOverControls: FitOverControl[] = [];
  const stallReports: string[] = [];
  try {
    for (const variant of variants) {
      const jobs: readonly HeavyJob[] = variant.env.FIT_YIELD === "on" ? (options.jobs ?? ["fit", "reschedule"]) : ["fit"];
      const profileDir = options.profileDir && path.join(options.profileDir, randomUUID());
      if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
      const probeLog = path.join(profileDir ?? os.tmpdir(), `bench-event-loop-${process.pid}-${randomUUID()}.log`);
      const server = await startNextWith(
        database.url,
        benchPort(5),
        { ...variant.env, BENCH_EVENT_LOOP_LOG: probeLog, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PROBE}`.trim() },
        profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=500"] : [],
      );
      const profiled: { job: HeavyJob; connections: number; stretches: Stretch[] }[] = [];
      try {
        const cookies: string[] = [];
        for (const user of seeded.users) cookies.push(await signIn(server.baseUrl, user.email, seeded.password));
        const reviews = (label: string, connections: number, seconds: number, extra: Pick<Parameters<typeof load>[0], "until" | "onResponse"> = {}) =>
          load({
            label,
            url: `${server.baseUrl}/api/reviews`,
            method: "POST",
            connections,
            seconds,
            ...extra,
            next: reviewRequests((slot) => cardsByUser.get(seeded.users[slot % seeded.users.length]!.id)!, (slot) => ({ cookie: cookies[slot % cookies.length]! })),
          });
        await reviews("warm-up", USERS, 2);
        // The job routes' first requests compile and load them; Settings' simulation too. Not the steady state.
        await fetch(`${server.baseUrl}/api/memory-model`, { headers: { cookie: cookies[0]! } });
        const heavyCookie = await signIn(server.baseUrl, HEAVY_USER.email, BENCH_PASSWORD);

        for (const connections of connectionsList) {
          const samples: Sample[] = [];
          const stretches: (Stretch & { job: HeavyJob })[] = [];
          const runs = Object.fromEntries(jobs.map((job) => [job, { seconds: [] as number[], outcomes: [] as string[], loadAverages: [] as number[] }])) as Record<
            HeavyJob,
            { seconds: number[]; outcomes: string[]; loadAverages: number[] }
          >;
          let lastFit: { jobId: string; seconds: number } | null = null;
          const sequence = async () => {
            // The load's first seconds (connections opening) are not measured.
            await sleep(2_000);
            for (let pair = 0; pair < pairs; pair++) {
              // With controls, every other pair runs them before the fit, so that a drift over the run (the
              // database grows by every review) favours neither the fit nor its controls.
              const ordered = pair % 2 === 1 && jobs.some(isControl) ? [...jobs].reverse() : jobs;
              for (const job of ordered) {
                const quietStart = Date.now();
                await prepare[job]();
                await sleep(Math.min(QUIET_MS.max, Math.max(QUIET_MS.min, (runs[job].seconds.at(-1) ?? 15) * 1000)) - (Date.now() - quietStart));
                stretches.push({ job, pair, during: false, startMs: quietStart, endMs: Date.now() });
                const run =
                  isControl(job)
                    ? await runControl(server.baseUrl, heavyCookie, job, lastFit, cpuPolicyOf(variant.env.FIT_CPU_POLICY))
                    : await runToTheEnd(server.baseUrl, heavyCookie, job);
                if (job === "fit") lastFit = { jobId: run.jobId, seconds: (run.finishedAtMs - run.startedAtMs) / 1000 };
                stretches.push({ job, pair, during: true, startMs: run.startedAtMs, endMs: run.finishedAtMs });
                runs[job].seconds.push((run.finishedAtMs - run.startedAtMs) / 1000);
                runs[job].outcomes.push(run.outcome);
                runs[job].loadAverages.push(os.loadavg()[0]!);
              }
            }
          };
          const sequenced = sequence();
          rows.push(
            await reviews(`${variant.name}, ${jobs.join(" and ")} in turn`, connections, 3_600, {
              until: sequenced,
              onResponse: (latencyMs, atMs) => samples.push({ atMs, latencyMs }),
            }),
          );
          await sequenced;
          const delays = readProbeLog(probeLog);
          for (const job of jobs) {
            const ofJob = stretches.filter((stretch) => stretch.job === job);
            profiled.push({ job, connections, stretches: ofJob });
            const windows = windowsOf(samples, ofJob, WINDOW_MS);
            effects.push({
              job,
              variant: variant.name,
              connections,
              effect: effectOf(windows, seededRandom(`${variant.name} ${job} ${connections}`)),
              p95Ms: medianP95s(windows),
              longestStallMs: { during: longestDelay(delays, ofJob, true, PROBE_PERIOD_MS), without: longestDelay(delays, ofJob, false, PROBE_PERIOD_MS) },
              jobSeconds: runs[job].seconds,
              outcomes: runs[job].outcomes,
              loadAverage: { min: Math.min(...runs[job].loadAverages), max: Math.max(...runs[job].loadAverages) },
            });
          }
          for (const control of jobs.filter(isControl)) {
            if (!jobs.includes("fit")) break;
            // The fit's stretches against the control's in the same pair, as long as each other: p95 during the fit / during the control.
            const during = (job: HeavyJob) => stretches.filter((stretch) => stretch.job === job && stretch.during);
            const windows = [...windowsOf(samples, during("fit"), WINDOW_MS), ...windowsOf(samples, during(control), WINDOW_MS).map((window) => ({ ...window, during: false }))];
            fitOverControls.push({ control, variant: variant.name, connections, effect: effectOf(windows, seededRandom(`${variant.name} fit over ${control} ${connections}`)) });
          }
        }
        if (profileDir) {
          await stopWritingProfile(server.pid, profileDir);
          stallReports.push(...profileReports(profileDir, readProbeLog(probeLog), profiled, variant.name));
        }
      } finally {
        await server.stop();
        if (!profileDir) fs.rmSync(probeLog, { force: true });
      }
    }
    const rescheduleThread = await benchRescheduleThread(db, target, swapParameters);
    return { heavyUserReviews: history.logs.length, windowSeconds: WINDOW_MS / 1000, rows, effects, fitOverControls, rescheduleThread, stallReports };
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

/**
 * "Reschedule my cards" for the heavy user in this process with nothing else running, its replay here
 * (how the server ran it before) and in a child process (how it runs now): the time, and the longest
 * stall of this event loop, which in the server would be every other user's wait.
 */
async function benchRescheduleThread(db: Db, target: DatabaseTarget, swapParameters: () => Promise<void>): Promise<RescheduleThreadRow[]> {
  const replays: [string, CardReplayer][] = [
    ["replay on the server's thread (before)", replayHere(db)],
    ["replay in a child process at nice 19 (now)", replayInChildProcess(target)],
  ];
  const rows: RescheduleThreadRow[] = [];
  for (const [replay, replayer] of replays) {
    await swapParameters();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const result = await rescheduleCards(db, HEAVY_USER.id, { replayer });
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    rows.push({ replay, seconds, longestStallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6, cards: result.cards, changed: result.changed, loadAverage: os.loadavg()[0]! });
  }
  return rows;
}

/** The server's main thread's profile (the busiest of its threads' and the launcher's) read against each job's stretches, which are kept beside it. */
function profileReports(profileDir: string, probe: { atMs: number; delayMs: number }[], profiled: { job: HeavyJob; connections: number; stretches: Stretch[] }[], variant: string): string[] {
  const epochOffsetMs = Date.now() - Number(process.hrtime.bigint()) / 1e6;
  const profile = fs
    .readdirSync(profileDir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile)
    .sort((a, b) => busySamples(b) - busySamples(a))[0];
  fs.writeFileSync(path.join(profileDir, "stretches.json"), JSON.stringify({ epochOffsetMs, profiled }));
  if (!profile) return [`${variant}: no profile was written in ${profileDir}`];
  return profiled.map(
    ({ job, connections, stretches }) =>
      `${job}, ${connections} conns, ${variant} (profile and probe in ${profileDir}):\n` +
      stallReport(profile, epochOffsetMs, stretches, probe, { periodMs: PROBE_PERIOD_MS, stallMs: STALL_REPORTED_MS }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The probe's records: the server's longest event-loop delay over each period, and when the period ended. */
function readProbeLog(file: string): { atMs: number; delayMs: number }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [atMs, delayMs] = line.split(" ").map(Number);
      return { atMs: atMs!, delayMs: delayMs! };
    });
}

/** The app as `npm start` serves it, with the variant's environment for the fit's process (read by the server when it forks a fit) and the probe's. */
async function startNextWith(databaseUrl: string, port: number, env: Record<string, string>, nodeFlags: string[]) {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await startNext(databaseUrl, port, undefined, undefined, "app", nodeFlags);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

type JobRun = { jobId: string; startedAtMs: number; finishedAtMs: number; outcome: string };

/** Starts the job (202) and polls it until it has finished: when it ran by the server's clock (this machine's), and its outcome. */
async function runToTheEnd(baseUrl: string, cookie: string, job: "fit" | "reschedule"): Promise<JobRun> {
  const response = await fetch(`${baseUrl}/api/memory-model${job === "reschedule" ? "/reschedule" : ""}`, { method: "POST", headers: { cookie } });
  const started = (await response.json()) as { id?: string; message?: string };
  if (response.status !== 202 || !started.id) throw new Error(`${job}: HTTP ${response.status}: ${started.message}`);
  for (;;) {
    await sleep(250);
    const polled = (await (await fetch(`${baseUrl}/api/jobs/${started.id}`, { headers: { cookie } })).json()) as {
      status: string;
      startedAt: string | null;
      finishedAt: string | null;
      result?: { outcome?: string; changed?: number };
      error?: string;
    };
    if (polled.status !== "done" && polled.status !== "failed") continue;
    const outcome = polled.status === "failed" ? `failed: ${polled.error}` : job === "fit" ? polled.result!.outcome! : `${polled.result!.changed} cards changed`;
    return { jobId: started.id, startedAtMs: Date.parse(polled.startedAt!), finishedAtMs: Date.parse(polled.finishedAt!), outcome };
  }
}

/** A control (see HeavyJob) for as long as the last fit: the same polling, of that finished fit, and for "busy" a computing process beside it. */
async function runControl(baseUrl: string, cookie: string, job: "polling" | "busy", lastFit: { jobId: string; seconds: number } | null, cpuPolicy: CpuPolicy): Promise<JobRun> {
  if (!lastFit) throw new Error(`${job}: a control runs after a fit (--jobs fit,${job})`);
  const startedAtMs = Date.now();
  const busy = job === "busy" ? startJobProcess<{ spins: number }>(path.join(process.cwd(), "bench", "busy-child.ts"), { cpuPolicy, cpuSecondsLimit: 300 }) : null;
  busy?.send({ ms: lastFit.seconds * 1000 });
  const answered = busy?.receive(600_000, () => new Error("the busy process said nothing for 10 minutes"));
  for (let polledAtMs = startedAtMs; polledAtMs - startedAtMs < lastFit.seconds * 1000; polledAtMs = Date.now()) {
    await sleep(250);
    await (await fetch(`${baseUrl}/api/jobs/${lastFit.jobId}`, { headers: { cookie } })).json();
  }
  const outcome = answered ? `computed ${((await answered).spins / 1e6).toFixed(0)} M turns` : "polled";
  return { jobId: lastFit.jobId, startedAtMs, finishedAtMs: Date.now(), outcome };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const range = (values: readonly number[], digits = 2) => (values.length === 0 ? "-" : `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`);

function formatEffect(effect: Effect | null, sides: [string, string]): string {
  return effect
    ? `ratio ${effect.ratio.toFixed(2)} (pairs ${range(effect.pairRatios)}; 90% interval ${effect.interval.map((value) => value.toFixed(2)).join("-")}; ` +
        `p ${effect.pValue < 0.001 ? "< 0.001" : effect.pValue.toFixed(3)}; windows ${effect.windows.during} ${sides[0]}, ${effect.windows.without} ${sides[1]})`
    : "no pair with windows on both sides";
}

export function formatMemoryFitBench(bench: MemoryFitBench): string {
  return [
    `heavy user: ${bench.heavyUserReviews.toLocaleString("en")} reviews; one load per run, ${bench.windowSeconds} s windows, p95 per window;`,
    "ratio: median over pairs (a stretch without, then the job) of the median window p95 during / without; p: labels shuffled within pairs",
    ...bench.effects.map((row) => {
      const effect = formatEffect(row.effect, ["during", "without"]);
      return (
        `${row.job.padEnd(10)} ${String(row.connections).padStart(3)} conns, ${row.variant}: ${effect}; ` +
        `p95 ${ms(row.p95Ms.during)} during, ${ms(row.p95Ms.without)} without; longest event-loop stall ${ms(row.longestStallMs.during)} during, ${ms(row.longestStallMs.without)} without; ` +
        `took ${range(row.jobSeconds, 1)} s (${[...new Set(row.outcomes)].join(", ")}); load average ${range([row.loadAverage.min, row.loadAverage.max], 1)}`
      );
    }),
    ...(bench.fitOverControls.length > 0 ? ["the fit over a control in the same pair, as long as the fit (every other pair the control first): p95 during the fit / during the control"] : []),
    ...bench.fitOverControls.map((row) => `fit over ${row.control.padEnd(7)} ${String(row.connections).padStart(3)} conns, ${row.variant}: ${formatEffect(row.effect, ["fit", row.control])}`),
    "reschedule my cards in this process, no load (the server's event loop is this one):",
    ...bench.rescheduleThread.map(
      (row) =>
        `  ${row.replay.padEnd(44)} ${row.seconds.toFixed(1).padStart(6)} s; longest stall ${ms(row.longestStallMs)}, p99 ${ms(row.p99StallMs)}; ` +
        `${row.changed.toLocaleString("en")} of ${row.cards.toLocaleString("en")} cards changed; load average ${row.loadAverage.toFixed(1)}`,
    ),
  ].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { formatLoad } = await import("./load");
  const valueOf = (flag: string) => {
    const index = process.argv.indexOf(flag);
    return index >= 0 ? process.argv[index + 1] : undefined;
  };
  const bench = await benchMemoryModelFit({
    quick: process.argv.includes("--quick"),
    variants: [
      ...(valueOf("--variants")
        ?.split(",")
        .map((name) => ({ default: DEFAULT_VARIANT, computing: COMPUTING_VARIANT, nice: NICE_VARIANT })[name] ?? FIT_VARIANTS)
        .flat() ?? []),
      ...(valueOf("--slices")
        ?.split(",")
        .map((slice) => slicedVariant(...(slice.split("/").map(Number) as [number, number]))) ?? []),
      ...(valueOf("--with")
        ?.split(",")
        .map((settings) => settingsVariant(Object.fromEntries(settings.split("+").map((setting) => setting.split("=") as [string, string])))) ?? []),
    ],
    jobs: valueOf("--jobs")?.split(",") as HeavyJob[] | undefined,
    pairs: valueOf("--pairs") ? Number(valueOf("--pairs")) : undefined,
    connections: valueOf("--connections")?.split(",").map(Number),
    profileDir: valueOf("--profile"),
  });
  console.log(formatLoad(bench.rows));
  console.log(formatMemoryFitBench(bench));
  if (bench.stallReports.length > 0) console.log(`\n${bench.stallReports.join("\n\n")}`);
}
