/** UPSC Prelims marking: +2 for a right answer, a third of that off for a wrong one, nothing for a skip. */
export const MARKS = { right: 2, wrong: -2 / 3, skipped: 0 } as const;

export type QuizScore = { score: number; maxScore: number; correct: number; wrong: number; skipped: number; answered: number; questions: number };

/** The score of a quiz from its questions' outcomes: true right, false wrong, null skipped or unanswered. */
export function scoreQuiz(outcomes: readonly (boolean | null)[]): QuizScore {
  const correct = outcomes.filter((outcome) => outcome === true).length;
  const wrong = outcomes.filter((outcome) => outcome === false).length;
  // Rounded to 2 places as the paper reports marks; the thirds never accumulate float noise in the result.
  const score = Math.round((correct * MARKS.right + wrong * MARKS.wrong) * 100) / 100;
  return { score, maxScore: outcomes.length * MARKS.right, correct, wrong, skipped: outcomes.length - correct - wrong, answered: correct + wrong, questions: outcomes.length };
}

/** Seconds allowed for a quiz at Prelims pace: 120 minutes for 100 questions. */
export const SECONDS_PER_QUESTION = 72;
