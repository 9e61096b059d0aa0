import type { DayCount } from "@/lib/progress/activity";
import { longDay } from "./format";

const LEVELS = [0, 1, 5, 15, 40];

function level(reviews: number): number {
  return LEVELS.reduce((found, threshold, index) => (reviews >= threshold && threshold > 0 ? index : found), 0);
}

// A day's square and the gap after it, in CSS pixels.
const CELL = 11;
const STEP = CELL + 2;
/**
 * Today's outline is drawn 1 px outside its square with a 2 px stroke (globals.css), so it reaches 2 px past
 * the square: the drawing has that margin on every side, or on a Monday (the top row) and in the last column
 * the outline's outer edge was cut off.
 */
const MARGIN = 2;

/**
 * A year of daily reviews as a calendar grid (weeks as columns, Monday on top). The grid is decorative
 * for screen readers, which get the monthly table below it instead.
 *
 * Drawn as one SVG with a path per shade rather than an element per day: 365 boxes cost a phone most of
 * a second of style and layout when Progress opened.
 */
export function ReviewHeatmap({ days }: { days: DayCount[] }) {
  const first = days[0];
  // Pad the first week so that each column starts on a Monday.
  const leading = first ? (new Date(`${first.day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const square = (index: number) => ({ x: Math.floor((leading + index) / 7) * STEP, y: ((leading + index) % 7) * STEP });
  const shades = LEVELS.map(() => [] as string[]);
  days.forEach(({ reviews }, index) => {
    const { x, y } = square(index);
    shades[level(reviews)]?.push(`M${x} ${y}h${CELL}v${CELL}h-${CELL}z`);
  });
  const today = square(days.length - 1);
  const width = Math.ceil((leading + days.length) / 7) * STEP;
  const lastDay = days.at(-1);
  const months = new Map<string, number>();
  for (const { day, reviews } of days) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + reviews);
  return (
    <figure className="heatmap-figure">
      {/* Right to left, so that a narrow screen opens on the latest weeks (today included) and scrolls back in time. */}
      <div className="heatmap-scroll" aria-hidden="true">
        <svg
          className="heatmap"
          width={width + 2 * MARGIN}
          height={7 * STEP + 2 * MARGIN}
          viewBox={`${-MARGIN} ${-MARGIN} ${width + 2 * MARGIN} ${7 * STEP + 2 * MARGIN}`}
        >
          {shades.map((paths, shade) => paths.length > 0 && <path key={shade} className={`heatmap-level-${shade}`} d={paths.join("")} />)}
          {lastDay && (
            <rect className="heatmap-today" x={today.x - 1} y={today.y - 1} width={CELL + 2} height={CELL + 2}>
              <title>{`${longDay(lastDay.day)} (today): ${lastDay.reviews} reviews`}</title>
            </rect>
          )}
        </svg>
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
