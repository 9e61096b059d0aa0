import { describe, expect, it } from "vitest";
import type { BankItem } from "@/lib/content/bank";
import { sampleByFormat } from "@/lib/content/sample";

const items = (type: BankItem["type"], count: number): BankItem[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${type}:${String(index).padStart(3, "0")}`,
    type,
    prompt: "p",
    options: [],
    answer: "a",
    explanation: "e",
    sources: [],
    topic: "t",
    factIds: [],
    subjects: [],
  }));

describe("the review sample", () => {
  const bank = [...items("mcq", 30), ...items("cloze", 30), ...items("chronology", 2)];

  it("takes an equal share from each format, and all of a format that has fewer", () => {
    const sample = sampleByFormat(bank, 12, "seed");
    const count = (type: string) => sample.filter((item) => item.type === type).length;
    expect(sample).toHaveLength(12);
    expect(count("chronology")).toBe(2);
    expect(count("mcq")).toBe(5);
    expect(count("cloze")).toBe(5);
  });

  it("draws the same items for the same seed and other items for another", () => {
    const ids = (seed: string) => sampleByFormat(bank, 12, seed).map((item) => item.id);
    expect(ids("seed")).toEqual(ids("seed"));
    expect(ids("other")).not.toEqual(ids("seed"));
  });
});
