"use client";

import { IntentLink } from "@/components/shell/intent-link";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import type { MyReport } from "@/components/reports/report-problem";
import { QuizResults } from "./quiz-results";
import { QuizRunner, type QuizView } from "./quiz-runner";
import { TopicOptions } from "@/components/shell/topic-options";
import { topicLeaf } from "@/lib/content/topic-path";

type Start = ({ mode: "topic"; topic: string } | { mode: "mistakes" } | { mode: "misjudged" } | { mode: "custom"; size: number }) & { timed: boolean; replaceUnfinished?: boolean };

function titleOf(quiz: QuizView): string {
  if (quiz.mode === "daily") return "Today's quiz";
  if (quiz.mode === "topic") return `Topic practice: ${topicLeaf(quiz.topic ?? "")}`;
  if (quiz.mode === "misjudged") return "Practise my misjudged statements";
  if (quiz.mode === "paper") return "Mock paper";
  return quiz.mode === "mistakes" ? "Retry my mistakes" : "Practice test";
}

function isOpen(quiz: QuizView | null): quiz is QuizView {
  return quiz !== null && quiz.finishedAt === null;
}

/**
 * The Quiz page: today's daily quiz (made on the first visit of the day, resumed after that), and the
 * other ways to practise: a topic, the questions got wrong before, or a test of any length, each timed
 * or not. An unfinished practice quiz resumes like the daily one; starting another while one is
 * unfinished asks first (the server refuses until told to end it).
 */
export function QuizPage({
  topics,
  initialTopic,
  daily: initialDaily,
  dailyError,
  practice: initialPractice,
  startMisjudged = false,
  finishedReports,
}: {
  topics: string[];
  initialTopic: string | null;
  daily: QuizView | null;
  dailyError: string | null;
  practice: QuizView | null;
  /** Start a quiz on the misjudged facts at once (the one click from the Strategy page). */
  startMisjudged?: boolean;
  /** The learner's reports by item, read with the page when today's quiz was already finished: its results then ask for none after load. */
  finishedReports?: Record<string, MyReport>;
}) {
  const [daily, setDaily] = useState<QuizView | null>(initialDaily);
  const [practice, setPractice] = useState<QuizView | null>(initialPractice);
  const [showing, setShowing] = useState<"daily" | "practice">(initialPractice ? "practice" : "daily");
  const [error, setError] = useState<string | null>(dailyError);
  const [busy, setBusy] = useState(false);
  // A start that is waiting for the learner to confirm ending their unfinished practice quiz.
  const [confirming, setConfirming] = useState<Start | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const [justFinished, setJustFinished] = useState(false);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const start = useCallback(async (body: Start) => {
    setBusy(true);
    setError(null);
    try {
      const quiz = await api<QuizView>("/api/quiz", { body });
      setPractice(quiz);
      setShowing("practice");
      setConfirming(null);
    } catch (caught) {
      if (caught instanceof ApiError && caught.body.error === "unfinished_quiz") setConfirming(body);
      else setError(caught instanceof ApiError ? caught.message : "The quiz could not be loaded. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }, []);

  const startedMisjudged = useRef(false);
  useEffect(() => {
    if (!startMisjudged || startedMisjudged.current) return;
    startedMisjudged.current = true;
    // Once: a reload of this page resumes the quiz rather than asking to start another.
    window.history.replaceState(null, "", "/app/quiz");
    void start({ mode: "misjudged", timed: false });
  }, [startMisjudged, start]);

  function onStartTopic(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void start({ mode: "topic", topic: String(form.get("topic")), timed: form.get("timed") === "on" });
  }

  function onStartCustom(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void start({ mode: "custom", size: Number(form.get("size")), timed: form.get("timed") === "on" });
  }

  function onStartMistakes(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void start({ mode: "mistakes", timed: new FormData(event.currentTarget).get("timed") === "on" });
  }

  const quiz = showing === "practice" && practice ? practice : daily;
  const other = quiz === practice ? daily : practice;
  const onFinished = (finished: QuizView) => (finished.mode === "daily" ? setDaily(finished) : setPractice(finished));
  const answered = (view: QuizView) => view.questions.filter((question) => question.answered).length;

  return (
    <div className="stack">
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!quiz && busy && <p className="muted">Loading the quiz…</p>}
      {confirming && practice && (
        <section className="alert alert-warning stack" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
          <h2 id="confirm-title" ref={confirmHeading} tabIndex={-1}>
            End your unfinished practice quiz?
          </h2>
          <p id="confirm-text">
            {titleOf(practice)} is not finished ({answered(practice)} of {practice.questions.length} answered). Starting another ends it: its unanswered
            questions count as skipped.
          </p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void start({ ...confirming, replaceUnfinished: true })}>
              End it and start the new quiz
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => {
                setConfirming(null);
                setShowing("practice");
              }}
            >
              Keep my unfinished quiz
            </button>
          </div>
        </section>
      )}
      {quiz && (
        <section aria-labelledby="quiz-title" className="stack">
          <h2 id="quiz-title">{titleOf(quiz)}</h2>
          {isOpen(other) && (
            <p className="muted">
              {other.mode === "daily" ? "Today's quiz is waiting too." : `${titleOf(other)} is not finished (${answered(other)} of ${other.questions.length} answered).`}{" "}
              <button type="button" className="link-button" onClick={() => setShowing(other.mode === "daily" ? "daily" : "practice")}>
                {other.mode === "daily" ? "Go to today's quiz" : "Resume it"}
              </button>
            </p>
          )}
          {quiz.mode === "paper" ? (
            // A mock paper runs on its own page, with its answer sheet and its keys withheld.
            <p className="card">
              In progress: {answered(quiz)} of {quiz.questions.length} answered.{" "}
              <IntentLink className="button" href={`/app/quiz/paper/${quiz.id}`}>
                Resume the paper
              </IntentLink>
            </p>
          ) : quiz.finishedAt ? (
            <QuizResults quiz={quiz} focusOnMount={justFinished} reports={quiz.id === initialDaily?.id && initialDaily.finishedAt ? finishedReports : undefined} />
          ) : (
            <QuizRunner
              key={quiz.id}
              initial={quiz}
              onFinished={(finished) => {
                setJustFinished(true);
                onFinished(finished);
              }}
            />
          )}
        </section>
      )}
      <section className="card" aria-labelledby="more-title">
        <h2 id="more-title">More practice</h2>
        <div className="practice-modes">
          <form onSubmit={onStartTopic} className="inline-form">
            <div className="form-field">
              <label htmlFor="topic">Practise a topic</label>
              <select id="topic" name="topic" defaultValue={initialTopic ?? topics[0]}>
                <TopicOptions topics={topics} />
              </select>
            </div>
            <label className="check-field">
              <input type="checkbox" name="timed" /> Timed
            </label>
            <button className="button" type="submit" disabled={busy}>
              Start topic quiz
            </button>
          </form>
          <form onSubmit={onStartCustom} className="inline-form">
            <div className="form-field">
              <label htmlFor="size">Practice test: number of questions</label>
              <input id="size" name="size" type="number" min={5} max={100} defaultValue={25} />
            </div>
            <label className="check-field">
              <input type="checkbox" name="timed" defaultChecked /> Timed
            </label>
            <button className="button" type="submit" disabled={busy}>
              Start test
            </button>
          </form>
          <div className="inline-form">
            <p className="muted">A timed paper in the Prelims mix of formats, with an answer sheet; keys and an analysis when you hand it in.</p>
            <IntentLink className="button" href="/app/quiz/paper">
              Sit a mock paper
            </IntentLink>
          </div>
          <form onSubmit={onStartMistakes} className="inline-form">
            <p className="muted">Questions you got wrong before, until you get them right.</p>
            <label className="check-field">
              <input type="checkbox" name="timed" /> Timed
            </label>
            <button className="button button-secondary" type="submit" disabled={busy}>
              Retry my mistakes
            </button>
          </form>
        </div>
        <p className="muted">A timed quiz gives 72 seconds a question and ends when time runs out; the clock starts when you press Start.</p>
      </section>
    </div>
  );
}
