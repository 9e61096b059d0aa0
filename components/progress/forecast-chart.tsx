import type { DueDay } from "@/lib/progress/forecast";
import { shortDay } from "./format";
import { BarChartSvg } from "./svg-chart";

export function ForecastChart({ forecast }: { forecast: DueDay[] }) {
  const total = forecast.reduce((sum, { due }) => sum + due, 0);
  const dueDays = forecast.filter(({ due }) => due > 0);
  return (
    <figure className="chart-figure">
      <BarChartSvg points={forecast.map(({ day, due }) => ({ label: shortDay(day), value: due }))} />
      <figcaption className="muted">
        {total} flashcard reviews due over the next 30 days; {forecast[0]?.due ?? 0} today, as on Today and the Flashcards page. Quiz questions
        due come back in the daily quiz.
      </figcaption>
      <details>
        <summary>Reviews due by day (table)</summary>
        {/* The days with reviews due: most of the thirty have none, and a row of "0" each tells nothing. */}
        {dueDays.length === 0 && <p className="muted">No reviews due in the next 30 days.</p>}
        <table className="data-table" hidden={dueDays.length === 0}>
          <caption className="visually-hidden">Days with flashcard reviews due, next 30 days</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reviews due</th>
            </tr>
          </thead>
          <tbody>
            {dueDays.map(({ day, due }) => (
              <tr key={day}>
                <td>{day}</td>
                <td>{due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
