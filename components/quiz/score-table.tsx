import { percent } from "@/components/progress/format";
import { accuracyOf } from "@/lib/quiz/breakdown";
import { formatScore, type QuizScore } from "@/lib/quiz/marking";

export type ScoreRow = QuizScore & { key: string; name: string; /** The full name where `name` is shortened (a topic's leaf). */ title?: string };

/**
 * A quiz's score by group (format, topic) under UPSC marking, one row a group in the order given. The
 * score comes first: on a phone it stays on screen when the counts need a sideways scroll.
 */
export function ScoreTable({ rows, groupHeading, caption, captionHidden = false }: { rows: readonly ScoreRow[]; groupHeading: string; caption: string; captionHidden?: boolean }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className={captionHidden ? "visually-hidden" : "table-caption"}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeading}</th>
            <th scope="col">Score</th>
            <th scope="col">Questions</th>
            <th scope="col">Right / wrong / skipped</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" title={row.title}>
                {row.name}
              </th>
              <td className="nowrap">
                {formatScore(row.score)} / {row.maxScore}
              </td>
              <td>{row.questions}</td>
              <td>
                {row.correct} / {row.wrong} / {row.skipped}
              </td>
              <td>{percent(accuracyOf(row))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
