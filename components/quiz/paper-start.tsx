"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import type { QuizView } from "./quiz-runner";

/** Paper sizes offered: a quick sitting, half a paper, the whole paper. */
const SIZES = [
  { size: 20, label: "20 questions", time: "24 minutes" },
  { size: 50, label: "50 questions", time: "1 hour" },
  { size: 100, label: "100 questions", time: "2 hours, the real paper" },
] as const;

/**
 * Starts a mock paper of the chosen size and opens it. While another practice quiz is unfinished the
 * server refuses; the learner may then end that quiz and start the paper.
 */
export function PaperStart({ largestPaper }: { largestPaper: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  async function start(size: number, replaceUnfinished = false) {
    setBusy(true);
    setError(null);
    try {
      const paper = await api<QuizView>("/api/quiz", { body: { mode: "paper", size, ...(replaceUnfinished ? { replaceUnfinished } : {}) } });
      router.push(`/app/quiz/paper/${paper.id}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.body.error === "unfinished_quiz") setConfirming(size);
      else setError(caught instanceof ApiError ? caught.message : "The paper could not be made: check your connection and try again.");
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void start(Number(new FormData(event.currentTarget).get("size")));
  }

  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby="paper-size-title">
      <fieldset className="paper-sizes">
        <legend id="paper-size-title">
          <h2>Sit a mock paper</h2>
        </legend>
        {SIZES.map(({ size, label, time }) => (
          <label key={size} className="option">
            <input type="radio" name="size" value={size} defaultChecked={size === 100} />
            <span className="option-text">
              <strong>{label}</strong> · {time}
              {size > largestPaper ? ` (the bank has about ${largestPaper} questions with no two on one fact: the paper will be about that long)` : ""}
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {confirming !== null ? (
        <div className="alert alert-warning stack" role="alertdialog" aria-labelledby="paper-confirm-title">
          <p id="paper-confirm-title">
            <strong>End your unfinished practice quiz?</strong> Starting the paper ends it: its unanswered questions count as skipped.
          </p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void start(confirming, true)}>
              End it and start the paper
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(null)}>
              Keep my quiz
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button className="button" type="submit" disabled={busy}>
            Make the paper
          </button>
        </div>
      )}
    </form>
  );
}
