"use client";

import { useCallback, useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { QuizResults } from "./quiz-results";
import { QuizRunner, type QuizView } from "./quiz-runner";
import { TopicOptions } from "@/components/shell/topic-options";

type Start = { mode: "topic"; topic: string } | { mode: "mistakes" } | { mode: "custom"; size: number };

/**
 * The Quiz page: today's daily quiz (made on the first visit of the day, resumed after that), and the
 * other ways to practise: a topic, the questions got wrong before, or a timed test of any length.
 */
export function QuizPage({
  topics,
  initialTopic,
  daily,
  dailyError,
}: {
  topics: string[];
  initialTopic: string | null;
  daily: QuizView | null;
  dailyError: string | null;
}) {
  const [quiz, setQuiz] = useState<QuizView | null>(daily);
  const [error, setError] = useState<string | null>(dailyError);
  const [busy, setBusy] = useState(false);
  const [justFinished, setJustFinished] = useState(false);

  const open = useCallback(async (load: () => Promise<QuizView>) => {
    setBusy(true);
    setError(null);
    try {
      setQuiz(await load());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The quiz could not be loaded. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }, []);

  const start = (body: Start) => void open(() => api<QuizView>("/api/quiz", { body }));

  function onStartTopic(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start({ mode: "topic", topic: String(new FormData(event.currentTarget).get("topic")) });
  }

  function onStartCustom(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start({ mode: "custom", size: Number(new FormData(event.currentTarget).get("size")) });
  }

  const title = quiz ? (quiz.mode === "daily" ? "Today's quiz" : quiz.mode === "topic" ? `Topic practice: ${quiz.topic?.split(" > ").at(-1)}` : quiz.mode === "mistakes" ? "Retry my mistakes" : "Timed test") : null;

  return (
    <div className="stack">
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!quiz && busy && <p className="muted">Loading the quiz…</p>}
      {quiz && (
        <section aria-labelledby="quiz-title" className="stack">
          <h2 id="quiz-title">{title}</h2>
          {quiz.finishedAt ? (
            <QuizResults quiz={quiz} focusOnMount={justFinished} />
          ) : (
            <QuizRunner
              key={quiz.id}
              initial={quiz}
              onFinished={(finished) => {
                setJustFinished(true);
                setQuiz(finished);
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
            <button className="button" type="submit" disabled={busy}>
              Start topic quiz
            </button>
          </form>
          <form onSubmit={onStartCustom} className="inline-form">
            <div className="form-field">
              <label htmlFor="size">Timed test: number of questions</label>
              <input id="size" name="size" type="number" min={5} max={100} defaultValue={25} />
            </div>
            <button className="button" type="submit" disabled={busy}>
              Start timed test
            </button>
          </form>
          <div className="inline-form">
            <p className="muted">Questions you got wrong before, until you get them right.</p>
            <button className="button button-secondary" type="button" disabled={busy} onClick={() => start({ mode: "mistakes" })}>
              Retry my mistakes
            </button>
          </div>
        </div>
      </section>
    </div>
  );
}
