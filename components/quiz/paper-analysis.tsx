import { IntentLink } from "@/components/shell/intent-link";
import { dateTimeIn, percent } from "@/components/progress/format";
import { formatName } from "@/lib/content/item-types";
import { topicLeaf } from "@/lib/content/topic-path";
import type { QuizAnalysis } from "@/lib/practice/quiz";
import { formatScore } from "@/lib/quiz/marking";
import { CalibrationTable } from "@/components/strategy/calibration-table";
import { ScoreTable, type ScoreRow } from "./score-table";

/** "1 min 05 s", "42 s": time on a question or a paper, to the second. */
export function duration(ms: number | null): string {
  if (ms === null) return "–";
  const seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  if (minutes > 0) return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, "0")} s`;
  return `${rest} s`;
}

function outcome(correct: boolean | null): string {
  return correct === true ? "Right" : correct === false ? "Wrong" : "Skipped";
}

function points(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${value > 0 ? "+" : ""}${value} points`;
}

/**
 * A finished mock paper's analysis: the score under UPSC marking, against the learner's earlier papers,
 * then accuracy by format and by topic (weakest first), time per question and the questions that took
 * longest. Every table has a caption and header cells; numbers are also in words where they matter.
 */
export function PaperAnalysis({ analysis, timeZone }: { analysis: QuizAnalysis; timeZone: string }) {
  const { score, trend, change, time } = analysis;
  return (
    <div className="stack paper-analysis">
      <section className="card stack" aria-labelledby="analysis-title">
        <h2 id="analysis-title">
          Score: {formatScore(score.score)} out of {score.maxScore}
        </h2>
        <p>
          {score.correct} right, {score.wrong} wrong, {score.skipped} skipped · accuracy {percent(analysis.accuracy)} of the {score.answered} attempted · time used{" "}
          {duration(analysis.timeUsedMs)}
          {analysis.timeLimitSec !== null ? ` of ${duration(analysis.timeLimitSec * 1000)}` : ""}.
        </p>
        {change ? (
          <p className={change.difference >= 0 ? "alert alert-success" : "alert alert-warning"}>
            {change.difference >= 0 ? "Better" : "Worse"} than your previous paper: {percent(change.share)} of the maximum against {percent(change.previousShare)} (
            {points(change.difference)}).
          </p>
        ) : (
          <p className="muted">Your first mock paper: the next ones are compared with it.</p>
        )}
        {trend.length > 1 && (
          <div className="table-scroll">
            <table className="data-table">
              <caption>Your papers, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Finished</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Score</th>
                  <th scope="col">Share of maximum</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((point) => (
                  <tr key={point.quizId} aria-current={point.quizId === analysis.quizId ? "true" : undefined}>
                    <th scope="row">
                      {dateTimeIn(point.finishedAt, timeZone).dateTime}
                      {point.quizId === analysis.quizId ? " (this paper)" : ""}
                    </th>
                    <td>{point.questions}</td>
                    <td>
                      {formatScore(point.score)} / {point.maxScore}
                    </td>
                    <td>{percent(point.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <BreakdownSection title="By format" groupHeading="Format" rows={analysis.byFormat.map((format) => ({ ...format, key: format.type, name: formatName(format.type) }))} />
      <BreakdownSection title="By topic" groupHeading="Topic" rows={analysis.byTopic.map((topic) => ({ ...topic, key: topic.topic, name: topicLeaf(topic.topic), title: topic.topic }))} />

      <section className="card stack" aria-labelledby="time-title">
        <h2 id="time-title">Time</h2>
        <p>
          {time.answered === 0
            ? "No question was answered."
            : `${duration(time.meanMs)} a question on average (median ${duration(time.medianMs)}) over the ${time.answered} answered; the paper allows 1 min 12 s. Time on a question runs from the answer before it.`}
        </p>
        {analysis.slowest.length > 0 && (
          <>
            <h3>Took longest</h3>
            <ol className="slowest-list">
              {analysis.slowest.map((question) => (
                <li key={question.questionId}>
                  <a href={`#question-${question.number}`}>Question {question.number}</a> · {formatName(question.type)} · {duration(question.timeMs)} ·{" "}
                  {outcome(question.correct)}
                  <span className="muted slowest-prompt">{question.prompt}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section className="card stack" aria-labelledby="confidence-title">
        <h2 id="confidence-title">How sure you were</h2>
        {analysis.confidence.answers === 0 ? (
          // The paper's runner does not ask, as the exam does not: say so, and where it is asked.
          <p className="muted">
            A mock paper does not ask how sure you are, as the exam does not. Say it before answering in the daily quiz and practice (Sure, 50-50,
            Guess): <IntentLink href="/app/strategy">Strategy</IntentLink> then shows when attempting pays.
          </p>
        ) : (
          <CalibrationTable calibration={analysis.confidence} caption="This paper, by how sure you said you were" />
        )}
      </section>
    </div>
  );
}

/** The score by one grouping of the questions (format, topic), weakest first as the analysis orders it. */
function BreakdownSection({ title, groupHeading, rows }: { title: string; groupHeading: string; rows: ScoreRow[] }) {
  const id = `by-${groupHeading.toLowerCase()}-title`;
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ScoreTable groupHeading={groupHeading} caption={`Score and accuracy by ${groupHeading.toLowerCase()}, weakest first`} captionHidden rows={rows} />
    </section>
  );
}
