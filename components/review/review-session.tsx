"use client";

import { IntentLink } from "@/components/shell/intent-link";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, intervalLabel, withRetry } from "@/lib/client/api";
import { isNetworkFailure, offlineReviews } from "@/lib/client/offline-reviews";
import type { DeviceCardState } from "@/lib/practice/device-schedule";
import type { SchedulingPolicy } from "@/lib/practice/scheduling";
import { ReportProblem } from "@/components/reports/report-problem";
import { SourceList, type Source } from "@/components/sources/source-list";
import { topicLeaf } from "@/lib/content/topic-path";

export type ReviewCard = {
  id: string;
  itemId: string;
  type: "flashcard" | "cloze";
  topic: string;
  front: string;
  back: string;
  explanation?: string;
  sources: Source[];
  state: number;
  /** When to show it (server time): a learning card's step may fall due later in the session. */
  showAt: string;
  intervals: Record<Rating, string>;
  /** Its FSRS state as the device knows it: what a rating made offline is scheduled from. */
  memory: DeviceCardState;
  /** A card rated Again (or still in its steps) online, put back locally: fetched afresh when its step is due. */
  comesBack?: boolean;
  /** Put back after this rating (its review id): the state it carries already counts it. */
  afterRating?: string;
};

type ServedQueue = { userId: string; servedAt: string; scheduling: SchedulingPolicy; cards: ReviewCard[] };

// The device's scheduler (ts-fsrs with the user's parameters), loaded once the cards are on screen rather
// than with the page: the service worker precaches the chunk, so it is there offline too.
const deviceScheduler = () => import("@/lib/practice/device-schedule");

type Rating = "again" | "hard" | "good" | "easy";
const RATINGS: { rating: Rating; key: string; label: string }[] = [
  { rating: "again", key: "1", label: "Again" },
  { rating: "hard", key: "2", label: "Hard" },
  { rating: "good", key: "3", label: "Good" },
  { rating: "easy", key: "4", label: "Easy" },
];

// ts-fsrs states of cards that are mid-step and come back within the day.
const LEARNING = 1;
const RELEARNING = 3;

/** A rating of this session; `onDevice` while it waits on the device to be synced. */
type Rated = { reviewId: string; card: ReviewCard; onDevice?: boolean };

function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * One review session: due cards, then new ones, as the queue gives them. Space flips, 1-4 rate, Z undoes
 * the last rating. Each rating carries its own id, so a retry after a dropped connection is stored once.
 *
 * As in Anki, a card rated Again, or still in its learning steps, comes back in the same session when its
 * step is due; when only such cards are left the session counts down to the next one. "Done for today"
 * only when the queue has nothing left before the end of the user's day.
 *
 * Offline, the session goes on with the day's queue kept on the device (lib/client/offline-reviews): its
 * ratings wait there, shown as waiting to sync, and are sent when the connection returns or on the next
 * visit; undo takes back one not yet sent without the server.
 */
export function ReviewSession({ userId, dueTomorrow }: { userId: string; dueTomorrow: number }) {
  // This account's copy on the device: another account on the same phone has its own.
  const device = offlineReviews(userId);
  const [cards, setCards] = useState<ReviewCard[] | null>(null);
  // The server's clock minus the browser's, so that showAt is read on the server's clock.
  const [clockOffset, setClockOffset] = useState(0);
  const [now, setNow] = useState(0);
  const [flipped, setFlipped] = useState(false);
  const [done, setDone] = useState<Rated[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const [waitingToSync, setWaitingToSync] = useState(0);
  const servedAt = useRef("");
  // The user's scheduling, as the server last sent it: how ratings made offline are scheduled here.
  const scheduling = useRef<SchedulingPolicy | null>(null);
  const loading = useRef(false);
  const shownAt = useRef(0);
  const cardHeading = useRef<HTMLHeadingElement>(null);

  /** No connection: the queue and ratings kept on the device, as the last session left them. */
  const resumeOnDevice = useCallback(async () => {
    const [kept, waiting] = await Promise.all([device.storedQueue<ReviewCard>(), device.pendingRatings<ReviewCard>()]);
    if (!kept) {
      setError("You are offline, and no flashcards are kept on this device yet: open Flashcards once while online.");
      return;
    }
    // A card with ratings waiting stays only if it is the copy put back after the latest of them (a
    // card rated Again, due again later); otherwise the page closed before the queue was saved.
    const latestRating = new Map(waiting.map((rating) => [rating.cardId, rating.reviewId]));
    const current = (candidate: ReviewCard) => !latestRating.has(candidate.id) || latestRating.get(candidate.id) === candidate.afterRating;
    servedAt.current = kept.servedAt;
    scheduling.current = kept.scheduling;
    setOffline(true);
    setWaitingToSync(waiting.length);
    setClockOffset(0);
    setNow(Date.now());
    setDone(waiting.map((rating) => ({ reviewId: rating.reviewId, card: rating.card, onDevice: true })));
    setCards(kept.cards.filter(current));
  }, [device]);

  const load = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      // Ratings left on the device by an offline session go first: the queue then leaves their cards out.
      setWaitingToSync(await device.syncPendingRatings());
      const queue = await api<ServedQueue>("/api/reviews/queue?limit=100");
      // Another account signed in (in another tab) since this page was made: the page is theirs now.
      if (queue.userId !== userId) return window.location.reload();
      const at = Date.now();
      servedAt.current = queue.servedAt;
      scheduling.current = queue.scheduling;
      setOffline(false);
      setClockOffset(Date.parse(queue.servedAt) - at);
      setNow(at);
      setCards(queue.cards);
      void deviceScheduler();
    } catch (caught) {
      if (!isNetworkFailure(caught)) setError("Your cards could not be loaded. Reload the page to try again.");
      else await resumeOnDevice();
    } finally {
      loading.current = false;
    }
  }, [resumeOnDevice, device, userId]);

  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    return () => clearTimeout(first);
  }, [load]);

  // The cards still to review, kept on the device after every change: what an offline visit resumes from.
  useEffect(() => {
    if (cards && servedAt.current && scheduling.current) void device.saveQueue(cards, servedAt.current, scheduling.current).catch(() => {});
  }, [cards, device]);

  // Back online: send what waited, then carry on with the server's queue.
  useEffect(() => {
    const goneOffline = () => setOffline(true);
    const backOnline = () => {
      setOffline(false);
      void device.syncPendingRatings().then(setWaitingToSync);
    };
    window.addEventListener("offline", goneOffline);
    window.addEventListener("online", backOnline);
    return () => {
      window.removeEventListener("offline", goneOffline);
      window.removeEventListener("online", backOnline);
    };
  }, [device]);

  const serverNow = now + clockOffset;
  const isDue = (candidate: ReviewCard) => Date.parse(candidate.showAt) <= serverNow;
  // A learning step that has come due goes first, as in Anki; then the other cards in queue order.
  const learningDue = cards?.filter((candidate) => (candidate.state === LEARNING || candidate.state === RELEARNING) && isDue(candidate)).sort((a, b) => Date.parse(a.showAt) - Date.parse(b.showAt));
  const card = learningDue?.[0] ?? cards?.find(isDue);
  const nextWaiting = cards?.filter((candidate) => !isDue(candidate)).sort((a, b) => Date.parse(a.showAt) - Date.parse(b.showAt))[0];
  const waitingMs = nextWaiting ? Date.parse(nextWaiting.showAt) - serverNow : null;

  // While a card waits for its step: tick the clock, and (online) fetch the queue again when a card put
  // back after an online rating falls due (its intervals are computed afresh then). Offline, the card
  // put back carries what the device scheduled and is simply shown.
  const waiting = cards !== null && cards.some((candidate) => !isDue(candidate));
  useEffect(() => {
    if (!waiting || !cards) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (!offline && cards.some((candidate) => candidate.comesBack && Date.parse(candidate.showAt) <= at + clockOffset)) void load();
    }, 1000);
    return () => clearInterval(timer);
  }, [waiting, cards, clockOffset, load, offline]);

  const cardId = card?.id;
  const hasCard = card !== undefined;
  useEffect(() => {
    if (!cardId) return;
    shownAt.current = Date.now();
    cardHeading.current?.focus();
  }, [cardId]);

  // When the last card in hand is rated, the card (and the focus in it) leaves the page: the heading that
  // says what happens now takes the focus, or a keyboard user would be left on the page body.
  const phase = !cards ? "loading" : card ? "card" : nextWaiting ? "waiting" : "done";
  const endHeading = useRef<HTMLHeadingElement>(null);
  const previousPhase = useRef(phase);
  useEffect(() => {
    if (previousPhase.current === "card" && phase !== "card") endHeading.current?.focus();
    previousPhase.current = phase;
  }, [phase]);

  const rate = useCallback(
    async (rating: Rating) => {
      if (!card || busy) return;
      const reviewId = crypto.randomUUID();
      const reviewedAt = new Date();
      const durationMs = Math.min(reviewedAt.getTime() - shownAt.current, 600_000);
      setBusy(true);
      setError(null);
      // The rating as the server will replay it (same scheduler, the user's parameters, the time it was
      // made): the card's state on the device from now on, and when it comes back if rated offline.
      const policy = scheduling.current;
      // Without the scheduler (its chunk failed to load) a rating is still kept; its card just does not come back.
      const onDevice = policy ? await deviceScheduler().then((module) => module.rateOnDevice(card.memory, rating, reviewedAt, policy), () => null) : null;
      const onServerClock = (at: Date) => new Date(at.getTime() + clockOffset).toISOString();
      const next = (result: { state: number; due: string } | null) => {
        setDone((previous) => [...previous, { reviewId, card, onDevice: result === null }]);
        setFlipped(false);
        const rest = (cards ?? []).filter((candidate) => candidate.id !== card.id);
        const memory: DeviceCardState = onDevice?.memory ?? card.memory;
        // Still in its steps: it comes back when the step is due, by the server's word online and by the
        // device's schedule offline.
        const back: ReviewCard[] =
          result && (result.state === LEARNING || result.state === RELEARNING)
            ? [{ ...card, memory, state: result.state, showAt: result.due, comesBack: true, afterRating: reviewId }]
            : !result && onDevice?.comesBackAt
              ? [
                  {
                    ...card,
                    memory,
                    state: onDevice.memory.state,
                    showAt: onServerClock(onDevice.comesBackAt),
                    intervals: Object.fromEntries(Object.entries(onDevice.intervals).map(([name, due]) => [name, onServerClock(due)])) as Record<Rating, string>,
                    comesBack: false,
                    afterRating: reviewId,
                  },
                ]
              : [];
        setNow(Date.now());
        setCards([...rest, ...back]);
        return rest.length === 0 && back.length === 0;
      };
      const keepOnDevice = async () => {
        await device.keepRating({ reviewId, cardId: card.id, rating, reviewedAt: reviewedAt.toISOString(), durationMs, card });
        setWaitingToSync((count) => count + 1);
        next(null);
      };
      try {
        if (offline) {
          await keepOnDevice();
          return;
        }
        const result = await withRetry(() => api<{ state: number; due: string }>("/api/reviews", { body: { reviewId, cardId: card.id, rating, durationMs } }));
        // Nothing else in hand: ask the queue for more (or for the end of the day).
        if (next(result)) await load();
      } catch (caught) {
        if (!isNetworkFailure(caught)) {
          setError((caught as ApiError).message);
          return;
        }
        // The connection dropped: the rating waits on the device under the same review id, so even one
        // that did reach the server is stored once when synced.
        setOffline(true);
        await keepOnDevice().catch(() => setError("The rating was not saved: check your connection and rate again."));
      } finally {
        setBusy(false);
      }
    },
    [card, busy, cards, load, offline, clockOffset, device],
  );

  const undo = useCallback(async () => {
    const last = done.at(-1);
    if (!last || busy) return;
    setBusy(true);
    setError(null);
    try {
      // Not yet sent: taken back on the device alone. Sent meanwhile: the server takes it back.
      const takenBackOnDevice = last.onDevice === true && (await device.dropRating(last.reviewId));
      if (takenBackOnDevice) setWaitingToSync((count) => Math.max(0, count - 1));
      else await withRetry(() => api("/api/reviews/undo", { body: { reviewId: last.reviewId } }));
      setDone((previous) => previous.slice(0, -1));
      // The card is back as it was before the rating: first in line again.
      setCards((previous) => [last.card, ...(previous ?? []).filter((candidate) => candidate.id !== last.card.id)]);
      setFlipped(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Undo failed: this rating was already sent, and the server cannot be reached now.");
    } finally {
      setBusy(false);
    }
  }, [done, busy, device]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (event.key === "z" || event.key === "Z") {
        event.preventDefault();
        void undo();
      } else if (!hasCard) {
        // Waiting for a learning step, or done: nothing to show or rate.
        return;
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
  }, [flipped, rate, undo, hasCard]);

  if (error && !cards) return <p className="alert alert-error">{error}</p>;
  if (!cards) return <p className="muted" aria-live="polite">Loading your cards…</p>;

  const syncStatus = (offline || waitingToSync > 0) && (
    <p className={`sync-status${offline ? " sync-status-offline" : ""}`} role="status">
      {offline ? "Offline: your ratings are kept on this device. " : ""}
      {waitingToSync > 0 ? `${waitingToSync} ${waitingToSync === 1 ? "rating" : "ratings"} waiting to sync.` : ""}
    </p>
  );
  const total = done.length + cards.length;
  const progress = (
    <div className="session-progress">
      <div className="progress-bar" role="progressbar" aria-label="Flashcards reviewed this session" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done.length}>
        <span style={{ width: `${total === 0 ? 100 : (done.length / total) * 100}%` }} />
      </div>
      <span className="muted">
        {done.length} of {total} reviewed
      </span>
      {syncStatus}
    </div>
  );
  const undoButton = done.length > 0 && (
    <button type="button" className="button button-secondary" onClick={() => void undo()} disabled={busy}>
      Undo last rating (Z)
    </button>
  );

  if (!card && nextWaiting && waitingMs !== null) {
    const learning = cards.length;
    return (
      <div className="stack">
        {progress}
        <section className="card done-card" aria-labelledby="waiting-title">
          <h2 id="waiting-title" ref={endHeading} tabIndex={-1}>
            Next card in <span className="countdown">{countdown(waitingMs)}</span>
          </h2>
          <p aria-live="polite">
            {learning === 1
              ? "1 flashcard you are learning comes back today when its step is due: recalling it after a short gap is what makes it stick."
              : `${learning} flashcards you are learning come back today, each when its step is due: recalling them after a short gap is what makes them stick.`}{" "}
            Stay on this page, or come back later.
          </p>
          <div className="actions">
            <IntentLink className="button button-secondary" href="/app/quiz">
              Take today&apos;s quiz meanwhile
            </IntentLink>
            {undoButton}
          </div>
        </section>
      </div>
    );
  }

  if (!card) {
    return (
      <div className="stack">
        {progress}
        <section className="card done-card" aria-labelledby="done-title">
          <h2 id="done-title" ref={endHeading} tabIndex={-1}>
            Done for today
          </h2>
          <p>
            {done.length === 0 ? "No flashcards are due before the end of your day, and you have met today's new-card limit." : `You reviewed ${done.length} flashcards, and none is due again before the end of your day.`}{" "}
            {dueTomorrow > 0 ? `${dueTomorrow} flashcard reviews are due tomorrow.` : "Nothing is due tomorrow yet."} Quiz questions are practised in the daily quiz.
          </p>
          <div className="actions">
            <IntentLink className="button" href="/app/quiz">
              Take today&apos;s quiz
            </IntentLink>
            {undoButton}
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="stack">
      {progress}
      {/* A tap anywhere on the card shows the answer, as on a paper card; the button and Space do the same. */}
      <article className={`card review-card${flipped ? "" : " review-card-front"}`} aria-labelledby="card-front" onClick={() => setFlipped(true)}>
        <p className="muted card-topic">
          {card.type === "cloze" ? "Flashcard: fill in the blank" : "Flashcard: recall"}
          {card.state === LEARNING || card.state === RELEARNING ? " (learning)" : ""} · {topicLeaf(card.topic)}
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
        <div className="rating-buttons rating-bar" role="group" aria-label="How well did you recall it?">
          {RATINGS.map(({ rating, key, label }) => (
            <button key={rating} type="button" className={`button rating rating-${rating}`} onClick={() => void rate(rating)} disabled={busy}>
              <span>
                {label} <kbd>{key}</kbd>
              </span>
              <span className="rating-interval">{intervalLabel(card.intervals[rating], serverNow)}</span>
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
