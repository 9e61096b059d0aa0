import { describe, expect, it } from "vitest";
import { assembleQuiz, type Candidate } from "@/lib/quiz/assemble";
import { formatScore, scoreOfCounts, scoreQuiz } from "@/lib/quiz/marking";

describe("scoreQuiz", () => {
  it("gives +2 for right, -2/3 for wrong and 0 for skipped", () => {
    expect(scoreQuiz([true, true, false, null, false])).toEqual({ score: 2.67, maxScore: 10, correct: 2, wrong: 2, skipped: 1, answered: 4, questions: 5 });
    expect(scoreQuiz([false, false, false]).score).toBe(-2);
    expect(scoreQuiz([]).score).toBe(0);
  });

  it("scores counts as it scores outcomes (quiz history counts in SQL)", () => {
    expect(scoreOfCounts(2, 2, 5)).toEqual(scoreQuiz([true, true, false, null, false]));
    expect(scoreOfCounts(0, 3, 3).score).toBe(-2);
    expect(scoreOfCounts(4, 1, 5)).toMatchObject({ score: 7.33, maxScore: 10, skipped: 0 });
  });
});

describe("formatScore", () => {
  it("prints whole marks bare and the rest to two places", () => {
    expect([12, 10.67, -0.67, 0, -2].map(formatScore)).toEqual(["12", "10.67", "-0.67", "0", "-2"]);
  });
});

describe("assembleQuiz", () => {
  const candidate = (index: number, topic: string, type: string): Candidate => ({ itemId: `${type}:${topic}:${index}`, topic, type, siblingKeys: [`${type}:${topic}:${index}`] });

  it("puts due questions first up to half, then new ones across every topic and type, in a seeded order", () => {
    const due = [candidate(1, "A", "mcq"), candidate(2, "A", "mcq"), candidate(3, "A", "mcq"), candidate(4, "A", "mcq")];
    const fresh = [
      ...Array.from({ length: 10 }, (_, index) => candidate(index, "A", "mcq")),
      candidate(0, "B", "match-pairs"),
      candidate(0, "C", "statements-which"),
    ].map((item, index) => (index < 10 ? { ...item, itemId: `fresh-${index}` } : item));
    const quiz = assembleQuiz(due, fresh, 6, "seed-1");
    expect(quiz).toHaveLength(6);
    expect(quiz.filter((item) => due.includes(item))).toEqual(expect.arrayContaining(due.slice(0, 3)));
    expect(new Set(quiz.map((item) => item.topic))).toEqual(new Set(["A", "B", "C"]));
    expect(new Set(quiz.map((item) => item.itemId)).size).toBe(6);
    expect(assembleQuiz(due, fresh, 6, "seed-1")).toEqual(quiz);
  });

  it("fills with due questions when new ones run out, and never repeats a question", () => {
    const due = [candidate(1, "A", "mcq"), candidate(2, "A", "mcq"), candidate(3, "A", "mcq")];
    expect(assembleQuiz(due, [due[0]!], 5, "seed")).toHaveLength(3);
  });
});
