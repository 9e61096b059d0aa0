import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { redirect } from "next/navigation";
import { CardStates } from "@/components/progress/card-states";
import { ForecastChart } from "@/components/progress/forecast-chart";
import { QuizHistory } from "@/components/progress/quiz-history";
import { ReadinessPanel } from "@/components/progress/readiness-panel";
import { ReviewHeatmap } from "@/components/progress/review-heatmap";
import { StatTiles } from "@/components/progress/stat-tiles";
import { TopicAccuracyTable } from "@/components/progress/topic-accuracy";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProgress } from "@/lib/progress/progress";
import { getStrategy } from "@/lib/strategy/strategy";
import { StrategySummary } from "@/components/strategy/strategy-summary";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/progress");
  const now = new Date();
  const [progress, strategy] = await Promise.all([getProgress(getDb(), userId, now), getStrategy(getDb(), userId, now)]);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Progress</h1>
        <p className="muted">
          Where you stand, in your time zone ({progress.timeZone}). Export your data from <IntentLink href="/app/settings#export">Settings</IntentLink>.
        </p>
      </header>
      <StatTiles progress={progress} />
      <section className="card" aria-labelledby="readiness-title">
        <h2 id="readiness-title">Exam readiness</h2>
        {progress.readiness ? (
          <ReadinessPanel readiness={progress.readiness} />
        ) : (
          <p className="muted">
            {progress.exam ? "Your exam day has passed." : "Set your exam date in "}
            {!progress.exam && <IntentLink href="/app/settings">Settings</IntentLink>}
            {!progress.exam && " to see your predicted recall on exam day and the daily plan that gets you there."}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="strategy-title">
        <h2 id="strategy-title">Exam strategy</h2>
        <p className="muted">When to attempt and when to skip, from how sure you said you were before each quiz answer (break-even: 25% right).</p>
        <StrategySummary strategy={strategy} />
      </section>
      <section className="card render-when-near" aria-labelledby="topics-title">
        <h2 id="topics-title">Accuracy by topic</h2>
        <p className="muted">Weakest first, across quiz answers and flashcard ratings.</p>
        <TopicAccuracyTable topics={progress.topics} />
      </section>
      <div className="two-columns">
        <section className="card render-when-near" aria-labelledby="forecast-title">
          <h2 id="forecast-title">Flashcard reviews due, next 30 days</h2>
          <ForecastChart forecast={progress.forecast} />
        </section>
        <section className="card render-when-near" aria-labelledby="states-title">
          <h2 id="states-title">Flashcards and quiz questions by state</h2>
          <CardStates cardsByState={progress.cardsByState} />
        </section>
      </div>
      <section className="card render-when-near" aria-labelledby="activity-title">
        <h2 id="activity-title">Reviews over the last year</h2>
        <ReviewHeatmap days={progress.heatmap.days} />
      </section>
      <section className="card render-when-near" aria-labelledby="quizzes-title">
        <h2 id="quizzes-title">Quiz history</h2>
        <QuizHistory quizzes={progress.quizzes} timeZone={progress.timeZone} />
      </section>
    </div>
  );
}
