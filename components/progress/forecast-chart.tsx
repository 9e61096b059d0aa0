import type { DueDay } from "@/lib/progress/forecast";
import { shortDay } from "./format";
import { BarChartSvg } from "./svg-chart";

export function ForecastChart({ forecast }: { forecast: DueDay[] }) {
  const total = forecast.reduce((sum, { due }) => sum + due, 0);
  return (
    <figure className="chart-figure">
      <BarChartSvg points={forecast.map(({ day, due }) => ({ label: shortDay(day), value: due }))} valueName="reviews due" />
      <figcaption className="muted">
        {total} flashcard reviews due over the next 30 days; {forecast[0]?.due ?? 0} today, as on Today and the Flashcards page. Quiz questions
        due come back in the daily quiz.
      </figcaption>
      <details>
        <summary>Reviews due by day (table)</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reviews due</th>
            </tr>
          </thead>
          <tbody>
            {forecast.map(({ day, due }) => (
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
