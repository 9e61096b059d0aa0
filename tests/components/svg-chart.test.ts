import { describe, expect, it } from "vitest";
import { niceTicks } from "@/components/progress/svg-chart";

describe("niceTicks", () => {
  it("counts from 0 in whole steps of 1, 2 or 5 times a power of ten, up to at least the largest value", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(23)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(150)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it("always reaches the largest value, whatever it is", () => {
    for (let max = 0; max <= 2000; max += 7) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
