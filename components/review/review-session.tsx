"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, intervalLabel, withRetry } from "@/lib/client/api";
import { ReportProblem } from "@/components/reports/report-problem";
import { SourceList, type Source } from "@/components/sources/source-list";

export type ReviewCard = {
  id: string;
  itemId: string;
  type: "flashcard" | "cloze";
  topic: string;
  front: string;
  back: string;
  explanation?: string;
  sources: Source[];
  intervals: Record<Rating, string>;
};

type Rating = "again" | "hard" | "good" | "easy";
const RATINGS: { rating: Rating; key: string; label: string }[] = [
  { rating: "again", key: "1", label: "Again" },
  { rating: "hard", key: "2", label: "Hard" },
  { rating: "good", key: "3", label: "Good" },
  { rating: "easy", key: "4", label: "Easy" },
];

type Done = { reviewId: string; cardIndex: number };

/**
 * One review session: due cards, then new ones, as the queue gives them. Space flips, 1-4 rate, Z undoes
 * the last rating. Each rating carries its own id, so a retry after a dropped connection is stored once.
 */
export function ReviewSession({ dueTomorrow }: { dueTomorrow: number }) {
  const [cards, setCards] = useState<ReviewCard[] | null>(null);
  const [index, setIndex] = useState(0);
  const [flipped, setFlipped] = useState(false);
  const [done, setDone] = useState<Done[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(0);
  const cardHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api<{ cards: ReviewCard[] }>("/api/reviews/queue?limit=100")
      .then(({ cards }) => setCards(cards))
      .catch(() => setError("Your cards could not be loaded. Reload the page to try again."));
  }, []);

  const card = cards?.[index];

  useEffect(() => {
    shownAt.current = Date.now();
    cardHeading.current?.focus();
  }, [index]);

  const rate = useCallback(
    async (rating: Rating) => {
      if (!card || busy) return;
      const reviewId = crypto.randomUUID();
      setBusy(true);
      setError(null);
      try {
        await withRetry(() =>
          api("/api/reviews", { body: { reviewId, cardId: card.id, rating, durationMs: Math.min(Date.now() - shownAt.current, 600_000) } }),
        );
        setDone((previous) => [...previous, { reviewId, cardIndex: index }]);
        setFlipped(false);
        setIndex((previous) => previous + 1);
      } catch (caught) {
        setError(caught instanceof ApiError ? caught.message : "The rating was not saved: check your connection and rate again.");
      } finally {
        setBusy(false);
      }
    },
    [card, busy, index],
  );

  const undo = useCallback(async () => {
    const last = done.at(-1);
    if (!last || busy) return;
    setBusy(true);
    setError(null);
    try {
      await withRetry(() => api("/api/reviews/undo", { body: { reviewId: last.reviewId } }));
      setDone((previous) => previous.slice(0, -1));
      setIndex(last.cardIndex);
      setFlipped(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Undo failed: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }, [done, busy]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (event.key === "z" || event.key === "Z") {
        event.preventDefault();
        void undo();
      } else if (!flipped && (event.key === " " || event.key === "Enter") && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        event.preventDefault();
        setFlipped(true);
      } else if (flipped) {
        const choice = RATINGS.find((option) => option.key === event.key);
        if (choice) {
          event.preventDefault();
          void rate(choice.rating);
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [flipped, rate, undo]);

  if (error && !cards) return <p className="alert alert-error">{error}</p>;
  if (!cards) return <p className="muted" aria-live="polite">Loading your cards…</p>;

  const total = cards.length;
  const progress = (
    <div className="session-progress">
      <div className="progress-bar" role="progressbar" aria-label="Cards reviewed this session" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done.length}>
        <span style={{ width: `${total === 0 ? 100 : (done.length / total) * 100}%` }} />
      </div>
      <span className="muted">
        {done.length} of {total} reviewed
      </span>
    </div>
  );

  if (!card) {
    return (
      <div className="stack">
        {progress}
        <section className="card done-card" aria-labelledby="done-title">
          <h2 id="done-title" tabIndex={-1}>
            Done for today
          </h2>
          <p>
            {total === 0 ? "No cards are due and you have met today's new-card limit." : `You reviewed ${done.length} cards.`}{" "}
            {dueTomorrow > 0 ? `${dueTomorrow} reviews are due tomorrow.` : "Nothing is due tomorrow yet."}
          </p>
          <div className="actions">
            <Link className="button" href="/app/quiz">
              Take today&apos;s quiz
            </Link>
            {done.length > 0 && (
              <button type="button" className="button button-secondary" onClick={() => void undo()} disabled={busy}>
                Undo last rating (Z)
              </button>
            )}
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="stack">
      {progress}
      <article className="card review-card" aria-labelledby="card-front">
        <p className="muted card-topic">
          {card.type === "cloze" ? "Fill in the blank" : "Recall"} · {card.topic.split(" > ").at(-1)}
        </p>
        <h2 id="card-front" ref={cardHeading} tabIndex={-1} className="card-front">
          {card.front}
        </h2>
        {flipped ? (
          <div className="card-back" aria-live="polite">
            <p className="card-answer">
              <span className="visually-hidden">Answer: </span>
              {card.back}
            </p>
            {card.explanation && <p>{card.explanation}</p>}
            <SourceList sources={card.sources} />
          </div>
        ) : (
          <button type="button" className="button flip-button" onClick={() => setFlipped(true)}>
            Show answer <kbd>Space</kbd>
          </button>
        )}
        {flipped && <ReportProblem key={card.itemId} itemId={card.itemId} />}
      </article>
      {flipped && (
        <div className="rating-buttons" role="group" aria-label="How well did you recall it?">
          {RATINGS.map(({ rating, key, label }) => (
            <button key={rating} type="button" className={`button rating rating-${rating}`} onClick={() => void rate(rating)} disabled={busy}>
              <span>
                {label} <kbd>{key}</kbd>
              </span>
              <span className="rating-interval">{intervalLabel(card.intervals[rating])}</span>
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted keyboard-help">
        Keys: <kbd>Space</kbd> show answer · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>Z</kbd> undo the last rating
        {done.length > 0 && (
          <>
            {" "}
            ·{" "}
            <button type="button" className="link-button" onClick={() => void undo()} disabled={busy}>
              Undo last rating
            </button>
          </>
        )}
      </p>
    </div>
  );
}
