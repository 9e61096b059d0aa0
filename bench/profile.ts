/**
 * `npx tsx bench/profile.ts [--postgres] [--endpoint review|queue|answer] [--connections 20] [--seconds 15] [--keep <dir>]`
 * (with BENCH_PORT and TEST_POSTGRES_URL as for `npm run bench`; needs a production build): where the
 * app server's CPU goes on one hot route under load. The app is served as `npm start` serves it
 * (scripts/serve.ts) on bench/cpu.ts's data set with V8's sampling profiler on (`--cpu-prof`), warmed up,
 * loaded by bench/load.ts with bench/cpu.ts's load of that route, then stopped. Only samples taken during
 * the load window count (V8's profile clock and process.hrtime are both the monotonic clock). Each sample
 * goes to the first group below with a frame on its stack, so the UserSession read counts under the
 * session check, and ts-fsrs under itself wherever it is called from; the functions with the most self
 * time follow. `--keep <dir>` keeps the .cpuprofile files (Chrome's DevTools open them).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { answerLoadOf, prepareCpuData, queueLoadOf, reviewLoadOf, untilIdle, USERS_PER_LOAD } from "./cpu";
import { load, type NextRequest } from "./load";
import { benchPort, signIn, startNext, stopWritingProfile } from "./server";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

const inPackage = (name: string) => (frame: CallFrame) => frame.url.includes(`/node_modules/${name}/`);
const inApp = (file: RegExp) => (frame: CallFrame) => !frame.url.includes("/node_modules/") && file.test(frame.url);
const named = (names: string[], file: RegExp) => (frame: CallFrame) => names.includes(frame.functionName) && inApp(file)(frame);
const any =
  (...tests: ((frame: CallFrame) => boolean)[]) =>
  (frame: CallFrame) =>
    tests.some((test) => test(frame));

const isWebObjects = any(
  inApp(/\/scripts\/serve\.ts$/),
  inPackage("next"),
  (frame) => frame.url.startsWith("node:internal/deps/undici") || frame.url.startsWith("node:internal/webstreams"),
);
const isAppCode = inApp(/\/(app|lib)\/.*\.tsx?$/);

/** The groups, in the order a sample is matched against them (see the file's comment). */
const GROUPS: { name: string; matches(stack: readonly CallFrame[]): boolean }[] = [
  { name: "GC", matches: ([leaf]) => leaf!.functionName === "(garbage collector)" },
  { name: "(program): native work V8 gives no function (syscalls, libuv, the parser's C++)", matches: ([leaf]) => leaf!.functionName === "(program)" },
  {
    name: "session check: cookie, token (its kept decode), UserSession read",
    matches: (stack) => stack.some(any(inApp(/\/lib\/auth\//), inPackage("next-auth"), inPackage("jose"), inPackage("@panva/hkdf"))),
  },
  { name: "ts-fsrs: scheduling, previews", matches: (stack) => stack.some(inPackage("ts-fsrs")) },
  { name: "zod", matches: (stack) => stack.some(any(inPackage("zod"), named(["validate"], /\/app\/api\/_shared\/handler\.ts$/))) },
  {
    name: "reading the body (dispatcher and route)",
    matches: (stack) => stack.some(any(named(["readUpTo"], /\/scripts\/serve\.ts$/), named(["readBody", "readJson"], /\/app\/api\/_shared\/handler\.ts$/))),
  },
  {
    name: "hot SQL: Kysely's compile, statements, driver",
    matches: (stack) => stack.some(any(inApp(/\/lib\/db\/hot-sql\.ts$/), inPackage("kysely"), inPackage("better-sqlite3"), inPackage("pg"), inPackage("pg-protocol"), inPackage("pg-pool"), inPackage("pg-types"))),
  },
  { name: "Prisma", matches: (stack) => stack.some(any(inPackage("@prisma/client"), inPackage(".prisma"), inApp(/\/lib\/db\/generated\//))) },
  // The nearest of the two to the leaf decides: lib code called from the dispatcher is the route's.
  { name: "dispatcher and route wrapper: NextRequest, Headers, Request/Response, web streams", matches: (stack) => isWebObjects(stack.find(any(isWebObjects, isAppCode)) ?? { functionName: "", url: "", lineNumber: 0 }) },
  { name: "route and lib code (the rest)", matches: (stack) => stack.some(isAppCode) },
  { name: "node: HTTP parsing and writing, sockets, timers", matches: (stack) => stack.some((frame) => frame.url.startsWith("node:")) },
  { name: "other (builtins: JSON, crypto, Intl, ...)", matches: () => true },
];

const option = (flag: string) => {
  const index = process.argv.indexOf(flag);
  return index === -1 ? undefined : process.argv[index + 1];
};
const microseconds = () => Number(process.hrtime.bigint() / 1000n);

async function main() {
  const provider = process.argv.includes("--postgres") ? "postgres" : "sqlite";
  const endpoint = option("--endpoint") ?? "review";
  const connections = Number(option("--connections") ?? 20);
  const seconds = Number(option("--seconds") ?? 15);
  const keep = option("--keep");
  const profileDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "smriti-profile-"));
  fs.mkdirSync(profileDir, { recursive: true });
  const data = await prepareCpuData(provider, process.env.TEST_POSTGRES_URL);
  const port = benchPort(8);
  const secret = randomBytes(32).toString("base64url");
  let window = { fromUs: 0, toUs: 0 };
  try {
    const server = await startNext(data.database.url, port, secret, undefined, "app", ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=250"]);
    try {
      const cookies: string[] = [];
      for (const user of data.seeded.users) cookies.push(await signIn(server.baseUrl, user.email, data.seeded.password));
      const headersFor = (user: number) => ({ cookie: cookies[user]! });
      const [url, method, next]: [string, "GET" | "POST", () => NextRequest] =
        endpoint === "queue"
          ? [`${server.baseUrl}/api/reviews/queue?limit=20`, "GET", () => queueLoadOf(headersFor)]
          : endpoint === "answer"
            ? [server.baseUrl, "POST", () => answerLoadOf(data, headersFor)]
            : [`${server.baseUrl}/api/reviews`, "POST", () => reviewLoadOf(data, headersFor)];
      await load({ label: "warm-up", url, method, connections: USERS_PER_LOAD, seconds: 3, next: next() });
      await untilIdle(server.pid);
      window = { fromUs: microseconds(), toUs: 0 };
      const result = await load({ label: endpoint, url, method, connections, seconds, next: next() });
      window.toUs = microseconds();
      console.log(`${endpoint} on ${provider} at ${connections} connections: ${result.requests} requests in ${result.seconds.toFixed(1)} s, ${result.non2xx} non-2xx, ${result.errors} errors; load average ${os.loadavg().map((value) => value.toFixed(1)).join(" ")}`);
    } finally {
      await stopWritingProfile(server.pid, profileDir);
      await server.stop();
    }
  } finally {
    await data.close();
  }

  // The launcher (tsx) writes a profile too: the server's is the one busy in the window.
  const analysed = fs
    .readdirSync(profileDir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => analyse(JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile, window.fromUs, window.toUs))
    .sort((a, b) => b.totalMs - a.totalMs)[0];
  if (!analysed) throw new Error(`no profile was written in ${profileDir}`);
  const share = (ms: number) => `${((100 * ms) / analysed.totalMs).toFixed(1)} %`;
  console.log(`\n${analysed.totalMs.toFixed(0)} ms of CPU sampled in the window (idle excluded)\n`);
  console.log("| group | self ms | share |\n| --- | ---: | ---: |");
  for (const { name } of GROUPS) {
    const ms = analysed.groups.get(name) ?? 0;
    if (ms > 0) console.log(`| ${name} | ${ms.toFixed(0)} | ${share(ms)} |`);
  }
  console.log("\nTop functions by self time:\n| function | self ms | share |\n| --- | ---: | ---: |");
  for (const [name, ms] of [...analysed.functions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`| ${name} | ${ms.toFixed(0)} | ${share(ms)} |`);
  if (!keep) fs.rmSync(profileDir, { recursive: true, force: true });
}

/** Self time per group and per function of the samples taken between fromUs and toUs. */
function analyse(profile: CpuProfile, fromUs: number, toUs: number) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const groupOf = new Map<number, string>();
  const group = (id: number) => {
    let name = groupOf.get(id);
    if (name === undefined) {
      const stack: CallFrame[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) stack.push(nodes.get(at)!.callFrame);
      name = GROUPS.find((candidate) => candidate.matches(stack))!.name;
      groupOf.set(id, name);
    }
    return name;
  };
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  let at = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    at += profile.timeDeltas[index]!;
    if (at < fromUs || at > toUs) continue;
    const node = nodes.get(profile.samples[index]!)!;
    if (node.callFrame.functionName === "(idle)") continue;
    // A sample stands for the time until the next one.
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    totalMs += ms;
    groups.set(group(node.id), (groups.get(group(node.id)) ?? 0) + ms);
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*?\/(app|lib|scripts|bench)\//, "$1/");
    const name = `${functionName || "(anonymous)"}${where ? ` ${where}:${lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  return { totalMs, groups, functions };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
