import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { plural } from "@/components/progress/format";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { todaySummary } from "@/lib/practice/today";

export const metadata: Metadata = { title: "Today" };

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

export default async function TodayPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/today");
  const today = await todaySummary(getDb(), userId, new Date());
  const cardsLeft = today.due + today.new;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Today</h1>
        <p className="muted">
          {new Date(`${today.day}T00:00:00Z`).toLocaleDateString("en-IN", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}
          {today.exam &&
            (today.exam.daysLeft > 0
              ? ` · ${plural(today.exam.daysLeft, "day")} to ${today.exam.name ?? "your exam"}`
              : today.exam.daysLeft === 0
                ? ` · ${today.exam.name ?? "Your exam"} is today. All the best!`
                : "")}
        </p>
      </header>
      <div className="today-grid">
        <section className="card" aria-labelledby="cards-title">
          <h2 id="cards-title">Flashcards</h2>
          <p className="stat-value">{cardsLeft === 0 ? "All done" : plural(cardsLeft, "card")}</p>
          <p className="muted">
            {today.due} due · {today.new} new · {today.reviewedToday} reviewed today
          </p>
          <Link className={cardsLeft === 0 ? "button button-secondary" : "button"} href="/app/flashcards">
            {cardsLeft === 0 ? "Review anyway" : "Start reviews"}
          </Link>
        </section>
        <section className="card" aria-labelledby="quiz-title">
          <h2 id="quiz-title">Daily quiz</h2>
          {today.quiz.status === "finished" && today.quiz.score ? (
            <>
              <p className="stat-value">
                {formatScore(today.quiz.score.score)} / {today.quiz.score.maxScore}
              </p>
              <p className="muted">
                Finished: {today.quiz.score.correct} right, {today.quiz.score.wrong} wrong, {today.quiz.score.skipped} skipped.
              </p>
              <Link className="button button-secondary" href="/app/quiz">
                See the answers
              </Link>
            </>
          ) : (
            <>
              <p className="stat-value">{today.quiz.status === "in-progress" ? "In progress" : "Waiting"}</p>
              <p className="muted">
                {today.quiz.status === "in-progress" && today.quiz.score
                  ? `${today.quiz.score.answered} answered so far.`
                  : "Prelims-style questions, about 72 seconds each."}
              </p>
              <Link className="button" href="/app/quiz">
                {today.quiz.status === "in-progress" ? "Resume the quiz" : "Start the quiz"}
              </Link>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="streak-title">
          <h2 id="streak-title">Streak</h2>
          <p className="stat-value">{plural(today.streak.current, "day")}</p>
          <p className="muted">Longest: {plural(today.streak.longest, "day")}</p>
          <Link href="/app/progress">See your progress</Link>
        </section>
      </div>
      {!today.exam && (
        <p className="card">
          Set your exam date in <Link href="/app/settings">Settings</Link>: Smriti then counts down to it and plans your reviews so
          that you remember what you studied on the day.
        </p>
      )}
    </div>
  );
}
