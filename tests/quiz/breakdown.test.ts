import { describe, expect, it } from "vitest";
import { scoreByTopic } from "@/lib/quiz/breakdown";

describe("score by topic", () => {
  it("scores each topic under UPSC marking, weakest share first", () => {
    const rows = scoreByTopic([
      { topic: "Polity", correct: true },
      { topic: "Economy", correct: false },
      { topic: "Polity", correct: false },
      { topic: "Economy", correct: null },
      { topic: "Polity", correct: true },
      { topic: "History", correct: true },
    ]);
    expect(rows).toEqual([
      { topic: "Economy", score: -0.67, maxScore: 4, correct: 0, wrong: 1, skipped: 1, answered: 1, questions: 2 },
      { topic: "Polity", score: 3.33, maxScore: 6, correct: 2, wrong: 1, skipped: 0, answered: 3, questions: 3 },
      { topic: "History", score: 2, maxScore: 2, correct: 1, wrong: 0, skipped: 0, answered: 1, questions: 1 },
    ]);
    // The topics add up to the whole quiz.
    expect(rows.reduce((sum, row) => sum + row.questions, 0)).toBe(6);
  });

  it("breaks ties of share by the number of questions, not by the rounding of the score", () => {
    // -0.67 / 2 and -1.33 / 4 are both a third below zero: the topic with more questions comes first.
    const rows = scoreByTopic([
      { topic: "One", correct: false },
      { topic: "Two", correct: false },
      { topic: "Two", correct: false },
    ]);
    expect(rows.map(({ topic, score, maxScore }) => [topic, score, maxScore])).toEqual([
      ["Two", -1.33, 4],
      ["One", -0.67, 2],
    ]);
  });

  it("is empty for no questions", () => {
    expect(scoreByTopic([])).toEqual([]);
  });
});
