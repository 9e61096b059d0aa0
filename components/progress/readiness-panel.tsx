import { IntentLink } from "@/components/shell/intent-link";
import { topicLeaf } from "@/lib/content/topic-path";
import { formatScore } from "@/lib/quiz/marking";
import type { PredictedScore } from "@/lib/readiness/predicted-score";
import { MIN_PACE_DAYS, type Readiness, type ReadinessPlan } from "@/lib/readiness/readiness";
import { longDay, perDay, percent, plural } from "./format";

export function ReadinessPanel({ readiness }: { readiness: Readiness & { predictedScore: PredictedScore | null } }) {
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
      {readiness.predictedScore && <PredictedScoreLine predicted={readiness.predictedScore} />}
      {plan && <PlanAdvice plan={plan} targetRetention={targetRetention} />}
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

/** The simulated exam-day score: what the memory of the facts, as FSRS forecasts it, is worth on a paper of the bank. */
function PredictedScoreLine({ predicted }: { predicted: PredictedScore }) {
  return (
    <p className="predicted-score">
      Predicted score on a paper of {predicted.questions} questions from the bank on exam day: <strong>{formatScore(predicted.median)}</strong> of{" "}
      {predicted.maxScore}{" "}
      <span className="muted">
        (8 papers in 10 between {formatScore(predicted.low)} and {formatScore(predicted.high)}; from {predicted.simulations} simulated papers in the Prelims mix of
        formats, counting a question right when you recall all its facts on exam day and skipped otherwise).{" "}
        <IntentLink href="/app/quiz/paper">Sit a mock paper</IntentLink>
      </span>
    </p>
  );
}

/** The plan for the days left, the user's pace against it (once there are enough days to judge), and why its new cards a day differ from Settings. */
function PlanAdvice({ plan, targetRetention }: { plan: ReadinessPlan; targetRetention: number }) {
  const { onTrack, pace } = plan;
  const verdict = onTrack === null ? "The plan." : onTrack.overall ? "You are on track." : "You are behind the plan.";
  const tone = onTrack === null ? "alert-info" : onTrack.overall ? "alert-success" : "alert-warning";
  return (
    <div className={`alert ${tone} readiness-plan`}>
      <p>
        <strong>{verdict}</strong> To reach {percent(targetRetention)} on every card by exam day, do about{" "}
        <strong>{plural(plan.reviewsPerDay, "review")}</strong> and <strong>{plural(plan.newCardsPerDay, "new card")}</strong> a day for
        the next {plural(plan.studyDays, "day")}
        {plan.newCards > 0 ? ` (new cards until ${longDay(plan.introduceBy)})` : ""}.
      </p>
      <p className="muted">
        {pace.days === 0 ? (
          <>You have not studied yet: your pace is compared with the plan after {MIN_PACE_DAYS} days of study.</>
        ) : onTrack === null ? (
          <>
            You started {pace.days === 1 ? "today" : pace.days === 2 ? "yesterday" : `${pace.days - 1} days ago`}: too early to compare your pace with the plan, which is done
            after {MIN_PACE_DAYS} days (a first week is mostly new cards, with few reviews due yet).
          </>
        ) : (
          <>
            Your last {plural(pace.days, "day")}: about {perDay(pace.reviewsPerDay, "review")} and {perDay(pace.newCardsPerDay, "new card")} a
            day{onTrack.overall ? "." : `, short on ${onTrack.reviews ? "new cards" : onTrack.newCards ? "reviews" : "reviews and new cards"}.`}
          </>
        )}
      </p>
      <NewCardsAdvice plan={plan} />
    </div>
  );
}

function NewCardsAdvice({ plan }: { plan: ReadinessPlan }) {
  const limit = plan.newCardsPerDayLimit;
  if (plan.newCards === 0) return <p className="muted">Every card in the bank is studied: only reviews are left.</p>;
  const spread = `the ${plural(plan.newCards, "card")} you have not studied, spread over the ${plural(plan.introductionDays, "day")} until ${longDay(plan.introduceBy)} (new cards stop a week before the exam so that the last ones still get a few reviews)`;
  if (plan.newCardsLimitTooLow) {
    return (
      <p className="muted">
        The plan needs {plural(plan.newCardsPerDay, "new card")} a day, {spread}, but your Settings allow only {limit}: raise it to at least{" "}
        {plan.newCardsPerDay} in <IntentLink href="/app/settings">Settings</IntentLink>, or part of the bank will be new on exam day.
      </p>
    );
  }
  if (plan.newCardsPerDay < limit) {
    return (
      <p className="muted">
        Why {plan.newCardsPerDay} and not the {limit} a day of your <IntentLink href="/app/settings">Settings</IntentLink>? {plan.newCardsPerDay} is the
        least that covers {spread}. The flashcards page keeps offering up to {limit} a day: taking more finishes the bank sooner, at the
        cost of more reviews each day.
      </p>
    );
  }
  return null;
}
