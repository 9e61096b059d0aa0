import { describe, expect, it } from "vitest";
import { adviceFor, calibrate, MIN_ATTEMPTS_FOR_ADVICE, strategyReport, type ConfidentAnswer } from "@/lib/strategy/calibration";
import type { Confidence } from "@/lib/strategy/confidence";

const NOW = new Date("2026-11-29T06:00:00Z");
const DAY = 86_400_000;

function answers(confidence: Confidence | null, right: number, wrong: number, daysAgo = 1, skipped = 0): ConfidentAnswer[] {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  return [
    ...Array.from({ length: right }, () => ({ correct: true, confidence, answeredAt: at })),
    ...Array.from({ length: wrong }, () => ({ correct: false, confidence, answeredAt: at })),
    ...Array.from({ length: skipped }, () => ({ correct: null, confidence, answeredAt: at })),
  ];
}

function level(calibration: ReturnType<typeof calibrate>, confidence: Confidence) {
  return calibration.levels.find((candidate) => candidate.confidence === confidence)!;
}

describe("calibration by confidence", () => {
  it("counts attempts, right answers and skips per level, ignoring answers without a confidence", () => {
    const calibration = calibrate([...answers("sure", 9, 1), ...answers("guess", 1, 3, 1, 2), ...answers(null, 5, 5)]);
    expect(level(calibration, "sure")).toMatchObject({ attempts: 10, right: 9, skipped: 0, accuracy: 0.9 });
    expect(level(calibration, "guess")).toMatchObject({ attempts: 4, right: 1, skipped: 2, accuracy: 0.25 });
    expect(level(calibration, "fifty-fifty")).toMatchObject({ attempts: 0, accuracy: null, interval: null, expectedMarks: null, verdict: "unclear" });
    expect(calibration.answers).toBe(16);
    expect(level(calibration, "sure").expectedMarks).toBeCloseTo(0.9 * 2 - 0.1 * (2 / 3), 10);
  });

  it("splits the last 30 days from all time by the clock passed in", () => {
    const report = strategyReport([...answers("sure", 4, 0, 2), ...answers("sure", 0, 4, 31)], NOW);
    expect(level(report.recent, "sure")).toMatchObject({ attempts: 4, right: 4 });
    expect(level(report.allTime, "sure")).toMatchObject({ attempts: 8, right: 4 });
    expect(report.breakEven).toBeCloseTo(0.25, 12);
  });
});

describe("advice thresholds", () => {
  it("says too little data below the minimum, however clear the numbers look", () => {
    const nine = level(calibrate(answers("fifty-fifty", 9, 0)), "fifty-fifty");
    expect(MIN_ATTEMPTS_FOR_ADVICE).toBe(10);
    expect(nine.verdict).toBe("unclear");
    expect(adviceFor(nine)).toBe("50-50: too little data to tell (9 answered, at least 10 needed).");
  });

  it("advises attempting when the whole interval is above the break-even, in the issue's words", () => {
    // 29 of 50 = 58%, Wilson [0.442, 0.706]: above 25%.
    const fifty = level(calibrate(answers("fifty-fifty", 29, 21)), "fifty-fifty");
    expect(fifty.verdict).toBe("attempt");
    expect(adviceFor(fifty)).toBe("Your 50-50 answers are right 58% of the time: attempting them gains +0.88 marks each.");
  });

  it("advises skipping only when the whole interval is below the break-even", () => {
    // 22 of 100 = 22%, Wilson [0.150, 0.311]: straddles 25%, too little to tell.
    const straddling = level(calibrate(answers("guess", 22, 78)), "guess");
    expect(straddling.interval!.low).toBeLessThan(0.25);
    expect(straddling.interval!.high).toBeGreaterThan(0.25);
    expect(straddling.verdict).toBe("unclear");
    expect(adviceFor(straddling)).toBe("Your guesses are right 22% of the time, but it could be anywhere from 15% to 31%, either side of the 25% break-even: too little data to tell yet.");
    // 220 of 1000 = 22%, Wilson [0.196, 0.247]: below.
    const many = level(calibrate(answers("guess", 220, 780)), "guess");
    expect(many.interval!.high).toBeLessThan(0.25);
    expect(many.verdict).toBe("skip");
    expect(adviceFor(many)).toBe("Your guesses are right 22% of the time: skipping them saves 0.08 each.");
  });

  it("gives one line of advice per level from all-time numbers", () => {
    const report = strategyReport([...answers("sure", 18, 2, 40), ...answers("guess", 1, 2, 1)], NOW);
    expect(report.advice.map((advice) => advice.confidence)).toEqual(["sure", "fifty-fifty", "guess"]);
    expect(report.advice[0]).toEqual({ confidence: "sure", verdict: "attempt", text: "Your sure answers are right 90% of the time: attempting them gains +1.73 marks each." });
    expect(report.advice[2]!.verdict).toBe("unclear");
  });
});
