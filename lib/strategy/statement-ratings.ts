import type { ItemStatement } from "@/lib/content/bank";
import type { RatingName } from "@/lib/srs/schedule";
import type { Confidence } from "./confidence";

export type { ItemStatement };

/** The learner's verdict on statement `index` (0 is statement 1): true, or false (a pair: matched or not). */
export type StatementMark = { index: number; judgedTrue: boolean };

/**
 * The rating each judged statement gives its own fact: judged right, Good (Hard if the learner said it
 * was a guess or a 50-50: right, but not recalled firmly); judged wrong, Again. Statements without a
 * fact, and unjudged ones, rate nothing. A fact judged twice keeps the worse rating.
 */
export function statementRatings(statements: readonly ItemStatement[], marks: readonly StatementMark[], confidence: Confidence | null): Map<string, RatingName> {
  const order: RatingName[] = ["again", "hard", "good", "easy"];
  const ratings = new Map<string, RatingName>();
  for (const mark of marks) {
    const statement = statements[mark.index];
    if (!statement?.factId) continue;
    const rating: RatingName = mark.judgedTrue !== statement.correct ? "again" : confidence === "guess" || confidence === "fifty-fifty" ? "hard" : "good";
    const before = ratings.get(statement.factId);
    if (!before || order.indexOf(rating) < order.indexOf(before)) ratings.set(statement.factId, rating);
  }
  return ratings;
}

/** Whether each mark judged its statement rightly, in the marks' order. */
export function judgedRightly(statements: readonly ItemStatement[], marks: readonly StatementMark[]): boolean[] {
  return marks.map((mark) => statements[mark.index]?.correct === mark.judgedTrue);
}

export type MisjudgedFact = { factId: string; judged: number; misjudged: number };

/**
 * The facts the learner misjudged in statement items, most often misjudged first (then most judged,
 * then by id, so the order is stable); only facts misjudged at least once.
 */
export function misjudgedFacts(answers: readonly { statements: readonly ItemStatement[]; marks: readonly StatementMark[] }[]): MisjudgedFact[] {
  const tally = new Map<string, MisjudgedFact>();
  for (const { statements, marks } of answers) {
    for (const mark of marks) {
      const statement = statements[mark.index];
      if (!statement?.factId) continue;
      const fact = tally.get(statement.factId) ?? { factId: statement.factId, judged: 0, misjudged: 0 };
      fact.judged++;
      if (mark.judgedTrue !== statement.correct) fact.misjudged++;
      tally.set(statement.factId, fact);
    }
  }
  return [...tally.values()]
    .filter((fact) => fact.misjudged > 0)
    .sort((a, b) => b.misjudged - a.misjudged || b.judged - a.judged || a.factId.localeCompare(b.factId));
}
