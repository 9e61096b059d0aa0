/**
 * Server CPU per request, side by side in one run: `POST /api/reviews` (and for the apps the queue and
 * quiz answers, each kind of load by users of its own) through this
 * build served as `npm start` serves it (scripts/serve.ts: the hot routes before Next.js), the same
 * server with every route through Next.js's pipeline (HOT_ROUTES=off), with a baseline directory
 * another build under `next start` (e.g. main's); the "Prisma floor"
 * (bench/floor-server.ts: lib's submitReview without Next.js or sessions, which since issue 21 runs on the
 * hot SQL, not Prisma) and the raw floor (bench/raw-floor-server.ts). CPU time is read from /proc
 * (utime + stime of every process in the server's process group) before and after each load window and
 * divided by the requests answered: on a shared machine it moves far less than requests per second,
 * which depend on what else runs. The systems take turns, round after round, and each row sums its rounds.
 */
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadBank } from "@/lib/content/bank";
import { seedBank } from "@/lib/content/seed-bank";
import { createDb, type Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { ConflictError } from "@/lib/errors";
import { QUIZ_TYPES } from "@/lib/practice/items";
import { startPracticeQuiz, startQuizClock } from "@/lib/practice/quiz";
import { load, reviewRequests, type LoadResult, type NextRequest } from "./load";
import { seedLargeDatabase, type LargeDataShape, type SeededUsers } from "./seed-large";
import { benchPort, FLOOR_USER_HEADER, signIn, startFloor, startNext, startRawFloor, type RunningServer } from "./server";

export type CpuBenchOptions = { provider: "sqlite" | "postgres"; quick: boolean; postgresUrl?: string; baselineDir?: string };

export type CpuRow = {
  provider: "sqlite" | "postgres";
  system: string;
  endpoint: string;
  connections: number;
  requests: number;
  non2xx: number;
  throughputPerSec: number;
  p95Ms: number;
  cpuMsPerRequest: number;
};

/** Users per kind of load: 0-19 rate cards, 20-39 fetch their queue, 40-59 answer quizzes. */
export const USERS_PER_LOAD = 20;
const SHAPE: LargeDataShape = { users: 3 * USERS_PER_LOAD, cardsPerUser: 200, logsPerCard: 5, heavyUserCards: 0 };
const QUEUE_USERS = USERS_PER_LOAD;
const QUIZ_USERS = 2 * USERS_PER_LOAD;
const ROUNDS = 2;
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** CPU time (ms) used so far by every process of a process group, reaped children included. */
export function processGroupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Waits until a server has settled after a start or the last load window (bench/load.ts waits for the
 * answers in flight, but a server may still work after them: GC, a log flush; autocannon, used before it,
 * left it seconds of abandoned requests on a loaded machine): until it uses under a fifth of a core over
 * half a second, 30 s at most.
 */
export async function untilIdle(pgid: number) {
  const deadline = Date.now() + 30_000;
  for (let last = processGroupCpuMs(pgid); Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = processGroupCpuMs(pgid);
    if (now - last < 100) return;
    last = now;
  }
}

/** bench/cpu.ts's data set, made once per database: also what bench/profile.ts loads. */
export type CpuData = {
  database: ScratchDatabase;
  /** Open while the bench runs: the quiz answer load makes its quizzes with it. */
  db: Db;
  seeded: SeededUsers;
  cardsByUser: Map<string, string[]>;
  close(): Promise<void>;
};

/**
 * A scratch database with the bank's quiz questions (not its flashcards, which the queue would
 * introduce as new cards) and bench/seed-large's 60 users with 200 cards and 5 logs each.
 */
export async function prepareCpuData(provider: "sqlite" | "postgres", postgresUrl?: string): Promise<CpuData> {
  const database = await createScratchDatabase(provider, postgresUrl, "cpu");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  // Before the bench items: seeding the bank retires every item it does not hold.
  const bank = loadBank();
  await seedBank(db, { ...bank, items: bank.items.filter((item) => QUIZ_TYPES.includes(item.type)) }, new Date());
  const seeded = await seedLargeDatabase(db, provider, SHAPE);
  const cardsByUser = new Map<string, string[]>();
  for (const card of await db.card.findMany({ where: { userId: { in: seeded.users.map((user) => user.id) } }, select: { id: true, userId: true } })) {
    cardsByUser.set(card.userId, [...(cardsByUser.get(card.userId) ?? []), card.id]);
  }
  return {
    database,
    db,
    seeded,
    cardsByUser,
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** The review load: slot n is review user n (users 0-19), rating their cards in turn. */
export function reviewLoadOf(data: CpuData, headersFor: (user: number) => Record<string, string>): NextRequest {
  return reviewRequests((slot) => data.cardsByUser.get(data.seeded.users[slot % USERS_PER_LOAD]!.id)!, (slot) => headersFor(slot % USERS_PER_LOAD));
}

/**
 * The queue load: slot n is queue user 20 + n, whom nothing else touches, so every window finds the
 * same state (a full day's queue of due cards), whichever system and round it is.
 */
export function queueLoadOf(headersFor: (user: number) => Record<string, string>): NextRequest {
  return (slot) => ({ headers: headersFor(QUEUE_USERS + (slot % USERS_PER_LOAD)) });
}

/**
 * Quiz answers: slot n is quiz user 40 + n, who answers their quiz's questions in order (the option in
 * turn: right about one time in four), and when none is left makes the next quiz of 10. Quizzes are
 * made and started here, through lib/practice/quiz on the bench's own connection, so that the server's
 * CPU is its answers' alone. Once the day's questions are all asked, the next quiz is of the user's
 * mistakes (asked again the same day, which is their point).
 */
export function answerLoadOf(data: CpuData, headersFor: (user: number) => Record<string, string>): NextRequest {
  const quizzes = new Map<number, { id: string; questions: { id: string; options: { id: string }[] }[] }>();
  const makeQuiz = async (userId: string) => {
    const now = new Date();
    const quiz = await startPracticeQuiz(data.db, userId, { mode: "custom", size: 10, timed: false, replaceUnfinished: true }, now).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
      return startPracticeQuiz(data.db, userId, { mode: "mistakes", size: 10, replaceUnfinished: true }, now);
    });
    await startQuizClock(data.db, userId, quiz.id, now);
    return { id: quiz.id, questions: quiz.questions.map(({ id, options }) => ({ id, options })) };
  };
  return async (slot, sequence) => {
    const user = QUIZ_USERS + (slot % USERS_PER_LOAD);
    let quiz = quizzes.get(slot);
    if (!quiz || quiz.questions.length === 0) {
      quiz = await makeQuiz(data.seeded.users[user]!.id);
      quizzes.set(slot, quiz);
    }
    const question = quiz.questions.shift()!;
    return {
      path: `/api/quiz/${quiz.id}/answers`,
      headers: headersFor(user),
      body: JSON.stringify({ questionId: question.id, optionId: question.options[sequence % question.options.length]!.id, answerId: randomUUID() }),
    };
  };
}

const REVIEWS = "POST /api/reviews";
const QUEUE = "GET /api/reviews/queue";
const ANSWERS = "POST /api/quiz/{id}/answers";

type System = { name: string; start(): Promise<RunningServer>; reviewUrl: string; appUrl: string | null; headersFor(user: number): Record<string, string> };

export async function benchCpu({ provider, quick, postgresUrl, baselineDir }: CpuBenchOptions): Promise<CpuRow[]> {
  const seconds = quick ? 3 : 6;
  const warmUpSeconds = quick ? 1 : 2;
  const data = await prepareCpuData(provider, postgresUrl);
  const { seeded } = data;

  // One secret for every server: the app builds accept the same session cookies, and the raw floor decodes them.
  const secret = randomBytes(32).toString("base64url");
  const basePort = benchPort(provider === "sqlite" ? 10 : 15);
  const cookies: string[] = [];
  const urlOf = (port: number) => `http://127.0.0.1:${port}`;
  const appSystem = (name: string, port: number, start: () => Promise<RunningServer>): System => ({
    name,
    start,
    reviewUrl: `${urlOf(port)}/api/reviews`,
    appUrl: urlOf(port),
    headersFor: (user) => ({ cookie: cookies[user]! }),
  });
  const systems: System[] = [
    // Served as its own `npm start` serves it: through its scripts/serve.ts when it has one, else `next start`.
    ...(baselineDir
      ? [appSystem("app, baseline build", basePort, () => startNext(data.database.url, basePort, secret, baselineDir, fs.existsSync(path.join(baselineDir, "scripts", "serve.ts")) ? "app" : "next-start"))]
      : []),
    // The same build and server with every route through Next.js's pipeline: what the hot routes' dispatch saves.
    appSystem("app, Next.js pipeline", basePort + 4, () => startNext(data.database.url, basePort + 4, secret, undefined, "next-pipeline")),
    appSystem("app, this build", basePort + 1, () => startNext(data.database.url, basePort + 1, secret)),
    { name: "Prisma floor (no session)", start: () => startFloor(data.database.url, basePort + 2), reviewUrl: `${urlOf(basePort + 2)}/review`, appUrl: null, headersFor: (user) => ({ [FLOOR_USER_HEADER]: seeded.users[user]!.id }) },
    { name: "raw floor", start: () => startRawFloor(data.database.url, basePort + 3, secret), reviewUrl: `${urlOf(basePort + 3)}/review`, appUrl: null, headersFor: (user) => ({ cookie: cookies[user]! }) },
  ];

  type Sum = { row: Omit<CpuRow, "throughputPerSec" | "p95Ms" | "cpuMsPerRequest">; cpuMs: number; seconds: number; p95s: number[] };
  const sums = new Map<string, Sum>();
  const record = (system: string, endpoint: string, result: LoadResult, cpuMs: number) => {
    const key = `${system}|${endpoint}|${result.connections}`;
    const sum = sums.get(key) ?? { row: { provider, system, endpoint, connections: result.connections, requests: 0, non2xx: 0 }, cpuMs: 0, seconds: 0, p95s: [] };
    sum.row.requests += result.requests;
    sum.row.non2xx += result.non2xx;
    sum.cpuMs += cpuMs;
    sum.seconds += result.seconds;
    sum.p95s.push(result.p95Ms);
    sums.set(key, sum);
  };

  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const system of round % 2 === 0 ? systems : [...systems].reverse()) {
        const server = await system.start();
        try {
          if (cookies.length === 0) for (const user of seeded.users) cookies.push(await signIn(server.baseUrl, user.email, seeded.password));
          const loads: { endpoint: string; connections: number; url: string; method: "GET" | "POST"; next: () => NextRequest }[] = [
            ...[1, 20].map((connections) => ({ endpoint: REVIEWS, connections, url: system.reviewUrl, method: "POST" as const, next: () => reviewLoadOf(data, system.headersFor) })),
            ...(system.appUrl
              ? [
                  { endpoint: QUEUE, connections: 20, url: `${system.appUrl}/api/reviews/queue?limit=20`, method: "GET" as const, next: () => queueLoadOf(system.headersFor) },
                  { endpoint: ANSWERS, connections: 20, url: system.appUrl, method: "POST" as const, next: () => answerLoadOf(data, system.headersFor) },
                ]
              : []),
          ];
          const run = ({ url, method, next }: (typeof loads)[number], connections: number, duration: number) => load({ label: system.name, url, method, connections, seconds: duration, next: next() });
          // Unrecorded, each kind once: the first requests after a start compile and load code, which is not the steady state.
          for (const [index, entry] of loads.entries()) if (loads.findIndex((other) => other.endpoint === entry.endpoint) === index) await run(entry, 20, warmUpSeconds);
          for (const entry of loads) {
            await untilIdle(server.pid);
            const before = processGroupCpuMs(server.pid);
            const result = await run(entry, entry.connections, seconds);
            record(system.name, entry.endpoint, result, processGroupCpuMs(server.pid) - before);
          }
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await data.close();
  }
  return [...sums.values()].map(({ row, cpuMs, seconds: total, p95s }) => ({
    ...row,
    throughputPerSec: row.requests / total,
    p95Ms: Math.max(...p95s),
    cpuMsPerRequest: cpuMs / row.requests,
  }));
}

export function formatCpu(rows: readonly CpuRow[]): string {
  const header = `${"system".padEnd(28)} ${"db".padEnd(8)} ${"endpoint".padEnd(27)} ${"conns".padStart(5)} ${"req/s".padStart(7)} ${"p95 ms".padStart(7)} ${"CPU ms/req".padStart(10)} ${"non2xx".padStart(6)}`;
  const lines = rows.map(
    (row) =>
      `${row.system.padEnd(28)} ${row.provider.padEnd(8)} ${row.endpoint.padEnd(27)} ${String(row.connections).padStart(5)} ${row.throughputPerSec.toFixed(0).padStart(7)} ${row.p95Ms.toFixed(1).padStart(7)} ${row.cpuMsPerRequest.toFixed(2).padStart(10)} ${String(row.non2xx).padStart(6)}`,
  );
  const ratios: string[] = [];
  for (const provider of ["sqlite", "postgres"] as const) {
    const find = (system: string, endpoint: string, connections: number) => rows.find((row) => row.provider === provider && row.system === system && row.endpoint === endpoint && row.connections === connections);
    for (const [endpoint, connections] of [[REVIEWS, 1], [REVIEWS, 20], [QUEUE, 20], [ANSWERS, 20]] as const) {
      const app = find("app, this build", endpoint, connections);
      if (!app) continue;
      const parts = [`${provider.padEnd(8)} ${endpoint} @${connections}: CPU ms/req this build ${app.cpuMsPerRequest.toFixed(2)}`];
      const baseline = find("app, baseline build", endpoint, connections);
      if (baseline) parts.push(`baseline/this ${(baseline.cpuMsPerRequest / app.cpuMsPerRequest).toFixed(2)}x (req/s this/baseline ${(app.throughputPerSec / baseline.throughputPerSec).toFixed(2)})`);
      const raw = find("raw floor", endpoint, connections);
      if (raw) parts.push(`this/raw floor ${(app.cpuMsPerRequest / raw.cpuMsPerRequest).toFixed(2)}x (req/s this/raw floor ${(app.throughputPerSec / raw.throughputPerSec).toFixed(2)})`);
      const pipeline = find("app, Next.js pipeline", endpoint, connections);
      if (pipeline) parts.push(`Next.js pipeline/this ${(pipeline.cpuMsPerRequest / app.cpuMsPerRequest).toFixed(2)}x`);
      const prismaFloor = find("Prisma floor (no session)", endpoint, connections);
      if (prismaFloor) parts.push(`this/Prisma floor ${(app.cpuMsPerRequest / prismaFloor.cpuMsPerRequest).toFixed(2)}x`);
      ratios.push(parts.join("; "));
    }
  }
  return [header, ...lines, "", ...ratios].join("\n");
}
