import { MARKS, scoreQuiz, type QuizScore } from "./marking";

export type TopicScore = { topic: string } & QuizScore;

/**
 * A quiz's score per topic under UPSC marking (scoreQuiz, the one home of the marks), weakest first:
 * lowest share of the topic's maximum, then the most questions, then by name.
 */
export function scoreByTopic(questions: readonly { topic: string; correct: boolean | null }[]): TopicScore[] {
  const outcomes = new Map<string, (boolean | null)[]>();
  for (const { topic, correct } of questions) outcomes.set(topic, [...(outcomes.get(topic) ?? []), correct]);
  return [...outcomes]
    .map(([topic, topicOutcomes]) => ({ topic, ...scoreQuiz(topicOutcomes) }))
    .sort((a, b) => share(a) - share(b) || b.questions - a.questions || a.topic.localeCompare(b.topic));
}

/** The share of the maximum, from the counts: the score is rounded to 2 places, which would split ties. */
function share(topic: TopicScore): number {
  return (topic.correct * MARKS.right + topic.wrong * MARKS.wrong) / topic.maxScore;
}
