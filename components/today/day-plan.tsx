import { IntentLink } from "@/components/shell/intent-link";
import type { ReactNode } from "react";
import { longDay, percent, plural } from "@/components/progress/format";
import { topicLeaf } from "@/lib/content/topic-path";
import { formatScore } from "@/lib/quiz/marking";
import type { DayPlan } from "@/lib/today/day-plan";

function practiseHref(topic: string): string {
  return `/app/quiz?mode=topic&topic=${encodeURIComponent(topic)}`;
}

function Step({ number, title, done, next, children }: { number: number; title: string; done: boolean; next: boolean; children: ReactNode }) {
  return (
    <li className={`card plan-step${next ? " plan-step-next" : ""}${done ? " plan-step-done" : ""}`} aria-current={next ? "step" : undefined}>
      <h3 className="plan-step-title">
        <span className="plan-step-number" aria-hidden="true">
          {done ? "✓" : number}
        </span>
        {title}
        <span className="plan-step-state">{done ? "Done" : next ? "Next" : "Later"}</span>
      </h3>
      {children}
    </li>
  );
}

/** The exam plan's share of today, from readiness: how much a day until the exam, and what changes near it. */
export function ExamPlan({ exam, flashcards }: { exam: NonNullable<DayPlan["exam"]>; flashcards: DayPlan["flashcards"] }) {
  const name = exam.name ?? "your exam";
  return (
    <section className="card exam-plan" aria-labelledby="exam-plan-title">
      <h2 id="exam-plan-title">
        Plan for {name} <span className="muted">· {exam.daysLeft === 0 ? "today" : `${plural(exam.daysLeft, "day")} left`}</span>
      </h2>
      {exam.daysLeft === 0 ? (
        <p>The exam is today: no new cards. A short review of what is due settles the nerves; all the best!</p>
      ) : (
        <>
          <p>
            To remember {percent(exam.targetRetention)} of every card on {longDay(exam.date)}: about{" "}
            <strong>{plural(exam.reviewsPerDay ?? 0, "review")}</strong> and <strong>{plural(exam.newCardsPerDay ?? 0, "new card")}</strong> a day
            {exam.introduceBy ? ` (new cards until ${longDay(exam.introduceBy)})` : ""}. Today you have {flashcards.due} flashcards due and{" "}
            {flashcards.new} new.
          </p>
          {exam.finalStretch && (
            <p>Final stretch: your flashcards come weakest-on-exam-day first, whether due or not. Keep up the daily quiz for pace.</p>
          )}
          {exam.newCardsPerDay !== null && exam.newCardsPerDay < exam.newCardsLimit && exam.newCards > 0 && (
            <p className="muted">
              That is fewer new cards than your limit of {exam.newCardsLimit} a day: {plural(exam.newCardsPerDay, "new card")} a day is enough to meet
              all {exam.newCards} cards not studied yet by {longDay(exam.introduceBy ?? exam.date)}. More a day leaves more time to review them.
            </p>
          )}
          {exam.newCardsLimitTooLow && (
            <p className="muted">
              The plan needs more new cards a day than your limit in <IntentLink href="/app/settings">Settings</IntentLink> allows.
            </p>
          )}
        </>
      )}
      <IntentLink href="/app/progress">Readiness by topic</IntentLink>
    </section>
  );
}

/** Today's work in order: flashcard reviews, the daily quiz, then the weak topics. */
export function DayPlanSteps({ plan }: { plan: DayPlan }) {
  const { flashcards, quiz, weakTopics, next } = plan;
  const cardsLeft = flashcards.due + flashcards.new;
  return (
    <section aria-labelledby="plan-title" className="stack">
      <h2 id="plan-title">Today&apos;s plan</h2>
      <ol className="day-plan" aria-labelledby="plan-title">
        <Step number={1} title="Flashcards" done={flashcards.done} next={next === "flashcards"}>
          <p className="plan-step-figure">{flashcards.done ? "All done for today" : plural(cardsLeft, "card")}</p>
          <p className="muted">
            {flashcards.due} due · {flashcards.new} new · {flashcards.reviewedToday} reviewed today. Recall cards, scheduled by FSRS.
          </p>
          <IntentLink className={next === "flashcards" ? "button" : "button button-secondary"} href="/app/flashcards">
            {flashcards.done ? "Review anyway" : flashcards.reviewedToday > 0 ? "Continue reviews" : "Start reviews"}
          </IntentLink>
        </Step>
        <Step number={2} title="Daily quiz" done={quiz.done} next={next === "quiz"}>
          <p className="plan-step-figure">
            {quiz.questions} questions · {quiz.minutes} minutes
          </p>
          <p className="muted">
            {quiz.status === "finished" && quiz.score
              ? `Finished: ${formatScore(quiz.score.score)} / ${quiz.score.maxScore} (${quiz.score.correct} right, ${quiz.score.wrong} wrong, ${quiz.score.skipped} skipped).`
              : quiz.status === "in-progress"
                ? `In progress: ${quiz.answered} of ${quiz.questions} answered.`
                : "Not started. Prelims questions with UPSC marking: +2 right, −2/3 wrong."}
          </p>
          <IntentLink className={next === "quiz" ? "button" : "button button-secondary"} href="/app/quiz">
            {quiz.status === "finished" ? "See the answers" : quiz.status === "in-progress" ? "Resume the quiz" : "Start the quiz"}
          </IntentLink>
        </Step>
        <Step number={3} title="Weak topics" done={false} next={next === "weak-topics"}>
          {weakTopics.length === 0 ? (
            <p className="muted">Weak topics appear after your first quiz answers and flashcard reviews: the ones you get wrong most, to practise.</p>
          ) : (
            <>
              <p className="muted">Your lowest accuracy, quiz and flashcards together. A short topic quiz each:</p>
              <ul className="weak-topics">
                {weakTopics.map((topic) => (
                  <li key={topic.topic}>
                    <IntentLink href={practiseHref(topic.topic)} title={topic.topic}>
                      Practise {topicLeaf(topic.topic)}
                    </IntentLink>{" "}
                    <span className="muted">
                      {topic.correct} of {topic.attempts} right ({percent(topic.accuracy)})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Step>
      </ol>
    </section>
  );
}
