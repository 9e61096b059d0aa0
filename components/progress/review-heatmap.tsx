import type { DayCount } from "@/lib/progress/activity";
import { longDay } from "./format";

const LEVELS = [0, 1, 5, 15, 40];

function level(reviews: number): number {
  return LEVELS.reduce((found, threshold, index) => (reviews >= threshold && threshold > 0 ? index : found), 0);
}

/**
 * A year of daily reviews as a calendar grid (weeks as columns, Monday on top). The grid is decorative
 * for screen readers, which get the monthly table below it instead.
 */
export function ReviewHeatmap({ days }: { days: DayCount[] }) {
  const first = days[0];
  // Pad the first week so that each column starts on a Monday.
  const leading = first ? (new Date(`${first.day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const months = new Map<string, number>();
  for (const { day, reviews } of days) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + reviews);
  return (
    <figure className="heatmap-figure">
      {/* Right to left, so that a narrow screen opens on the latest weeks (today included) and scrolls back in time. */}
      <div className="heatmap-scroll" aria-hidden="true">
        <div className="heatmap">
          {Array.from({ length: leading }, (_, index) => (
            <span key={`pad-${index}`} className="heatmap-cell heatmap-pad" />
          ))}
          {days.map(({ day, reviews }, index) => (
            <span
              key={day}
              className={`heatmap-cell heatmap-level-${level(reviews)}${index === days.length - 1 ? " heatmap-today" : ""}`}
              title={`${longDay(day)}${index === days.length - 1 ? " (today)" : ""}: ${reviews} reviews`}
            />
          ))}
        </div>
      </div>
      <figcaption className="muted heatmap-legend">
        Each square is a day, today's outlined at the end; darker means more reviews (legend: none, 1+, 5+, 15+, 40+).
      </figcaption>
      <details>
        <summary>Reviews by month (table)</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Reviews</th>
            </tr>
          </thead>
          <tbody>
            {[...months].map(([month, reviews]) => (
              <tr key={month}>
                <td>{month}</td>
                <td>{reviews}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
