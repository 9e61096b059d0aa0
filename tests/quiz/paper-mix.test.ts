import { describe, expect, it } from "vitest";
import type { Candidate } from "@/lib/quiz/assemble";
import { timeLimitSecFor } from "@/lib/quiz/marking";
import { PAPER_MIX, paperQuotas, selectPaperQuestions } from "@/lib/quiz/paper-mix";

const bankOf = (counts: Record<string, number>): Candidate[] =>
  Object.entries(counts).flatMap(([type, count]) =>
    Array.from({ length: count }, (_, index) => ({ itemId: `${type}:${index}`, topic: `Topic ${index % 3}`, type, siblingKeys: [`${type}:fact${index}`] })),
  );

const countByType = (chosen: readonly Candidate[]) => {
  const counts: Record<string, number> = {};
  for (const { type } of chosen) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
};

describe("PAPER_MIX", () => {
  it("is questions per 100, about 27 of them 'how many' as in the 2025 paper", () => {
    expect(Object.values(PAPER_MIX).reduce((sum, share) => sum + share!, 0)).toBe(100);
    const howMany = PAPER_MIX["statements-how-many"]! + PAPER_MIX["match-pairs"]! + PAPER_MIX["list-count"]!;
    expect(howMany).toBeGreaterThanOrEqual(25);
    expect(howMany).toBeLessThanOrEqual(30);
  });
});

describe("paperQuotas", () => {
  it("is the mix itself for a full paper", () => {
    expect(Object.fromEntries(paperQuotas(100))).toEqual(PAPER_MIX);
  });

  it("sums to the size at every size, each format within one of its exact share", () => {
    for (let size = 1; size <= 100; size++) {
      const quotas = paperQuotas(size);
      expect([...quotas.values()].reduce((sum, count) => sum + count, 0)).toBe(size);
      for (const [type, count] of quotas) expect(Math.abs(count - (size * PAPER_MIX[type as keyof typeof PAPER_MIX]!) / 100)).toBeLessThan(1);
    }
  });

  it("rounds by largest remainder: 20 questions of the mix", () => {
    // Exact shares: 6, 3.6, 3.6, 2, 1.2, 1.2, 1, 0.8, 0.6; floors sum to 17, the three largest remainders get one more.
    expect(Object.fromEntries(paperQuotas(20))).toEqual({
      mcq: 6,
      "statements-which": 4,
      "statements-how-many": 4,
      "assertion-reason": 2,
      "match-pairs": 1,
      "best-description": 1,
      "list-count": 1,
      membership: 1,
      chronology: 0,
    });
  });
});

describe("selectPaperQuestions", () => {
  const plenty = bankOf(Object.fromEntries(Object.keys(PAPER_MIX).map((type) => [type, 40])));

  it("asks each format its quota when the bank has enough", () => {
    const paper = selectPaperQuestions(plenty, 100, "seed");
    expect(paper).toHaveLength(100);
    expect(countByType(paper)).toEqual(PAPER_MIX);
    expect(new Set(paper.map((candidate) => candidate.itemId)).size).toBe(100);
  });

  it("fills a short format from the others, largest share first, and is shorter only when the bank is", () => {
    const short = bankOf({ mcq: 40, "statements-which": 40, "assertion-reason": 2 });
    const paper = selectPaperQuestions(short, 50, "seed");
    expect(paper).toHaveLength(50);
    expect(countByType(paper)["assertion-reason"]).toBe(2);
    expect(selectPaperQuestions(bankOf({ mcq: 3, chronology: 1 }), 20, "seed")).toHaveLength(4);
  });

  it("leaves out formats not in the mix (recall items) and never asks two questions of one fact", () => {
    const withSiblings = [
      ...bankOf({ mcq: 10, flashcard: 10 }),
      { itemId: "statements-which:a", topic: "T", type: "statements-which", siblingKeys: ["shared"] },
      { itemId: "statements-which:b", topic: "T", type: "statements-which", siblingKeys: ["shared"] },
    ];
    const paper = selectPaperQuestions(withSiblings, 30, "seed");
    expect(paper.some((candidate) => candidate.type === "flashcard")).toBe(false);
    expect(paper.filter((candidate) => candidate.siblingKeys.includes("shared"))).toHaveLength(1);
    expect(paper).toHaveLength(11);
  });

  it("is the same for the same seed and differs for another", () => {
    const ids = (seed: string) => selectPaperQuestions(plenty, 20, seed).map((candidate) => candidate.itemId);
    expect(ids("a")).toEqual(ids("a"));
    expect(ids("a")).not.toEqual(ids("b"));
  });

  it("takes preferred candidates (not in earlier papers) first within a format", () => {
    const paper = selectPaperQuestions(plenty, 40, "seed", { preferred: (candidate) => Number(candidate.itemId.split(":")[1]) >= 20 });
    expect(paper).toHaveLength(40);
    expect(paper.every((candidate) => Number(candidate.itemId.split(":")[1]) >= 20)).toBe(true);
  });
});

describe("timeLimitSecFor", () => {
  it("is two hours for 100 questions, scaled to the paper's size", () => {
    expect(timeLimitSecFor(100)).toBe(2 * 60 * 60);
    expect(timeLimitSecFor(20)).toBe(24 * 60);
    expect(timeLimitSecFor(50)).toBe(60 * 60);
  });
});
