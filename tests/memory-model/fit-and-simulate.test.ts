import { State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/content/generate/random";
import { fitSequences } from "@/lib/memory-model/fit-job";
import { reviewSequences, trainingReviewCount } from "@/lib/memory-model/history";
import { DEFAULT_PARAMETERS, parseParameters } from "@/lib/memory-model/parameters";
import { measuringDay, simulateRetentions, type SimulationInput } from "@/lib/memory-model/simulate";
import { FAST_FORGETTER, syntheticHistory } from "../helpers/review-history";

const START = new Date("2026-01-01T00:00:00Z");

describe("fitting fsrs-rs to a history", () => {
  it("recovers, from a history whose true parameters are known, a model with lower log loss than the defaults", async () => {
    const history = syntheticHistory({ trueParameters: FAST_FORGETTER, cards: 600, newCardsPerDay: 10, start: START, days: 180, random: seededRandom("fast forgetter") });
    const sequences = reviewSequences(history.logs);
    expect(trainingReviewCount(sequences)).toBeGreaterThan(1_000);

    const fit = await fitSequences(sequences, DEFAULT_PARAMETERS);

    expect(fit.parameters).toHaveLength(21);
    expect(fit.evaluation.fitted.logLoss).toBeLessThan(fit.evaluation.default.logLoss);
    expect(fit.evaluation.fitted.rmseBins).toBeLessThan(fit.evaluation.default.rmseBins);
    // The learner's first-day stabilities are a quarter of the defaults': the fit moves every one of them down.
    for (let i = 0; i < 4; i++) expect(fit.parameters[i]).toBeLessThan(DEFAULT_PARAMETERS[i]!);
  });

  it("finds nothing to improve for a learner whose memory is the defaults' (the fit does not win by construction)", async () => {
    const history = syntheticHistory({ trueParameters: DEFAULT_PARAMETERS, cards: 600, newCardsPerDay: 10, start: START, days: 180, random: seededRandom("default learner") });
    const fit = await fitSequences(reviewSequences(history.logs), DEFAULT_PARAMETERS);
    expect(Math.abs(fit.evaluation.fitted.logLoss - fit.evaluation.default.logLoss)).toBeLessThan(0.02);
  });
});

describe("review sequences", () => {
  it("groups ratings per card in time order, in the user's days, and leaves out cards whose first rating is missing", () => {
    const at = (iso: string) => new Date(iso);
    const sequences = reviewSequences([
      { cardId: "b", rating: 3, stateBefore: State.Review, localDay: 20_010, reviewedAt: at("2024-10-15T10:00:00Z") },
      { cardId: "a", rating: 1, stateBefore: State.Review, localDay: 20_003, reviewedAt: at("2024-10-08T10:00:00Z") },
      { cardId: "a", rating: 3, stateBefore: State.New, localDay: 20_000, reviewedAt: at("2024-10-05T10:00:00Z") },
      // Stored before ReviewLog.localDay existed: its UTC day stands in.
      { cardId: "a", rating: 3, stateBefore: State.Relearning, localDay: null, reviewedAt: at("2024-10-09T10:00:00Z") },
    ]);
    expect(sequences).toEqual([{ ratings: [3, 1, 3], days: [20_000, 20_003, 20_005] }]);
    expect(trainingReviewCount(sequences)).toBe(2);
  });
});

describe("stored parameters", () => {
  it("reads 21 finite numbers and treats anything else as no parameters", () => {
    expect(parseParameters(JSON.stringify(FAST_FORGETTER))).toEqual([...FAST_FORGETTER]);
    expect(parseParameters(null)).toBeNull();
    expect(parseParameters("[1,2,3]")).toBeNull();
    expect(parseParameters("not json")).toBeNull();
    expect(parseParameters(JSON.stringify([...FAST_FORGETTER.slice(0, 20), null]))).toBeNull();
  });
});

describe("the retention simulation", () => {
  const TODAY = 20_400;
  const input = (seed: string, overrides: Partial<SimulationInput> = {}): SimulationInput => ({
    parameters: DEFAULT_PARAMETERS,
    cards: Array.from({ length: 300 }, (_, i) => ({ stability: 2 + (i % 40), difficulty: 5, lastReviewDay: TODAY - (i % 10), dueDay: TODAY + (i % 7) })),
    newCards: 600,
    newCardsPerDay: 10,
    firstRatings: [2, 0, 7, 1],
    today: TODAY,
    days: 90,
    examDay: null,
    retentions: [0.7, 0.8, 0.9, 0.95, 0.97],
    newRandom: () => seededRandom(seed),
    ...overrides,
  });

  it("is deterministic with a seed", () => {
    const first = simulateRetentions(input("same seed"));
    const second = simulateRetentions(input("same seed"));
    expect(second).toEqual(first);
    expect(simulateRetentions(input("another seed"))).not.toEqual(first);
  });

  it("costs more reviews a day, and keeps more remembered, the higher the retention", () => {
    for (const examDay of [null, TODAY + 60]) {
      const outcomes = simulateRetentions(input("growth", { examDay }));
      for (let i = 1; i < outcomes.length; i++) {
        expect(outcomes[i]!.reviewsPerDay).toBeGreaterThan(outcomes[i - 1]!.reviewsPerDay);
        expect(outcomes[i]!.remembered).toBeGreaterThan(outcomes[i - 1]!.remembered);
      }
    }
  });

  it("introduces new cards up to the daily limit, stopping a week before the exam", () => {
    const [noExam] = simulateRetentions(input("new", { retentions: [0.9] }));
    expect(noExam!.studied).toBe(300 + 600);
    const [exam] = simulateRetentions(input("new", { retentions: [0.9], examDay: TODAY + 30 }));
    expect(exam!.studied).toBe(300 + 10 * 23);
  });

  it("measures recall on the exam day when it is within a year, otherwise at the end of the period", () => {
    expect(measuringDay({ today: TODAY, days: 90, examDay: TODAY + 200 })).toBe(TODAY + 200);
    expect(measuringDay({ today: TODAY, days: 90, examDay: TODAY + 400 })).toBe(TODAY + 90);
    expect(measuringDay({ today: TODAY, days: 90, examDay: null })).toBe(TODAY + 90);
  });

  it("keeps recall on exam day near the retention, as exam mode schedules", () => {
    const [outcome] = simulateRetentions(input("exam", { retentions: [0.9], examDay: TODAY + 45, newCards: 0 }));
    expect(outcome!.remembered / outcome!.studied).toBeGreaterThanOrEqual(0.88);
  });
});
