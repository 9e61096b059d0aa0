"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { QuizSummary } from "@/lib/progress/quiz-history";
import { formatScore } from "@/lib/quiz/marking";
import { dateTimeIn, percent } from "./format";

const MODE_LABELS: Record<string, string> = { daily: "Daily quiz", topic: "Topic practice", mistakes: "Mistakes", custom: "Timed test" };

function scoreText(quiz: QuizSummary): string {
  return `${formatScore(quiz.score)} / ${quiz.maxScore}`;
}

/** `timeZone`: the user's, in which the dates are shown, on the server and in the browser alike. */
export function QuizHistory({ quizzes, timeZone }: { quizzes: QuizSummary[]; timeZone: string }) {
  if (quizzes.length === 0) return <p className="muted">No quizzes yet. Your daily quiz is waiting on the Quiz page.</p>;
  const chronological = [...quizzes].reverse().map((quiz) => ({
    label: dateTimeIn(quiz.startedAt, timeZone).day,
    scorePercent: quiz.maxScore > 0 ? Math.round((quiz.score / quiz.maxScore) * 100) : 0,
  }));
  return (
    <div className="stack">
      {chronological.length > 1 && (
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={chronological} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d5d2c8" />
              <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#4a4f59" }} />
              <YAxis domain={[-34, 100]} tick={{ fontSize: 12, fill: "#4a4f59" }} unit="%" />
              <Tooltip formatter={(value) => [`${value}%`, "Score"]} />
              <Line dataKey="scorePercent" stroke="#b4530a" strokeWidth={2} dot isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
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
                  {quiz.topic ? `: ${quiz.topic.split(" > ").at(-1)}` : ""}
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
