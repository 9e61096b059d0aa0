import { topicLeaf } from "@/lib/content/topic-path";
import type { QuizSummary } from "@/lib/progress/quiz-history";
import { formatScore } from "@/lib/quiz/marking";
import { dateTimeIn, percent } from "./format";
import { LineChartSvg } from "./svg-chart";

// UPSC marking takes a third of a question's marks for a wrong answer: all wrong is -33.3% of the maximum.
const SCORE_AXIS = { low: -34, high: 100, ticks: [-25, 0, 25, 50, 75, 100] };

const MODE_LABELS: Record<string, string> = { daily: "Daily quiz", topic: "Topic practice", mistakes: "Mistakes", misjudged: "Misjudged statements", custom: "Timed test" };

function scoreText(quiz: QuizSummary): string {
  return `${formatScore(quiz.score)} / ${quiz.maxScore}`;
}

/** `timeZone`: the user's, in which the dates are shown, on the server and in the browser alike. */
export function QuizHistory({ quizzes, timeZone }: { quizzes: QuizSummary[]; timeZone: string }) {
  if (quizzes.length === 0) return <p className="muted">No quizzes yet. Your daily quiz is waiting on the Quiz page.</p>;
  const chronological = [...quizzes].reverse().map((quiz) => ({
    label: dateTimeIn(quiz.startedAt, timeZone).day,
    value: quiz.maxScore > 0 ? Math.round((quiz.score / quiz.maxScore) * 100) : 0,
  }));
  return (
    <div className="stack">
      {chronological.length > 1 && (
        <LineChartSvg points={chronological} {...SCORE_AXIS} unit="%" valueName="score" />
      )}
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Quiz history, most recent first</caption>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Kind</th>
              <th scope="col">Score (UPSC marking)</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Right / wrong / skipped</th>
              <th scope="col">Time per question</th>
            </tr>
          </thead>
          <tbody>
            {quizzes.map((quiz) => (
              <tr key={quiz.id}>
                <td>{dateTimeIn(quiz.startedAt, timeZone).dateTime}</td>
                <td>
                  {MODE_LABELS[quiz.mode] ?? quiz.mode}
                  {quiz.topic ? `: ${topicLeaf(quiz.topic)}` : ""}
                  {!quiz.finishedAt && " (not finished)"}
                </td>
                <td>{scoreText(quiz)}</td>
                <td>{percent(quiz.accuracy)}</td>
                <td>
                  {quiz.correct} / {quiz.wrong} / {quiz.unanswered}
                </td>
                <td>{quiz.averageTimeMs === null ? "–" : `${Math.round(quiz.averageTimeMs / 1000)} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
