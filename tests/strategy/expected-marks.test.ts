import { describe, expect, it } from "vitest";
import { BREAK_EVEN_ACCURACY, expectedMarks, wilsonInterval } from "@/lib/strategy/expected-marks";

describe("expected marks under UPSC marking (+2 / −2/3)", () => {
  it("are +2 for a sure thing, −2/3 for a sure miss and 0 at the break-even of a quarter", () => {
    expect(expectedMarks(1)).toBe(2);
    expect(expectedMarks(0)).toBeCloseTo(-0.6667, 4);
    expect(BREAK_EVEN_ACCURACY).toBeCloseTo(0.25, 12);
    expect(expectedMarks(0.25)).toBeCloseTo(0, 12);
  });

  it("match the issue's worked numbers: 58% gains +0.88, 22% loses 0.08", () => {
    // 0.58 · 2 − 0.42 · 2/3 = 1.16 − 0.28; 0.22 · 2 − 0.78 · 2/3 = 0.44 − 0.52.
    expect(expectedMarks(0.58)).toBeCloseTo(0.88, 10);
    expect(expectedMarks(0.22)).toBeCloseTo(-0.08, 10);
    // A 50-50 between two options: 1 − 1/3.
    expect(expectedMarks(0.5)).toBeCloseTo(2 / 3, 12);
  });
});

describe("Wilson 95% interval", () => {
  it("is null without trials", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("matches published values", () => {
    // Reference: 7/10 → [0.3968, 0.8922]; 0/10 → [0, 0.2775]; 50/100 → [0.4038, 0.5962] (Wilson 1927, z = 1.96).
    const seven = wilsonInterval(7, 10)!;
    expect(seven.low).toBeCloseTo(0.3968, 4);
    expect(seven.high).toBeCloseTo(0.8922, 4);
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const half = wilsonInterval(50, 100)!;
    expect(half.low).toBeCloseTo(0.4038, 4);
    expect(half.high).toBeCloseTo(0.5962, 4);
  });

  it("stays within [0, 1] and narrows as the sample grows", () => {
    const all = wilsonInterval(5, 5)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeGreaterThan(0.5);
    const small = wilsonInterval(3, 10)!;
    const large = wilsonInterval(300, 1000)!;
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });
});
