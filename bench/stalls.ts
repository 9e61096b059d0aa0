/**
 * What the server's thread did while a background job ran, from its V8 CPU profile (`--cpu-prof`) and the
 * event-loop probe's records (bench/event-loop-probe.mjs), for `bench/memory-model.ts --profile <dir>`:
 * CPU per second of each side (during the job, without it) by function, and, for each long stall, what
 * ran in the probe's period that saw it. V8's profile clock is the monotonic clock (process.hrtime); the
 * probe writes epoch milliseconds: `epochOffsetMs` (Date.now() - hrtime in ms, taken in any process on
 * this machine) joins them.
 */
import type { Stretch } from "./windows";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

type TimedSample = { atMs: number; ms: number; node: number };

const frameName = ({ functionName, url, lineNumber }: CallFrame) => {
  const where = url.replace(/^.*\/node_modules\//, "").replace(/^file:\/\/.*?\/(app|lib|scripts|bench)\//, "$1/");
  return `${functionName || "(anonymous)"}${where ? ` ${where}:${lineNumber + 1}` : ""}`;
};

/** The profile's non-idle samples, each with its epoch time and the time it stands for (until the next). */
function samplesOf(profile: CpuProfile, epochOffsetMs: number): TimedSample[] {
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id));
  const samples: TimedSample[] = [];
  let atUs = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    atUs += profile.timeDeltas[index]!;
    const node = profile.samples[index]!;
    if (idle.has(node)) continue;
    samples.push({ atMs: atUs / 1000 + epochOffsetMs, ms: (profile.timeDeltas[index + 1] ?? 0) / 1000, node });
  }
  return samples;
}

/** Samples of a profile in which its thread was not idle: the server's main thread is the busiest of its process' threads. */
export function busySamples(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id));
  return profile.samples.filter((node) => !idle.has(node)).length;
}

/** Self time per frame, and inclusive time per frame of this project (app/, lib/, scripts/) or a package's entry frame. */
function tally(profile: CpuProfile, samples: readonly TimedSample[]) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  for (const sample of samples) {
    totalMs += sample.ms;
    const leaf = frameName(nodes.get(sample.node)!.callFrame);
    self.set(leaf, (self.get(leaf) ?? 0) + sample.ms);
    const seen = new Set<string>();
    for (let at: number | undefined = sample.node; at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      if (!/\/(app|lib|scripts)\//.test(frame.url) || frame.url.includes("/node_modules/") || frame.url.includes("/.next/")) continue;
      const name = frameName(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + sample.ms);
    }
  }
  return { totalMs, self, inclusive };
}

const top = (map: Map<string, number>, count: number) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);

/**
 * The report: per side, CPU ms per wall second on the server's thread and the frames whose self time per
 * second grew most during the job; then every probe period with a stall of at least `stallMs`, its side,
 * and the frames that ran most in it.
 */
export function stallReport(
  profile: CpuProfile,
  epochOffsetMs: number,
  stretches: readonly Stretch[],
  probe: readonly { atMs: number; delayMs: number }[],
  options: { periodMs: number; stallMs: number },
): string {
  const samples = samplesOf(profile, epochOffsetMs);
  const sideOf = (atMs: number) => stretches.find((stretch) => atMs >= stretch.startMs && atMs <= stretch.endMs);
  const lines: string[] = [];
  const perSecond: Record<"during" | "without", { seconds: number; tally: ReturnType<typeof tally> }> = {
    during: { seconds: 0, tally: tally(profile, []) },
    without: { seconds: 0, tally: tally(profile, []) },
  };
  for (const side of ["during", "without"] as const) {
    const ofSide = stretches.filter((stretch) => stretch.during === (side === "during"));
    const seconds = ofSide.reduce((sum, stretch) => sum + (stretch.endMs - stretch.startMs) / 1000, 0);
    perSecond[side] = { seconds, tally: tally(profile, samples.filter((sample) => sideOf(sample.atMs)?.during === (side === "during"))) };
    lines.push(`${side}: ${seconds.toFixed(1)} s of stretches, server thread busy ${(perSecond[side].tally.totalMs / seconds).toFixed(0)} ms per s`);
  }
  const rate = (side: "during" | "without", map: "self" | "inclusive", name: string) => (perSecond[side].tally[map].get(name) ?? 0) / perSecond[side].seconds;
  for (const map of ["self", "inclusive"] as const) {
    const names = new Set([...perSecond.during.tally[map].keys(), ...perSecond.without.tally[map].keys()]);
    const grown = [...names].map((name) => [name, rate("during", map, name) - rate("without", map, name)] as const).sort((a, b) => b[1] - a[1]).slice(0, 15);
    lines.push(`frames whose ${map} time grew most during the job (ms per s: during, without):`);
    for (const [name] of grown) lines.push(`  ${rate("during", map, name).toFixed(1).padStart(7)} ${rate("without", map, name).toFixed(1).padStart(7)}  ${name}`);
  }
  lines.push(`probe periods with a stall of ${options.stallMs} ms or more:`);
  for (const record of probe.filter((record) => record.delayMs >= options.stallMs)) {
    const stretch = sideOf(record.atMs - options.periodMs / 2);
    const side = stretch ? `${stretch.during ? "during" : "without"}, pair ${stretch.pair}` : "between stretches";
    // The stall may have begun in the period before the one that ended with it.
    const inPeriod = samples.filter((sample) => sample.atMs > record.atMs - options.periodMs - record.delayMs && sample.atMs <= record.atMs);
    const { totalMs, self, inclusive } = tally(profile, inPeriod);
    lines.push(`  ${new Date(record.atMs).toISOString().slice(11, 23)} stall ${record.delayMs.toFixed(0)} ms (${side}); ${totalMs.toFixed(0)} ms sampled`);
    for (const [name, ms] of top(self, 6)) lines.push(`      self ${ms.toFixed(0).padStart(4)} ms  ${name}`);
    for (const [name, ms] of top(inclusive, 6)) lines.push(`      incl ${ms.toFixed(0).padStart(4)} ms  ${name}`);
  }
  return lines.join("\n");
}
