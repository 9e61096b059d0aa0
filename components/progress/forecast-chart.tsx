"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DueDay } from "@/lib/progress/forecast";
import { shortDay } from "./format";

export function ForecastChart({ forecast }: { forecast: DueDay[] }) {
  const data = forecast.map(({ day, due }) => ({ label: shortDay(day), due }));
  const total = forecast.reduce((sum, { due }) => sum + due, 0);
  return (
    <figure className="chart-figure">
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d5d2c8" />
            <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 12, fill: "#4a4f59" }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#4a4f59" }} />
            <Tooltip formatter={(value) => [value, "Reviews due"]} />
            <Bar dataKey="due" fill="#2f3a8f" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
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
