/**
 * `npx tsx bench/main-thread.ts --url http://localhost:3000 [--path /] [--cookie "name=value; ..."] [--cpu 4] [--runs 1]`:
 * what the browser's main thread does while a page loads, task by task, with the CPU slowed as in
 * Lighthouse's mobile preset (4x; `--cpu 1` for the machine's own speed). Lighthouse says how long each
 * long task took and which script it blames; this names what ran inside each one: the scripts evaluated
 * and the functions called (from Chromium's trace), and where the time went by script and function (its
 * sampling profiler). When the build has browser source maps (`BROWSER_SOURCE_MAPS=on npm run build`),
 * functions are named by the module they come from (`node_modules/react-dom/...`, `components/...`).
 *
 * Figures are the throttled main thread's, on a shared machine: compare them within one run.
 */
import { SourceMap } from "node:module";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> } };
type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame };
type Sample = { at: number; frame: CallFrame };

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    path: { type: "string", multiple: true },
    cookie: { type: "string" },
    cpu: { type: "string", default: "4" },
    runs: { type: "string", default: "1" },
    // A task at least this long (throttled ms) is listed with what ran in it.
    "long-task": { type: "string", default: "50" },
  },
});
const baseUrl = values.url.replace(/\/$/, "");
const longTaskUs = Number(values["long-task"]) * 1000;

const CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "v8", "disabled-by-default-v8.cpu_profiler", "blink.user_timing", "loading"];

async function traceLoad(url: string): Promise<TraceEvent[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    // Lighthouse's mobile screen (Moto G Power); a fresh context, so nothing cached and no service worker yet.
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, extraHTTPHeaders: values.cookie ? { cookie: values.cookie } : undefined });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(values.cpu) });
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: "load" });
    // Hydration, prefetches and the service worker's registration come after `load`.
    await page.waitForTimeout(6000);
    const buffer = await browser.stopTracing();
    return (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  } finally {
    await browser.close();
  }
}

const sourceMaps = new Map<string, Promise<SourceMap | null>>();
/** The script's source map, if the build published one (`//# sourceMappingURL=` at its end). */
function sourceMapOf(scriptUrl: string): Promise<SourceMap | null> {
  let map = sourceMaps.get(scriptUrl);
  if (!map) {
    map = (async () => {
      if (!scriptUrl.startsWith(baseUrl)) return null;
      const script = await (await fetch(scriptUrl)).text();
      const reference = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(script)?.[1];
      if (!reference) return null;
      const response = await fetch(new URL(reference, scriptUrl));
      if (!response.ok) return null;
      const map = (await response.json()) as { mappings: string };
      // scripts/compile-hints.ts put a line before what the map describes: an empty line of mappings for it.
      if (script.startsWith("//# allFunctionsCalledOnLoad\n")) map.mappings = `;${map.mappings}`;
      return new SourceMap(map as ConstructorParameters<typeof SourceMap>[0]);
    })().catch(() => null);
    sourceMaps.set(scriptUrl, map);
  }
  return map;
}

const shortUrl = (url: string) => (url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url || "(no script)");

/** Where a function comes from: its module when the script has a source map, else the script; `detail` adds the function and line. */
async function origin(frame: CallFrame, detail = false): Promise<string> {
  if (!frame.url) return frame.functionName || "(native)";
  const map = await sourceMapOf(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
  const source = entry?.originalSource;
  if (!source) return detail ? `${shortUrl(frame.url)} ${frame.functionName || "(anonymous)"}` : shortUrl(frame.url);
  const modulePath = decodeURIComponent(source).replace(/^.*?\/(node_modules\/)/, "$1").replace(/^.*?\[project\]\//, "").replace(/^file:\/\/\/[^ ]*?\/(app|components|lib)\//, "$1/");
  return detail ? `${modulePath}:${(entry.originalLine ?? 0) + 1} ${entry.name ?? frame.functionName ?? ""}` : modulePath;
}

function mainThreadOf(events: TraceEvent[], url: string): { pid: number; tid: number } {
  const parse = events.find((event) => event.name === "ParseHTML" && String(event.args?.beginData?.url ?? "").startsWith(url));
  if (!parse) throw new Error(`no ParseHTML of ${url} in the trace`);
  return { pid: parse.pid, tid: parse.tid };
}

function samplesOf(events: TraceEvent[], thread: { pid: number; tid: number }): Sample[] {
  const nodes = new Map<number, CallFrame>();
  const samples: Sample[] = [];
  const profiles = new Map<string, { at: number }>();
  for (const event of events) {
    if (event.pid !== thread.pid || event.ph !== "P") continue;
    const data = event.args?.data as { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    // The profile is announced on the thread it samples; its chunks come from the profiler's own thread.
    if (event.name === "Profile" && event.id && event.tid === thread.tid) profiles.set(event.id, { at: data?.startTime ?? event.ts });
    if (event.name !== "ProfileChunk" || !event.id) continue;
    const profile = profiles.get(event.id);
    if (!profile) continue;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
    const deltas = data?.timeDeltas ?? [];
    for (const [index, nodeId] of (data?.cpuProfile?.samples ?? []).entries()) {
      profile.at += deltas[index] ?? 0;
      const frame = nodes.get(nodeId);
      if (frame) samples.push({ at: profile.at, frame });
    }
  }
  return samples;
}

/** Time between consecutive samples, given to the earlier one (µs). */
function weigh(samples: Sample[]): (Sample & { us: number })[] {
  return samples.map((sample, index) => ({ ...sample, us: Math.min((samples[index + 1]?.at ?? sample.at) - sample.at, 20_000) }));
}

function describe(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  const url = typeof data.url === "string" ? shortUrl(data.url) : "";
  const what = typeof data.functionName === "string" && data.functionName ? ` ${data.functionName}` : "";
  const type = typeof data.type === "string" ? ` ${data.type}` : "";
  return `${event.name}${type}${url ? ` ${url}` : ""}${what}`;
}

const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;

async function report(path: string) {
  const url = `${baseUrl}${path}`;
  const events = await traceLoad(url);
  const thread = mainThreadOf(events, url);
  const onThread = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === "X" && event.dur !== undefined);
  const start = onThread.find((event) => event.name === "ParseHTML")?.ts ?? 0;
  const tasks = onThread.filter((event) => event.name === "RunTask" && event.ts >= start).sort((a, b) => a.ts - b.ts);
  const samples = weigh(samplesOf(events, thread).filter((sample) => sample.at >= start));

  const blockingUs = tasks.reduce((sum, task) => sum + Math.max(0, (task.dur ?? 0) - 50_000), 0);
  const busyUs = tasks.reduce((sum, task) => sum + (task.dur ?? 0), 0);
  console.log(`\n${path}: ${tasks.length} tasks, ${ms(busyUs)} busy, blocking time over 50 ms ${ms(blockingUs)} (CPU ${values.cpu}x, from the first HTML parse to 6 s after load)`);

  for (const task of tasks.filter((candidate) => (candidate.dur ?? 0) >= longTaskUs)) {
    const end = task.ts + (task.dur ?? 0);
    // What the page's code and the renderer did (the scheduler's own wrappers, category toplevel, left out).
    const inside = onThread.filter((event) => event !== task && !event.cat.includes("toplevel") && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end);
    // The task's direct children: what the event loop ran in it.
    const top = inside.filter((event) => !inside.some((outer) => outer !== event && outer.ts <= event.ts && outer.ts + (outer.dur ?? 0) >= event.ts + (event.dur ?? 0) && (outer.dur ?? 0) > (event.dur ?? 0)));
    const children = new Map<string, number>();
    for (const child of top) children.set(describe(child), (children.get(describe(child)) ?? 0) + (child.dur ?? 0));
    const bySource = new Map<string, number>();
    const byFunction = new Map<string, number>();
    for (const sample of samples.filter((candidate) => candidate.at >= task.ts && candidate.at < end)) {
      const key = await origin(sample.frame);
      bySource.set(key, (bySource.get(key) ?? 0) + sample.us);
      const fn = await origin(sample.frame, true);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + sample.us);
    }
    const list = (entries: Map<string, number>, count: number) =>
      [...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([name, us]) => `${name} ${ms(us)}`)
        .join("; ");
    console.log(`  task at ${ms(task.ts - start)}, ${ms(task.dur ?? 0)}: ${list(children, 4)}`);
    console.log(`    sampled: ${list(bySource, 8)}`);
    console.log(`    functions: ${list(byFunction, 6)}`);
  }

  const everywhere = new Map<string, number>();
  for (const sample of samples) {
    const key = await origin(sample.frame);
    everywhere.set(key, (everywhere.get(key) ?? 0) + sample.us);
  }
  console.log(`  all sampled time by source: ${[...everywhere].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, us]) => `${name} ${ms(us)}`).join("; ")}`);
}

async function main() {
  for (const path of values.path ?? ["/"]) {
    for (let run = 0; run < Number(values.runs); run++) await report(path);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
