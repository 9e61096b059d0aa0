import { createEmptyCard, default_w, forgetting_curve, State, type Card as FsrsCard } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { factRecallAt, guessWhenNotRecalled, itemRecall, predictPaperScore, whenNotRecalledFrom, type PaperItem } from "@/lib/readiness/predicted-score";

const EXAM_START = new Date("2027-05-23T18:30:00Z");

function reviewCard(stability: number, lastReview: Date): FsrsCard {
  return { due: EXAM_START, stability, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 4, lapses: 0, state: State.Review, last_review: lastReview };
}

/** `count` single-answer questions of one fact each, f0…, with four options. */
const singleFactItems = (count: number, type = "mcq"): PaperItem[] => Array.from({ length: count }, (_, index) => ({ id: `${type}:${index}`, type, factIds: [`f${index}`], subjects: [], options: 4 }));
const recallOfAll = (items: readonly PaperItem[], value: number) => new Map(items.flatMap((item) => item.factIds.map((factId) => [factId, value] as const)));

describe("factRecallAt", () => {
  it("is the best exam-day recall among the cards that ask a fact, ignoring cards never studied", () => {
    const weak = reviewCard(2, new Date("2027-05-01T00:00:00Z"));
    const strong = reviewCard(200, new Date("2027-05-13T18:30:00Z"));
    const recall = factRecallAt(
      [
        { factIds: ["a"], card: weak },
        { factIds: ["a", "b"], card: strong },
        { factIds: ["c"], card: createEmptyCard(EXAM_START) },
      ],
      EXAM_START,
    );
    // Ten whole days after the strong card's review, on ts-fsrs' own forgetting curve.
    expect(recall.get("a")).toBe(forgetting_curve(default_w, 10, 200));
    expect(recall.get("b")).toBe(recall.get("a"));
    expect(recall.has("c")).toBe(false);
  });
});

describe("itemRecall", () => {
  it("needs every fact of a question: the product of their recalls, 0 for a fact never studied", () => {
    const recall = new Map([
      ["a", 0.9],
      ["b", 0.5],
    ]);
    expect(itemRecall({ factIds: ["a", "b"] }, recall)).toBeCloseTo(0.45, 12);
    expect(itemRecall({ factIds: ["a", "unknown"] }, recall)).toBe(0);
  });
});

describe("predictPaperScore", () => {
  const items = singleFactItems(150);

  it("is every mark with certain recall, and nothing when nothing is recalled and the learner skips", () => {
    expect(predictPaperScore({ items, recall: recallOfAll(items, 1), seed: "s", simulations: 50 })).toEqual({ median: 200, low: 200, high: 200, questions: 100, maxScore: 200, simulations: 50 });
    expect(predictPaperScore({ items, recall: new Map(), seed: "s", simulations: 50 })).toMatchObject({ median: 0, low: 0, high: 0 });
  });

  it("is twice a binomial count at recall 0.5 when the learner skips what they do not recall", () => {
    // Right answers ~ Binomial(100, 0.5): mean 50, sd 5, so the marks' 10th to 90th percentile is about 2 × (50 ± 6.4).
    const predicted = predictPaperScore({ items, recall: recallOfAll(items, 0.5), seed: "binomial", simulations: 2000 })!;
    expect(predicted.median).toBeGreaterThanOrEqual(98);
    expect(predicted.median).toBeLessThanOrEqual(102);
    expect(predicted.low).toBeGreaterThanOrEqual(84);
    expect(predicted.low).toBeLessThanOrEqual(90);
    expect(predicted.high).toBeGreaterThanOrEqual(110);
    expect(predicted.high).toBeLessThanOrEqual(116);
  });

  it("with blind guessing among four options gains nothing on average: +2 a quarter of the time, −2/3 the rest", () => {
    const predicted = predictPaperScore({ items, recall: new Map(), seed: "guess", simulations: 2000, whenNotRecalled: guessWhenNotRecalled })!;
    expect(Math.abs(predicted.median)).toBeLessThanOrEqual(2);
    expect(predicted.low).toBeLessThan(-5);
    expect(predicted.high).toBeGreaterThan(5);
  });

  it("uses the learner's calibration: guesses that paid (40 % right) are attempted at that rate, others skipped", () => {
    // 100 unrecalled questions guessed at 40 %: 40 × 2 − 60 × 2/3 = +40 marks on average.
    const paying = predictPaperScore({ items, recall: new Map(), seed: "own", simulations: 2000, whenNotRecalled: whenNotRecalledFrom({ verdict: "attempt", accuracy: 0.4 }) })!;
    expect(paying.median).toBeGreaterThanOrEqual(34);
    expect(paying.median).toBeLessThanOrEqual(46);
    for (const guesses of [{ verdict: "unclear", accuracy: 0.4 }, { verdict: "skip", accuracy: 0.1 }] as const) {
      expect(predictPaperScore({ items, recall: new Map(), seed: "own", simulations: 50, whenNotRecalled: whenNotRecalledFrom(guesses) })).toMatchObject({ median: 0, low: 0, high: 0 });
    }
  });

  it("is the same for the same seed, and differs for another", () => {
    const recall = recallOfAll(items, 0.6);
    const run = (seed: string) => predictPaperScore({ items, recall, seed, simulations: 200 });
    expect(run("a")).toEqual(run("a"));
    expect(run("a")).not.toEqual(run("b"));
  });

  it("never falls when any fact is recalled better, under either model", () => {
    const random = seededSequence(7);
    for (const whenNotRecalled of [undefined, guessWhenNotRecalled]) {
      for (let trial = 0; trial < 5; trial++) {
        const before = new Map(items.map((item) => [item.factIds[0]!, random()]));
        const after = new Map([...before].map(([factId, r]) => [factId, random() < 0.3 ? Math.min(1, r + random() * 0.5) : r]));
        const seed = `monotone-${trial}`;
        const low = predictPaperScore({ items, recall: before, seed, simulations: 100, whenNotRecalled })!;
        const high = predictPaperScore({ items, recall: after, seed, simulations: 100, whenNotRecalled })!;
        expect(high.median).toBeGreaterThanOrEqual(low.median);
        expect(high.low).toBeGreaterThanOrEqual(low.low);
        expect(high.high).toBeGreaterThanOrEqual(low.high);
      }
    }
  });

  it("draws papers in the paper's mix, as long as the bank allows, and is null without exam formats", () => {
    const small = singleFactItems(30);
    expect(predictPaperScore({ items: small, recall: recallOfAll(small, 1), seed: "s", simulations: 10 })).toMatchObject({ questions: 30, maxScore: 60, median: 60 });
    // Only the statements are known.
    const mixed = [...singleFactItems(40, "mcq"), ...singleFactItems(40, "statements-which").map((item) => ({ ...item, factIds: [`s${item.id}`] }))];
    const known = new Map(mixed.filter((item) => item.type === "statements-which").map((item) => [item.factIds[0]!, 1]));
    const formatsOnly = predictPaperScore({ items: mixed, recall: known, seed: "s", simulations: 20, size: 10 })!;
    // 10 questions: quotas of 3 single-answer and 2 statements; the absent formats' 5 are filled in turn,
    // largest share first (single-answer, statements, …): 6 and 4, so every paper has 4 known questions.
    expect(formatsOnly).toMatchObject({ questions: 10, low: 8, median: 8, high: 8 });
    expect(predictPaperScore({ items: singleFactItems(10, "flashcard"), recall: new Map(), seed: "s" })).toBeNull();
  });
});

function seededSequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
