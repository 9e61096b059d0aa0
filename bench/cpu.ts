/**
 * Server CPU per request, side by side in one run: `POST /api/reviews` (and the queue) through this
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
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch-database";
import { load, type LoadResult } from "./load";
import { seedLargeDatabase, type LargeDataShape } from "./seed-large";
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

const SHAPE: LargeDataShape = { users: 20, cardsPerUser: 200, logsPerCard: 5, heavyUserCards: 0 };
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
 * Waits until a server has finished what the last load window left it (autocannon stops at the window's
 * end, not its requests: on a loaded machine the server can be busy with them for seconds, and the next
 * window would measure nothing but that): until it uses under a fifth of a core over half a second, 30 s at most.
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

type System = { name: string; start(): Promise<RunningServer>; reviewUrl: string; queueUrl: string | null; headersFor(user: number): Record<string, string> };

export async function benchCpu({ provider, quick, postgresUrl, baselineDir }: CpuBenchOptions): Promise<CpuRow[]> {
  const seconds = quick ? 3 : 6;
  const database = await createScratchDatabase(provider, postgresUrl, "cpu");
  const target = resolveDatabaseTarget(database.url);
  await migrateDatabase(database.url, target);
  const db = createDb(target);
  const seeded = await seedLargeDatabase(db, provider, SHAPE);
  const cardsByUser = new Map<string, string[]>();
  for (const card of await db.card.findMany({ where: { userId: { in: seeded.users.map((user) => user.id) } }, select: { id: true, userId: true } })) {
    cardsByUser.set(card.userId, [...(cardsByUser.get(card.userId) ?? []), card.id]);
  }
  await db.$disconnect();

  // One secret for every server: the app builds accept the same session cookies, and the raw floor decodes them.
  const secret = randomBytes(32).toString("base64url");
  const basePort = benchPort(provider === "sqlite" ? 10 : 15);
  const cookies: string[] = [];
  const appUrl = (port: number) => `http://127.0.0.1:${port}`;
  const appSystem = (name: string, port: number, start: () => Promise<RunningServer>): System => ({
    name,
    start,
    reviewUrl: `${appUrl(port)}/api/reviews`,
    queueUrl: `${appUrl(port)}/api/reviews/queue?limit=20`,
    headersFor: (user) => ({ cookie: cookies[user]! }),
  });
  const systems: System[] = [
    ...(baselineDir ? [appSystem("app, baseline build", basePort, () => startNext(database.url, basePort, secret, baselineDir, "next-start"))] : []),
    // The same build and server with every route through Next.js's pipeline: what the hot routes' dispatch saves.
    appSystem("app, Next.js pipeline", basePort + 4, () => startNext(database.url, basePort + 4, secret, undefined, "next-pipeline")),
    appSystem("app, this build", basePort + 1, () => startNext(database.url, basePort + 1, secret)),
    { name: "Prisma floor (no session)", start: () => startFloor(database.url, basePort + 2), reviewUrl: `${appUrl(basePort + 2)}/review`, queueUrl: null, headersFor: (user) => ({ [FLOOR_USER_HEADER]: seeded.users[user]!.id }) },
    { name: "raw floor", start: () => startRawFloor(database.url, basePort + 3, secret), reviewUrl: `${appUrl(basePort + 3)}/review`, queueUrl: null, headersFor: (user) => ({ cookie: cookies[user]! }) },
  ];

  type Sum = { row: Omit<CpuRow, "throughputPerSec" | "p95Ms" | "cpuMsPerRequest">; cpuMs: number; seconds: number; p95s: number[] };
  const sums = new Map<string, Sum>();
  const record = (system: string, endpoint: string, result: LoadResult, cpuMs: number) => {
    const key = `${system}|${endpoint}|${result.connections}`;
    const sum = sums.get(key) ?? { row: { provider, system, endpoint, connections: result.connections, requests: 0, non2xx: 0 }, cpuMs: 0, seconds: 0, p95s: [] };
    sum.row.requests += result.requests;
    sum.row.non2xx += result.non2xx;
    sum.cpuMs += cpuMs;
    sum.seconds += seconds;
    sum.p95s.push(result.p95Ms);
    sums.set(key, sum);
  };

  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const system of round % 2 === 0 ? systems : [...systems].reverse()) {
        const server = await system.start();
        try {
          if (cookies.length === 0) for (const user of seeded.users) cookies.push(await signIn(server.baseUrl, user.email, seeded.password));
          if (system.queueUrl) await queueLoad(system, 20, quick ? 1 : 2);
          await reviewLoad(system, 20, quick ? 1 : 2);
          for (const connections of [1, 20]) {
            await untilIdle(server.pid);
            const before = processGroupCpuMs(server.pid);
            const result = await reviewLoad(system, connections, seconds);
            record(system.name, "POST /api/reviews", result, processGroupCpuMs(server.pid) - before);
          }
          if (system.queueUrl) {
            await untilIdle(server.pid);
            const before = processGroupCpuMs(server.pid);
            const result = await queueLoad(system, 20, seconds);
            record(system.name, "GET /api/reviews/queue", result, processGroupCpuMs(server.pid) - before);
          }
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await database.drop();
  }
  return [...sums.values()].map(({ row, cpuMs, seconds: total, p95s }) => ({
    ...row,
    throughputPerSec: row.requests / total,
    p95Ms: Math.max(...p95s),
    cpuMsPerRequest: cpuMs / row.requests,
  }));

  function reviewLoad(system: System, connections: number, duration: number) {
    return load({
      label: system.name,
      url: system.reviewUrl,
      method: "POST",
      connections,
      seconds: duration,
      next: (slot, sequence) => {
        const user = slot % seeded.users.length;
        const cards = cardsByUser.get(seeded.users[user]!.id)!;
        return {
          headers: system.headersFor(user),
          body: JSON.stringify({ reviewId: randomUUID(), cardId: cards[sequence % cards.length]!, rating: sequence % 4 === 0 ? "again" : "good", durationMs: 4000 }),
        };
      },
    });
  }

  function queueLoad(system: System, connections: number, duration: number) {
    return load({ label: system.name, url: system.queueUrl!, method: "GET", connections, seconds: duration, next: (slot) => ({ headers: system.headersFor(slot % seeded.users.length) }) });
  }
}

export function formatCpu(rows: readonly CpuRow[]): string {
  const header = `${"system".padEnd(28)} ${"db".padEnd(8)} ${"endpoint".padEnd(22)} ${"conns".padStart(5)} ${"req/s".padStart(7)} ${"p95 ms".padStart(7)} ${"CPU ms/req".padStart(10)} ${"non2xx".padStart(6)}`;
  const lines = rows.map(
    (row) =>
      `${row.system.padEnd(28)} ${row.provider.padEnd(8)} ${row.endpoint.padEnd(22)} ${String(row.connections).padStart(5)} ${row.throughputPerSec.toFixed(0).padStart(7)} ${row.p95Ms.toFixed(1).padStart(7)} ${row.cpuMsPerRequest.toFixed(2).padStart(10)} ${String(row.non2xx).padStart(6)}`,
  );
  const ratios: string[] = [];
  for (const provider of ["sqlite", "postgres"] as const) {
    const find = (system: string, endpoint: string, connections: number) => rows.find((row) => row.provider === provider && row.system === system && row.endpoint === endpoint && row.connections === connections);
    for (const [endpoint, connections] of [["POST /api/reviews", 1], ["POST /api/reviews", 20], ["GET /api/reviews/queue", 20]] as const) {
      const app = find("app, this build", endpoint, connections);
      if (!app) continue;
      const parts = [`${provider.padEnd(8)} ${endpoint} @${connections}: CPU ms/req this build ${app.cpuMsPerRequest.toFixed(2)}`];
      const baseline = find("app, baseline build", endpoint, connections);
      if (baseline) parts.push(`baseline/this ${(baseline.cpuMsPerRequest / app.cpuMsPerRequest).toFixed(2)}x (req/s this/baseline ${(app.throughputPerSec / baseline.throughputPerSec).toFixed(2)})`);
      const raw = find("raw floor", endpoint, connections);
      if (raw) parts.push(`this/raw floor ${(app.cpuMsPerRequest / raw.cpuMsPerRequest).toFixed(2)}x`);
      const pipeline = find("app, Next.js pipeline", endpoint, connections);
      if (pipeline) parts.push(`Next.js pipeline/this ${(pipeline.cpuMsPerRequest / app.cpuMsPerRequest).toFixed(2)}x`);
      const prismaFloor = find("Prisma floor (no session)", endpoint, connections);
      if (prismaFloor) parts.push(`this/Prisma floor ${(app.cpuMsPerRequest / prismaFloor.cpuMsPerRequest).toFixed(2)}x`);
      ratios.push(parts.join("; "));
    }
  }
  return [header, ...lines, "", ...ratios].join("\n");
}
