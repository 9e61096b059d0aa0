import { IntentLink } from "@/components/shell/intent-link";
import { topicLeaf } from "@/lib/content/topic-path";
import type { TopicAccuracy } from "@/lib/progress/accuracy";
import { percent } from "./format";

export function TopicAccuracyTable({ topics }: { topics: TopicAccuracy[] }) {
  if (topics.length === 0) return <p className="muted">Accuracy by topic appears after your first reviews or quiz answers.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Accuracy by topic, weakest first</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Accuracy</th>
            <th scope="col">Quiz</th>
            <th scope="col">Flashcards</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.topic}>
              <th scope="row" title={topic.topic}>
                {topicLeaf(topic.topic)}
              </th>
              <td>
                <span className="meter" aria-hidden="true">
                  <span style={{ width: `${Math.round(topic.accuracy * 100)}%` }} />
                </span>{" "}
                {percent(topic.accuracy)} <span className="muted">({topic.correct}/{topic.attempts})</span>
              </td>
              <td>
                {topic.quiz.correct}/{topic.quiz.attempts}
              </td>
              <td>
                {topic.flashcards.correct}/{topic.flashcards.attempts}
              </td>
              <td>
                <IntentLink href={`/app/quiz?mode=topic&topic=${encodeURIComponent(topic.topic)}`}>
                  Practise<span className="visually-hidden"> {topicLeaf(topic.topic)}</span>
                </IntentLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
