import type { Progress } from "@/lib/progress/progress";
import { percent, plural } from "./format";

export function StatTiles({ progress }: { progress: Progress }) {
  const { streak, retention, exam, heatmap } = progress;
  const tiles = [
    { label: "Current streak", value: plural(streak.current, "day"), detail: `Longest: ${plural(streak.longest, "day")}` },
    {
      label: "True retention, 7 days",
      value: percent(retention.last7Days.rate),
      detail: `${retention.last7Days.recalled} of ${retention.last7Days.reviews} reviews recalled · target ${percent(retention.desired)}`,
    },
    {
      label: "True retention, 30 days",
      value: percent(retention.last30Days.rate),
      detail: `${retention.last30Days.recalled} of ${retention.last30Days.reviews} reviews recalled`,
    },
    {
      label: "Reviews this year",
      value: String(heatmap.totalReviews),
      detail: `on ${plural(heatmap.activeDays, "day")}`,
    },
    exam
      ? {
          label: exam.name ?? "Exam",
          value: exam.daysLeft > 0 ? plural(exam.daysLeft, "day") + " left" : exam.daysLeft === 0 ? "Today" : "Done",
          detail: `on ${exam.date}`,
        }
      : { label: "Exam date", value: "Not set", detail: "Set it in Settings to see readiness" },
  ];
  return (
    <dl className="stat-tiles">
      {tiles.map((tile) => (
        <div key={tile.label} className="card stat-tile">
          <dt>{tile.label}</dt>
          <dd className="stat-value">{tile.value}</dd>
          <dd className="muted stat-detail">{tile.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
