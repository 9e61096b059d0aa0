import type { Calibration } from "@/lib/strategy/calibration";
import { percent, signedMarks } from "@/lib/strategy/calibration";
import { CONFIDENCE_LABELS } from "@/lib/strategy/confidence";

const VERDICT_TEXT = { attempt: "Attempt", skip: "Skip", unclear: "Too little data" } as const;

/** One row per confidence level: attempts, accuracy with its 95% interval, expected marks per attempt. */
export function CalibrationTable({ calibration, caption }: { calibration: Calibration; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">You said</th>
            <th scope="col">Marks per attempt</th>
            <th scope="col">Right</th>
            <th scope="col">Accuracy (95% range)</th>
            <th scope="col">Skipped</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {calibration.levels.map((level) => (
            <tr key={level.confidence}>
              <th scope="row">{CONFIDENCE_LABELS[level.confidence]}</th>
              <td className="nowrap">{level.expectedMarks === null ? "–" : signedMarks(level.expectedMarks)}</td>
              <td>
                {level.right}/{level.attempts}
              </td>
              <td className="nowrap">
                {level.accuracy === null || level.interval === null ? "–" : `${percent(level.accuracy)} (${percent(level.interval.low)}–${percent(level.interval.high)})`}
              </td>
              <td>{level.skipped}</td>
              <td>{VERDICT_TEXT[level.verdict]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
