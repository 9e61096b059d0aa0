import { describe, expect, it } from "vitest";
import { judgedRightly, misjudgedFacts, statementRatings, type ItemStatement } from "@/lib/strategy/statement-ratings";

const STATEMENTS: ItemStatement[] = [
  { factId: "f1", correct: true },
  { factId: "f2", correct: false },
  { factId: "f3", correct: true },
  { factId: null, correct: false }, // a non-member named only to be false
];

describe("per-statement ratings", () => {
  it("rates each judged statement's fact: right Good, wrong Again; unjudged and fact-less ones rate nothing", () => {
    const ratings = statementRatings(STATEMENTS, [
      { index: 0, judgedTrue: true },
      { index: 1, judgedTrue: true },
      { index: 3, judgedTrue: false },
    ], "sure");
    expect(Object.fromEntries(ratings)).toEqual({ f1: "good", f2: "again" });
  });

  it("rates a right verdict Hard when the learner said guess or 50-50, and a wrong one Again whatever the confidence", () => {
    const marks = [
      { index: 1, judgedTrue: false },
      { index: 2, judgedTrue: false },
    ];
    expect(Object.fromEntries(statementRatings(STATEMENTS, marks, "guess"))).toEqual({ f2: "hard", f3: "again" });
    expect(Object.fromEntries(statementRatings(STATEMENTS, marks, "fifty-fifty"))).toEqual({ f2: "hard", f3: "again" });
    expect(Object.fromEntries(statementRatings(STATEMENTS, marks, null))).toEqual({ f2: "good", f3: "again" });
  });

  it("keeps the worse rating for a fact behind two statements, and ignores marks beyond the statements", () => {
    const twice: ItemStatement[] = [
      { factId: "f1", correct: true },
      { factId: "f1", correct: false },
    ];
    expect(Object.fromEntries(statementRatings(twice, [{ index: 0, judgedTrue: true }, { index: 1, judgedTrue: true }, { index: 7, judgedTrue: true }], "sure"))).toEqual({ f1: "again" });
  });

  it("tells which verdicts were right", () => {
    expect(judgedRightly(STATEMENTS, [{ index: 0, judgedTrue: false }, { index: 3, judgedTrue: false }])).toEqual([false, true]);
  });
});

describe("misjudged facts", () => {
  it("counts judgements and misjudgements per fact, most misjudged first, only facts misjudged at least once", () => {
    const facts = misjudgedFacts([
      { statements: STATEMENTS, marks: [{ index: 0, judgedTrue: false }, { index: 1, judgedTrue: true }, { index: 2, judgedTrue: true }] },
      { statements: STATEMENTS, marks: [{ index: 1, judgedTrue: true }, { index: 3, judgedTrue: true }] },
      { statements: [{ factId: "f1", correct: true }], marks: [{ index: 0, judgedTrue: true }] },
    ]);
    expect(facts).toEqual([
      { factId: "f2", judged: 2, misjudged: 2 },
      { factId: "f1", judged: 2, misjudged: 1 },
    ]);
  });
});
