import Link from "next/link";
import type { Readiness } from "@/lib/readiness/readiness";
import { longDay, percent, plural } from "./format";
import { topicLeaf } from "./topic-accuracy";

export function ReadinessPanel({ readiness }: { readiness: Readiness }) {
  const { overall, plan, topics, targetRetention } = readiness;
  return (
    <div className="stack">
      <p className="readiness-headline">
        Predicted recall on exam day ({longDay(readiness.examDate)}):{" "}
        <strong>{overall.predictedRecall === null ? "nothing studied yet" : percent(overall.predictedRecall)}</strong>{" "}
        <span className="muted">
          of {plural(overall.studied, "studied card")}, target {percent(targetRetention)}; {overall.belowTarget} below target.
        </span>
      </p>
      {plan && (
        <div className={`alert ${plan.onTrack.overall ? "alert-success" : "alert-warning"}`}>
          <p>
            <strong>{plan.onTrack.overall ? "You are on track." : "You are behind the plan."}</strong> To reach{" "}
            {percent(targetRetention)} on every card by exam day, do about{" "}
            <strong>{Math.ceil(plan.reviewsPerDay)} reviews</strong> and <strong>{Math.ceil(plan.newCardsPerDay)} new cards</strong> a
            day for the next {plural(plan.studyDays, "day")} (new cards until {longDay(plan.introduceBy)}).
          </p>
          <p className="muted">
            Your last {plural(plan.pace.days, "day")}: {plan.pace.reviewsPerDay.toFixed(1)} reviews and {plan.pace.newCardsPerDay.toFixed(1)} new
            cards a day.
            {plan.newCardsLimitTooLow && (
              <>
                {" "}
                Your daily new-card limit is lower than the plan needs: raise it in <Link href="/app/settings">Settings</Link>.
              </>
            )}
          </p>
        </div>
      )}
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Predicted recall on exam day by topic, weakest first</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Predicted recall</th>
              <th scope="col">Studied</th>
              <th scope="col">Below target</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr key={topic.topic}>
                <th scope="row" title={topic.topic}>
                  {topicLeaf(topic.topic)}
                </th>
                <td>{percent(topic.predictedRecall)}</td>
                <td>
                  {topic.studied} of {topic.items}
                </td>
                <td>{topic.belowTarget}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
