import { IntentLink } from "@/components/shell/intent-link";
import type { Strategy } from "@/lib/strategy/strategy";
import "@/components/quiz/strategy.css";

/** How many misjudged facts Progress names; the Strategy page lists more. */
const SHOWN_ON_PROGRESS = 3;

/** Progress's part of the strategy: the advice, the facts most often misjudged, and one click to practise them. */
export function StrategySummary({ strategy }: { strategy: Strategy }) {
  const misjudged = strategy.misjudged.slice(0, SHOWN_ON_PROGRESS);
  return (
    <>
      <ul className="advice-list">
        {strategy.advice.map((advice) => (
          <li key={advice.confidence}>{advice.text}</li>
        ))}
      </ul>
      {misjudged.length > 0 && (
        <>
          <h3>Statements you misjudge most</h3>
          <ul className="advice-list">
            {misjudged.map((fact) => (
              <li key={fact.factId}>
                {fact.statement} <span className="muted">(misjudged {fact.misjudged} of {fact.judged})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="actions">
        {misjudged.length > 0 && (
          <IntentLink className="button" href="/app/quiz?mode=misjudged">
            Practise these facts
          </IntentLink>
        )}
        <IntentLink href="/app/strategy">See your strategy</IntentLink>
      </p>
    </>
  );
}
