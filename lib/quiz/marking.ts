/**
 * UPSC Prelims marking, the one definition of it for the server and the browser alike (no imports, so
 * client components may use it): +2 for a right answer, a third of that off for a wrong one, nothing
 * for a skip.
 */
export const MARKS = { right: 2, wrong: -2 / 3, skipped: 0 } as const;

/** The marks as the paper prints them, for labels ("Wrong: −2/3"). */
export const MARK_LABELS = { right: "+2", wrong: "−2/3", skipped: "0" } as const satisfies Record<keyof typeof MARKS, string>;

export type QuizScore = { score: number; maxScore: number; correct: number; wrong: number; skipped: number; answered: number; questions: number };

/** The score of `correct` right and `wrong` wrong answers among `questions`, the rest skipped or unanswered. */
export function scoreOfCounts(correct: number, wrong: number, questions: number): QuizScore {
  // Rounded to 2 places as the paper reports marks; the thirds never accumulate float noise in the result.
  const score = Math.round((correct * MARKS.right + wrong * MARKS.wrong) * 100) / 100;
  return { score, maxScore: questions * MARKS.right, correct, wrong, skipped: questions - correct - wrong, answered: correct + wrong, questions };
}

/** The score of a quiz from its questions' outcomes: true right, false wrong, null skipped or unanswered. */
export function scoreQuiz(outcomes: readonly (boolean | null)[]): QuizScore {
  return scoreOfCounts(outcomes.filter((outcome) => outcome === true).length, outcomes.filter((outcome) => outcome === false).length, outcomes.length);
}

/** Marks as UPSC publishes them: whole numbers bare, others to two places ("12", "10.67", "-0.67"). */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

/** Seconds allowed for a quiz at Prelims pace: 120 minutes for 100 questions. */
export const SECONDS_PER_QUESTION = 72;

/** Seconds allowed for a timed quiz or mock paper of `questions` questions: the real paper's 2 hours for 100, scaled. */
export function timeLimitSecFor(questions: number): number {
  return questions * SECONDS_PER_QUESTION;
}
