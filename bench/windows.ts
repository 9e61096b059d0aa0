/**
 * Figures over the windows of one long load, for a question one window with and one without cannot settle
 * on a noisy machine (docs/performance.md: two windows without differed by 0.38 to 1.66): does a
 * background job raise the p95 of other users' requests? The load runs throughout while the job is, in
 * turn, left alone (a stretch without) and run (a stretch during); each stretch is cut into short windows
 * with a p95 each. A pair is a job's stretch and the stretch without just before it: the job's effect is,
 * per pair, the median p95 of its windows over the median p95 of the windows without, and over the run the
 * median of those ratios, with a permutation p-value and a bootstrap interval that move windows only
 * within their pair, so that the machine's drift between pairs is never read as the job's effect.
 */
import type { Random } from "@/lib/content/generate/random";
import { percentile } from "./load";

/** One answer of the load: when it came (epoch ms) and how long it took. */
export type Sample = { atMs: number; latencyMs: number };

/** A stretch of the load without the job or while it ran (epoch ms); `pair` joins a job's stretch to the one without before it. */
export type Stretch = { pair: number; during: boolean; startMs: number; endMs: number };

export type Window = { pair: number; during: boolean; p95Ms: number; requests: number };

/** Fewer answers than this in a window make its p95 its maximum: such windows are left out. */
const MIN_WINDOW_REQUESTS = 20;

/** Each stretch cut into whole windows of `windowMs` from its start (the rest left out), with the p95 of the answers that came in each. */
export function windowsOf(samples: readonly Sample[], stretches: readonly Stretch[], windowMs: number): Window[] {
  const sorted = [...samples].sort((a, b) => a.atMs - b.atMs);
  const firstAtOrAfter = (atMs: number) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]!.atMs < atMs) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const windows: Window[] = [];
  for (const stretch of stretches) {
    for (let start = stretch.startMs; start + windowMs <= stretch.endMs; start += windowMs) {
      const latencies = sorted
        .slice(firstAtOrAfter(start), firstAtOrAfter(start + windowMs))
        .map((sample) => sample.latencyMs)
        .sort((a, b) => a - b);
      if (latencies.length < MIN_WINDOW_REQUESTS) continue;
      windows.push({ pair: stretch.pair, during: stretch.during, p95Ms: percentile(latencies, 0.95), requests: latencies.length });
    }
  }
  return windows;
}

export type Effect = {
  /** The median over pairs of (median window p95 during the job / median window p95 without it). */
  ratio: number;
  /** Each pair's ratio, in order. */
  pairRatios: number[];
  /** 90% bootstrap interval of `ratio`: each pair's windows resampled on each side. */
  interval: [number, number];
  /** Two-sided: the share of shuffles of the labels within each pair whose ratio is as far from 1 (in log) as the one seen. */
  pValue: number;
  windows: { during: number; without: number };
};

type Pair = { during: number[]; without: number[] };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ratioOf = (pairs: readonly Pair[]) => median(pairs.map((pair) => median(pair.during) / median(pair.without)));

/** The job's effect over the windows (null when no pair has windows on both sides); `random` seeds the shuffles and resamples. */
export function effectOf(windows: readonly Window[], random: Random, rounds = 2_000): Effect | null {
  const byPair = new Map<number, Pair>();
  for (const window of windows) {
    const pair = byPair.get(window.pair) ?? { during: [], without: [] };
    (window.during ? pair.during : pair.without).push(window.p95Ms);
    byPair.set(window.pair, pair);
  }
  const pairs = [...byPair.entries()].sort(([a], [b]) => a - b).map(([, pair]) => pair).filter((pair) => pair.during.length > 0 && pair.without.length > 0);
  if (pairs.length === 0) return null;
  const ratio = ratioOf(pairs);
  const pick = (values: readonly number[]) => values[Math.floor(random() * values.length)]!;

  let asFar = 0;
  for (let round = 0; round < rounds; round++) {
    const shuffled = pairs.map(({ during, without }) => {
      const pooled = [...during, ...without];
      for (let i = pooled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pooled[i], pooled[j]] = [pooled[j]!, pooled[i]!];
      }
      return { during: pooled.slice(0, during.length), without: pooled.slice(during.length) };
    });
    if (Math.abs(Math.log(ratioOf(shuffled))) >= Math.abs(Math.log(ratio)) - 1e-12) asFar++;
  }
  const resampled = Array.from({ length: rounds }, () =>
    ratioOf(pairs.map(({ during, without }) => ({ during: during.map(() => pick(during)), without: without.map(() => pick(without)) }))),
  ).sort((a, b) => a - b);

  return {
    ratio,
    pairRatios: pairs.map((pair) => median(pair.during) / median(pair.without)),
    interval: [percentile(resampled, 0.05), percentile(resampled, 0.95)],
    pValue: (asFar + 1) / (rounds + 1),
    windows: { during: pairs.reduce((sum, pair) => sum + pair.during.length, 0), without: pairs.reduce((sum, pair) => sum + pair.without.length, 0) },
  };
}

/** The longest delay in any of the records (each the longest of its last `periodMs`, ending at atMs) that fall wholly within a stretch of the side. */
export function longestDelay(records: readonly { atMs: number; delayMs: number }[], stretches: readonly Stretch[], during: boolean, periodMs: number): number {
  const inside = records.filter((record) => stretches.some((stretch) => stretch.during === during && record.atMs - periodMs >= stretch.startMs && record.atMs <= stretch.endMs));
  return inside.reduce((longest, record) => Math.max(longest, record.delayMs), 0);
}

/** The medians of the window p95s on each side, over all pairs. */
export function medianP95s(windows: readonly Window[]): { during: number; without: number } {
  return {
    during: median(windows.filter((window) => window.during).map((window) => window.p95Ms)),
    without: median(windows.filter((window) => !window.during).map((window) => window.p95Ms)),
  };
}
