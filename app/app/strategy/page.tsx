import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { redirect } from "next/navigation";
import { CalibrationTable } from "@/components/strategy/calibration-table";
import { getSessionUserId } from "@/lib/auth/session";
import { topicLeaf } from "@/lib/content/topic-path";
import { getDb } from "@/lib/db/client";
import { percent } from "@/lib/strategy/calibration";
import { getStrategy } from "@/lib/strategy/strategy";
import "@/components/quiz/strategy.css";

export const metadata: Metadata = { title: "Exam strategy" };

export default async function StrategyPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/strategy");
  const strategy = await getStrategy(getDb(), userId, new Date());
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Exam strategy</h1>
        <p className="muted">
          When to attempt: from how sure you said you were before each quiz answer. A right answer earns +2 and a wrong one −2/3, so attempting pays
          on average once you are right more than <strong>{percent(strategy.breakEven)}</strong> of the time (the break-even: a blind pick among four
          options). <IntentLink href="/app/progress">Back to Progress</IntentLink>
        </p>
      </header>
      <section className="card" aria-labelledby="advice-title">
        <h2 id="advice-title">Advice from your answers</h2>
        <ul className="advice-list">
          {strategy.advice.map((advice) => (
            <li key={advice.confidence}>{advice.text}</li>
          ))}
        </ul>
        <p className="muted">
          Advice needs at least {strategy.minAttemptsForAdvice} answers at a level, and a 95% range for your accuracy that lies wholly above or below the
          break-even.
        </p>
      </section>
      <section className="card stack" aria-labelledby="calibration-title">
        <h2 id="calibration-title">Your hit rate by confidence</h2>
        <CalibrationTable calibration={strategy.recent} caption={`Last ${strategy.recentDays} days`} />
        <CalibrationTable calibration={strategy.allTime} caption="All time" />
      </section>
      <section className="card" aria-labelledby="misjudged-title">
        <h2 id="misjudged-title">Statements you misjudge most</h2>
        {strategy.misjudged.length === 0 ? (
          <p className="muted">In statement questions, mark each statement true or false before choosing: the facts you misjudge are listed here.</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Facts most often misjudged, most first</caption>
                <thead>
                  <tr>
                    <th scope="col">Fact</th>
                    <th scope="col">Misjudged</th>
                  </tr>
                </thead>
                <tbody>
                  {strategy.misjudged.map((fact) => (
                    <tr key={fact.factId}>
                      <th scope="row">
                        {fact.statement}
                        <span className="misjudged-topic muted" title={fact.topic}>
                          {topicLeaf(fact.topic)}
                        </span>
                      </th>
                      <td className="nowrap">
                        {fact.misjudged} of {fact.judged}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="actions misjudged-practise">
              <IntentLink className="button" href="/app/quiz?mode=misjudged">
                Practise these facts
              </IntentLink>
            </p>
          </>
        )}
      </section>
    </div>
  );
}
