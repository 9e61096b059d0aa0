import type { ItemType } from "@/lib/content/item-types";
import { seededRandom, shuffled, type Random } from "@/lib/content/generate/random";
import type { Candidate } from "./assemble";

/** The most questions a mock paper has: the Prelims GS-I paper's 100. */
export const PAPER_QUESTIONS = 100;

/** Questions per 100 of each format (an ItemType). */
export type PaperMix = Readonly<Record<string, number>>;

/**
 * The formats of a mock paper, in questions per 100, after Prelims GS-I since 2023 (REVIEWING.md's
 * "UPSC shapes"): about 27 of the 2025 paper's 100 asked "how many of the above" (statements, pairs or
 * a list), and statement codes, Statement-I/Statement-II and single-answer questions make most of the
 * rest. The split among the smaller formats is our reading of recent papers, not an official count;
 * it only has to keep a mock paper from being all of one format. Sums to 100.
 */
export const PAPER_MIX: PaperMix = {
  mcq: 30,
  "statements-which": 18,
  "statements-how-many": 18,
  "assertion-reason": 10,
  "match-pairs": 6,
  "best-description": 6,
  "list-count": 5,
  membership: 4,
  chronology: 3,
} satisfies Partial<Record<ItemType, number>>;

/**
 * How many questions of each format a paper of `size` questions asks: the mix scaled to the size and
 * rounded by largest remainder (ties to the larger share), so the counts always sum to `size`.
 */
export function paperQuotas(size: number, mix: PaperMix = PAPER_MIX): Map<string, number> {
  const entries = Object.entries(mix).filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0);
  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  const exact = entries.map(([type, share]) => ({ type, share, exact: (size * share) / total }));
  const quotas = new Map(exact.map(({ type, exact: value }) => [type, Math.floor(value)]));
  let left = size - [...quotas.values()].reduce((sum, count) => sum + count, 0);
  const byRemainder = [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || b.share - a.share || a.type.localeCompare(b.type));
  for (const { type } of byRemainder) {
    if (left <= 0) break;
    quotas.set(type, quotas.get(type)! + 1);
    left--;
  }
  return quotas;
}

/**
 * Picks a mock paper's questions: each format up to its quota (paperQuotas), taking candidates in the
 * them within a format in a seeded random order (`preferred` candidates, such as those not in the
 * user's earlier papers, first); formats the bank is short of are filled from the
 * other formats, largest share first, so a paper is as long as the bank allows up to `size`. Never two
 * questions of one fact (siblingKeys), as in every quiz. The order is then shuffled, as the real paper
 * mixes its formats.
 */
export function selectPaperQuestions(
  candidates: readonly Candidate[],
  size: number,
  seed: string | Random,
  options: { preferred?: (candidate: Candidate) => boolean; mix?: PaperMix } = {},
): Candidate[] {
  const random = typeof seed === "string" ? seededRandom(`${seed}:paper`) : seed;
  const mix = options.mix ?? PAPER_MIX;
  const byType = new Map<string, Candidate[]>();
  for (const candidate of shuffled(candidates, random)) {
    if (!(candidate.type in mix)) continue;
    const group = byType.get(candidate.type);
    if (group) group.push(candidate);
    else byType.set(candidate.type, [candidate]);
  }
  const { preferred } = options;
  if (preferred) for (const [type, group] of byType) byType.set(type, [...group.filter(preferred), ...group.filter((candidate) => !preferred(candidate))]);

  const chosen: Candidate[] = [];
  const keysAsked = new Set<string>();
  const taken = new Set<string>();
  const take = (candidate: Candidate) => {
    if (taken.has(candidate.itemId) || candidate.siblingKeys.some((key) => keysAsked.has(key))) return false;
    chosen.push(candidate);
    taken.add(candidate.itemId);
    for (const key of candidate.siblingKeys) keysAsked.add(key);
    return true;
  };
  const quotas = paperQuotas(size, mix);
  for (const [type, quota] of quotas) {
    let count = 0;
    for (const candidate of byType.get(type) ?? []) {
      if (count >= quota) break;
      if (take(candidate)) count++;
    }
  }
  // Short formats: the rest of the paper from the other formats in turn, largest share first.
  const order = [...quotas.keys()].sort((a, b) => (mix[b] ?? 0) - (mix[a] ?? 0) || a.localeCompare(b));
  const queues = order.map((type) => (byType.get(type) ?? []).filter((candidate) => !taken.has(candidate.itemId)));
  for (let round = 0; chosen.length < size && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      if (chosen.length >= size) break;
      const candidate = queue[round];
      if (candidate) take(candidate);
    }
  }
  return shuffled(chosen, random);
}
