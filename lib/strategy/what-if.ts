import { MARKS, scoreQuiz } from "@/lib/quiz/marking";
import { expectedMarks } from "./expected-marks";
import type { Confidence } from "./confidence";

/** An answer as the what-if sees it: right, wrong or skipped (null), and the confidence given, if any. */
export type WhatIfAnswer = { correct: boolean | null; confidence: Confidence | null };

/** A fifty-fifty is "down to two options": attempting one is right half the time. */
const FIFTY_FIFTY_ACCURACY = 1 / 2;

export type WhatIf = {
  /** The score as marked. */
  asMarked: number;
  /**
   * The score had every answered guess been skipped: their marks removed, right or wrong. `change` is
   * worked out from the marks, not from the two rounded scores (−3.33 → −2.67 is +0.67, not +0.66).
   */
  skippingGuesses: { score: number; change: number; guesses: number };
  /**
   * The expected score had every fifty-fifty the learner skipped been attempted: each such skip counts
   * at the expected marks of a pick between two options (+2 · 1/2 − 2/3 · 1/2 = +0.67), since which of
   * the two would have been picked is unknown. Answered fifty-fifties are as marked.
   */
  attemptingFiftyFifties: { score: number; change: number; skippedFiftyFifties: number };
};

function rounded(score: number): number {
  // `|| 0`: no "−0" when nothing changes.
  return Math.round(score * 100) / 100 || 0;
}

/** The score as marked and under the two other strategies; questions without a confidence count as marked. */
export function whatIf(answers: readonly WhatIfAnswer[]): WhatIf {
  const asMarked = scoreQuiz(answers.map((answer) => answer.correct)).score;
  const answeredGuesses = answers.filter((answer) => answer.confidence === "guess" && answer.correct !== null);
  const guessMarks = answeredGuesses.reduce((sum, answer) => sum + (answer.correct ? MARKS.right : MARKS.wrong), 0);
  const skippingGuesses = scoreQuiz(answers.map((answer) => (answer.confidence === "guess" ? null : answer.correct))).score;
  const skippedFiftyFifties = answers.filter((answer) => answer.confidence === "fifty-fifty" && answer.correct === null).length;
  const fiftyFiftyGain = skippedFiftyFifties * expectedMarks(FIFTY_FIFTY_ACCURACY);
  const exactScore = scoreQuiz(answers.map((answer) => answer.correct));
  const exact = exactScore.correct * MARKS.right + exactScore.wrong * MARKS.wrong;
  return {
    asMarked,
    skippingGuesses: { score: skippingGuesses, change: rounded(-guessMarks), guesses: answeredGuesses.length },
    attemptingFiftyFifties: { score: rounded(exact + fiftyFiftyGain), change: rounded(fiftyFiftyGain), skippedFiftyFifties },
  };
}
