import { describe, expect, it } from "vitest";
import { whatIf, type WhatIfAnswer } from "@/lib/strategy/what-if";

describe("what-if over a finished quiz", () => {
  const quiz: WhatIfAnswer[] = [
    { correct: true, confidence: "sure" }, // +2
    { correct: false, confidence: "sure" }, // −2/3
    { correct: true, confidence: "guess" }, // +2
    { correct: false, confidence: "guess" }, // −2/3
    { correct: false, confidence: "guess" }, // −2/3
    { correct: true, confidence: "fifty-fifty" }, // +2
    { correct: null, confidence: "fifty-fifty" }, // skipped
    { correct: null, confidence: null }, // skipped
    { correct: true, confidence: null }, // +2, no confidence: as marked
  ];

  it("scores as marked, without the guesses, and with every skipped 50-50 attempted at +2/3 expected", () => {
    const result = whatIf(quiz);
    // 4 right, 3 wrong: 8 − 2 = 6.
    expect(result.asMarked).toBe(6);
    // Without the three guesses (one right, two wrong): 3 right, 1 wrong = 6 − 2/3.
    // Marks removed: +2 − 2/3 − 2/3 = 2/3.
    expect(result.skippingGuesses).toEqual({ score: 5.33, change: -0.67, guesses: 3 });
    // One skipped 50-50 at 2 · 1/2 − 2/3 · 1/2 = 2/3.
    expect(result.attemptingFiftyFifties).toEqual({ score: 6.67, change: 0.67, skippedFiftyFifties: 1 });
  });

  it("changes nothing for a quiz answered without confidences", () => {
    const plain = whatIf([{ correct: true, confidence: null }, { correct: false, confidence: null }, { correct: null, confidence: null }]);
    expect(plain).toEqual({ asMarked: 1.33, skippingGuesses: { score: 1.33, change: 0, guesses: 0 }, attemptingFiftyFifties: { score: 1.33, change: 0, skippedFiftyFifties: 0 } });
  });

  it("does not count a skipped guess as a guess removed", () => {
    expect(whatIf([{ correct: null, confidence: "guess" }]).skippingGuesses).toEqual({ score: 0, change: 0, guesses: 0 });
  });

  it("states the change from the marks, not from two rounded scores", () => {
    // One right, five wrong: 2 − 10/3 = −1.33; without the wrong guess 2 − 8/3 = −0.67: +0.67 (from the marks), not +0.66 (from the rounded scores).
    const result = whatIf([{ correct: true, confidence: "sure" }, ...Array.from({ length: 4 }, () => ({ correct: false, confidence: "sure" as const })), { correct: false, confidence: "guess" }]);
    expect(result.asMarked).toBe(-1.33);
    expect(result.skippingGuesses).toEqual({ score: -0.67, change: 0.67, guesses: 1 });
  });
});
