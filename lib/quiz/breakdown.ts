import { MARKS, scoreQuiz, type QuizScore } from "./marking";

export type TopicScore = { topic: string } & QuizScore;
export type FormatScore = { type: string } & QuizScore;

/**
 * A quiz's score per topic under UPSC marking (scoreQuiz, the one home of the marks), weakest first:
 * lowest share of the topic's maximum, then the most questions, then by name.
 */
export function scoreByTopic(questions: readonly { topic: string; correct: boolean | null }[]): TopicScore[] {
  return scoreByGroup(questions, (question) => question.topic).map(({ group, ...score }) => ({ topic: group, ...score }));
}

/** A quiz's score per question format (ItemType), weakest first as scoreByTopic. */
export function scoreByFormat(questions: readonly { type: string; correct: boolean | null }[]): FormatScore[] {
  return scoreByGroup(questions, (question) => question.type).map(({ group, ...score }) => ({ type: group, ...score }));
}

function scoreByGroup<Q extends { correct: boolean | null }>(questions: readonly Q[], groupOf: (question: Q) => string): ({ group: string } & QuizScore)[] {
  const outcomes = new Map<string, (boolean | null)[]>();
  for (const question of questions) outcomes.set(groupOf(question), [...(outcomes.get(groupOf(question)) ?? []), question.correct]);
  return [...outcomes]
    .map(([group, groupOutcomes]) => ({ group, ...scoreQuiz(groupOutcomes) }))
    .sort((a, b) => share(a) - share(b) || b.questions - a.questions || a.group.localeCompare(b.group));
}

/** The share of the maximum, from the counts: the score is rounded to 2 places, which would split ties. */
function share(group: QuizScore): number {
  return (group.correct * MARKS.right + group.wrong * MARKS.wrong) / group.maxScore;
}

/** Right answers among those attempted (skips left out, as they cost nothing); null when none was attempted. */
export function accuracyOf(score: Pick<QuizScore, "correct" | "answered">): number | null {
  return score.answered === 0 ? null : score.correct / score.answered;
}
