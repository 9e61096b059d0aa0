import { ReportProblem } from "@/components/reports/report-problem";
import { SourceList } from "@/components/sources/source-list";
import type { QuizView } from "./quiz-runner";

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

/** Score under UPSC marking, then every question with the answer given, the key, the explanation and sources. */
export function QuizResults({ quiz }: { quiz: QuizView }) {
  const correct = quiz.questions.filter((question) => question.result?.correct === true).length;
  const wrong = quiz.questions.filter((question) => question.result?.correct === false).length;
  const skipped = quiz.questions.length - correct - wrong;
  const score = quiz.score?.score ?? correct * 2 - (wrong * 2) / 3;
  const maxScore = quiz.score?.maxScore ?? quiz.questions.length * 2;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="results-title">
        <h2 id="results-title" tabIndex={-1}>
          Your score: {formatScore(score)} out of {maxScore}
        </h2>
        <p>
          {correct} right (+2 each), {wrong} wrong (−2/3 each), {skipped} skipped (0). Accuracy on answered questions:{" "}
          {correct + wrong > 0 ? `${Math.round((correct / (correct + wrong)) * 100)}%` : "–"}.
        </p>
      </section>
      <ol className="results-list">
        {quiz.questions.map((question) => {
          const result = question.result;
          const chosen = question.options.find((option) => option.id === result?.chosenOptionId);
          const key = question.options.find((option) => option.id === result?.key);
          return (
            <li key={question.id} className="card">
              <p className="question-prompt">{question.prompt}</p>
              <p className={result?.correct ? "result-right" : result?.correct === false ? "result-wrong" : "result-skipped"}>
                {result?.correct ? "Right" : result?.correct === false ? "Wrong" : "Skipped"}
                {chosen && !result?.correct ? `: you chose (${chosen.id}) ${chosen.text}` : ""}
              </p>
              {key && (
                <p>
                  <strong>Answer:</strong> ({key.id}) {key.text}
                </p>
              )}
              {result && <p className="explanation">{result.explanation}</p>}
              {result && <SourceList sources={result.sources} />}
              {result && <ReportProblem itemId={result.itemId} about={`question ${question.position + 1}`} />}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
