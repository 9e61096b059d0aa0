import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { redirect } from "next/navigation";
import { plural } from "@/components/progress/format";
import { DayPlanSteps, ExamPlan } from "@/components/today/day-plan";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dayPlan } from "@/lib/today/day-plan";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/today");
  const plan = await dayPlan(getDb(), userId, new Date());
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Today</h1>
        <p className="muted">
          {new Date(`${plan.day}T00:00:00Z`).toLocaleDateString("en-IN", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}
          {plan.exam &&
            (plan.exam.daysLeft > 0
              ? ` · ${plural(plan.exam.daysLeft, "day")} to ${plan.exam.name ?? "your exam"}`
              : ` · ${plan.exam.name ?? "Your exam"} is today. All the best!`)}
          {` · Streak: ${plural(plan.streak.current, "day")} (longest ${plan.streak.longest})`}
        </p>
      </header>
      {plan.exam && <ExamPlan exam={plan.exam} flashcards={plan.flashcards} />}
      <DayPlanSteps plan={plan} />
      {!plan.exam && (
        <p className="card">
          Set your exam date in <IntentLink href="/app/settings">Settings</IntentLink>: Smriti then counts down to it, plans your reviews so that you
          remember what you studied on the day, and shows here how much a day that takes.
        </p>
      )}
    </div>
  );
}
