import type { Card as FsrsCard, FSRS } from "ts-fsrs";
import { seededRandom } from "@/lib/content/generate/random";
import { siblingKeysOf } from "@/lib/quiz/assemble";
import { scoreOfCounts, scoreQuiz } from "@/lib/quiz/marking";
import { PAPER_QUESTIONS, selectPaperQuestions } from "@/lib/quiz/paper-mix";
import { isStudied, recallAt } from "./recall";

/** A bank question a simulated paper may ask: its format, the facts it needs, and how many options it offers. */
export type PaperItem = { id: string; type: string; factIds: readonly string[]; subjects: readonly string[]; options: number };

/** One of the user's cards with the facts of its item. */
export type FactCard = { factIds: readonly string[]; card: FsrsCard };

/**
 * What the learner does with a question whose facts they do not recall, given a uniform draw in [0, 1)
 * made for that question: true right, false wrong, null skipped. The draw is made whether or not it is
 * used, so every model keeps the simulation monotone in recall.
 */
export type WhenNotRecalled = (item: PaperItem, draw: number) => boolean | null;

/** The default model: a learner who does not recall the facts skips (no marks either way), as coaching advises. */
export const skipWhenNotRecalled: WhenNotRecalled = () => null;

/** A blind guess among the options: right one time in `options`, and −2/3 otherwise. */
export const guessWhenNotRecalled: WhenNotRecalled = (item, draw) => draw < 1 / Math.max(1, item.options);

/**
 * The learner's own record (lib/strategy calibration of their "guess" answers): a question whose facts
 * they do not recall is a guess. Attempted only when their guesses have paid (verdict "attempt": the
 * whole accuracy interval above the break-even), and then right at their guess accuracy; otherwise
 * skipped, as coaching advises and as the default model does.
 */
export function whenNotRecalledFrom(guesses: { verdict: "attempt" | "skip" | "unclear"; accuracy: number | null }): WhenNotRecalled {
  if (guesses.verdict !== "attempt" || guesses.accuracy === null) return skipWhenNotRecalled;
  const accuracy = guesses.accuracy;
  return (_item, draw) => draw < accuracy;
}

export type PredictedScore = {
  /** Median marks of the simulated papers, and the 10th and 90th percentiles: an 80 % interval. */
  median: number;
  low: number;
  high: number;
  /**
   * Questions in the median simulated paper (fewer than 100 while the bank cannot fill one without two
   * questions of one fact; papers differ by a few) and its maximum marks.
   */
  questions: number;
  maxScore: number;
  simulations: number;
};

// 500 papers put the 10th and 90th percentiles within a mark or so of where 10,000 do, at a tenth of the work.
export const DEFAULT_SIMULATIONS = 500;

/**
 * Each fact's recall on exam day: the best FSRS retrievability, at `examStart`, among the user's studied
 * cards that ask it (its flashcard, or a quiz question of it); facts never studied are left out (0).
 */
export function factRecallAt(cards: readonly FactCard[], examStart: Date, scheduler?: FSRS): Map<string, number> {
  const recall = new Map<string, number>();
  for (const { factIds, card } of cards) {
    if (!isStudied(card)) continue;
    const r = recallAt(card, examStart, scheduler);
    for (const factId of factIds) recall.set(factId, Math.max(recall.get(factId) ?? 0, r));
  }
  return recall;
}

/** The chance of recalling everything a question needs: each of its facts independently (one weak statement sinks it). */
export function itemRecall(item: Pick<PaperItem, "factIds">, recall: ReadonlyMap<string, number>): number {
  return item.factIds.reduce((product, factId) => product * (recall.get(factId) ?? 0), 1);
}

/**
 * The predicted score on a paper drawn from the bank on exam day, by simulation: each simulated paper
 * is drawn in the paper's mix of formats (selectPaperQuestions), each question is answered right with
 * the chance of recalling all of its facts, and otherwise as `whenNotRecalled` says (skipped by
 * default); marks are summed under UPSC marking. Reports the median and an 80 % interval (10th to 90th
 * percentile, nearest rank). Deterministic for a seed; never lower for higher recall of any fact.
 * Null when the bank has no question in the paper's formats.
 */
export function predictPaperScore(input: {
  items: readonly PaperItem[];
  recall: ReadonlyMap<string, number>;
  seed: string;
  size?: number;
  simulations?: number;
  whenNotRecalled?: WhenNotRecalled;
}): PredictedScore | null {
  const { items, recall, seed } = input;
  const size = input.size ?? PAPER_QUESTIONS;
  const simulations = input.simulations ?? DEFAULT_SIMULATIONS;
  const whenNotRecalled = input.whenNotRecalled ?? skipWhenNotRecalled;
  const byId = new Map(items.map((item) => [item.id, item]));
  const candidates = items.map((item) => ({ itemId: item.id, topic: "", type: item.type, siblingKeys: siblingKeysOf(item) }));
  const chanceOf = new Map(items.map((item) => [item.id, itemRecall(item, recall)]));
  const random = seededRandom(`${seed}:predicted-score`);

  const scores: number[] = [];
  const lengths: number[] = [];
  for (let simulation = 0; simulation < simulations; simulation++) {
    const paper = selectPaperQuestions(candidates, size, random);
    if (paper.length === 0) return null;
    lengths.push(paper.length);
    const outcomes = paper.map(({ itemId }) => {
      const recallDraw = random();
      const guessDraw = random();
      return recallDraw < chanceOf.get(itemId)! ? true : whenNotRecalled(byId.get(itemId)!, guessDraw);
    });
    scores.push(scoreQuiz(outcomes).score);
  }
  const percentile = (values: number[], p: number) => values[Math.min(values.length - 1, Math.max(0, Math.ceil(p * values.length) - 1))]!;
  scores.sort((a, b) => a - b);
  lengths.sort((a, b) => a - b);
  const questions = percentile(lengths, 0.5);
  return { median: percentile(scores, 0.5), low: percentile(scores, 0.1), high: percentile(scores, 0.9), questions, maxScore: scoreOfCounts(0, 0, questions).maxScore, simulations };
}
