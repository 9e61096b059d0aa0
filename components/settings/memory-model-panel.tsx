"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { LineChartSvg, niceTicks, type ChartMarker } from "@/components/progress/svg-chart";
import { api, ApiError } from "@/lib/client/api";
import type { JobView } from "@/lib/jobs/jobs";
import type { FitJobResult, FitReport } from "@/lib/memory-model/fit";
import type { MemoryModelView } from "@/lib/memory-model/model";
import type { RescheduleResult } from "@/lib/practice/reschedule";

type Fit = Omit<FitReport, "fittedAt"> & { fittedAt: string };
type Job = Omit<JobView, "createdAt" | "startedAt" | "finishedAt"> & { createdAt: string; startedAt: string | null; finishedAt: string | null };
type View = Omit<MemoryModelView, "lastFit" | "liveJobs"> & { lastFit: Fit | null; liveJobs: Job[] };

const percent = (share: number) => `${Math.round(share * 100)}%`;
/** How often a running job is asked after: a fit takes seconds to minutes. */
const POLL_MS = 1_000;

/**
 * Settings' "Your memory model": fit FSRS to the learner's own reviews, the evaluation of the defaults and
 * the fitted parameters side by side, and the retention curve (GET /api/memory-model) with the current
 * choice and the lowest retention that keeps the exam-day target. Loaded after the page, so Settings opens
 * at once, and only when the panel nears the screen: on a phone it is two screens down, and its answer's
 * render was a 190 ms task (4x CPU) in the middle of the page's load. After a fit, "Reschedule my cards" recomputes every card from its reviews with the parameters
 * in use, as Anki offers after optimising. Both are background jobs: the POST answers 202 with the job,
 * which this panel polls (GET /api/jobs/<id>), showing its progress, until it is done; a page opened
 * while one runs follows it too.
 */
export function MemoryModelPanel() {
  const [view, setView] = useState<View | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  /** Seconds the live job has waited or run, at its last poll. */
  const [elapsed, setElapsed] = useState(0);
  const [starting, setStarting] = useState(false);
  const [message, setMessage] = useState<{ kind: "done" | "error"; text: string } | null>(null);

  const load = useCallback(
    () =>
      api<View>("/api/memory-model").then(
        (loaded) => {
          setView(loaded);
          setLoadError(null);
          setJob((current) => current ?? loaded.liveJobs[0] ?? null);
        },
        () => setLoadError("Your memory model could not be loaded just now. Reload the page to try again."),
      ),
    [],
  );

  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = section.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      void load();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        void load();
      },
      // A screen ahead, so that it is usually in hand by the time it is scrolled to.
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [load]);

  // While a job is queued or running, ask after it every second; when it ends, say how and reload the model.
  useEffect(() => {
    if (!job || job.status === "done" || job.status === "failed") return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const polled = await api<Job>(`/api/jobs/${job.id}`);
        if (stopped) return;
        if (polled.status === "done" || polled.status === "failed") {
          setMessage(polled.status === "done" ? { kind: "done", text: doneText(polled) } : { kind: "error", text: failedText(polled) });
          setJob(null);
          await load();
        } else {
          setElapsed(Math.max(0, Math.round((Date.now() - new Date(polled.startedAt ?? polled.createdAt).getTime()) / 1000)));
          setJob(polled);
        }
      } catch {
        // A dropped poll is asked again: the job runs on the server whatever happens here.
        if (!stopped) setJob({ ...job });
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [job, load]);

  const busy = starting || job !== null;

  async function start(kind: Job["kind"]) {
    if (busy) return;
    setStarting(true);
    setMessage(null);
    try {
      setElapsed(0);
      setJob(await api<Job>(kind === "memory-model-fit" ? "/api/memory-model" : "/api/memory-model/reschedule", { method: "POST" }));
    } catch (error) {
      const fallback = kind === "memory-model-fit" ? "The fit could not start just now. Please try again." : "Your cards could not be rescheduled just now. Please try again.";
      setMessage({ kind: "error", text: error instanceof ApiError ? error.message : fallback });
    } finally {
      setStarting(false);
    }
  }

  return (
    <section ref={section} id="memory-model" className="card memory-model render-when-near" aria-labelledby="memory-model-title" aria-busy={view === null && !loadError}>
      <h2 id="memory-model-title">Your memory model</h2>
      <p className="muted">
        Smriti schedules reviews with FSRS. Its default parameters describe an average learner; fitted to your own flashcard ratings and quiz
        answers, they predict when you in particular will forget. Fitted parameters are used only when they predict your recall better than
        the defaults. Your cards keep their memory state: the new parameters shape each card&apos;s intervals from its next rating on,
        unless you reschedule your cards after a fit.
      </p>
      <div className="memory-model-actions">
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus of whoever pressed it. */}
        <button type="button" className="button" onClick={() => void start("memory-model-fit")} aria-disabled={busy}>
          {job?.kind === "memory-model-fit" ? "Fitting…" : "Fit my memory model"}
        </button>
        <span className="muted">
          {view?.usingFittedParameters ? "You are scheduled with your own parameters." : "You are scheduled with FSRS's default parameters."}
          {view?.lastFit && ` Last fitted ${new Date(view.lastFit.fittedAt).toLocaleDateString()}; refitted monthly as reviews come in.`}
        </span>
      </div>
      {job && <JobProgress job={job} seconds={elapsed} />}
      <div role="status" aria-live="polite">
        {message && <p className={`alert ${message.kind === "done" ? "alert-success" : "alert-error"}`}>{message.text}</p>}
        {loadError && <p className="alert alert-error">{loadError}</p>}
      </div>
      {view === null ? (
        !loadError && <p className="muted">Simulating your next 90 days…</p>
      ) : (
        <>
          {view.lastFit?.evaluation ? <Evaluation fit={view.lastFit} /> : view.lastFit && !message && <p>{view.lastFit.reason}</p>}
          {view.lastFit && (
            <div className="memory-model-actions">
              <button type="button" className="button button-secondary" onClick={() => void start("reschedule-cards")} aria-disabled={busy}>
                {job?.kind === "reschedule-cards" ? "Rescheduling…" : "Reschedule my cards"}
              </button>
              <span className="muted">
                Recomputes every card&apos;s memory state and due date from its reviews with the parameters in use now, instead of waiting
                for each card&apos;s next rating. Nothing you rated is lost.
              </span>
            </div>
          )}
          <RetentionCurve retention={view.retention} />
        </>
      )}
    </section>
  );
}

/** The live job, as it stands at the last poll: waiting its turn or running for so many seconds. */
function JobProgress({ job, seconds }: { job: Job; seconds: number }) {
  const what = job.kind === "memory-model-fit" ? "Fitting your memory model" : "Rescheduling your cards";
  return (
    <div className="memory-model-progress">
      <progress aria-label={what} />
      <p className="muted">
        {job.status === "queued"
          ? `${what}: waiting for its turn (${seconds} s)…`
          : `${what}: running for ${seconds} s. You can leave this page; it carries on, and the result shows here when it is done.`}
      </p>
    </div>
  );
}

function doneText(job: Job): string {
  return job.kind === "memory-model-fit" ? (job.result as FitJobResult).reason : rescheduledText(job.result as RescheduleResult);
}

function failedText(job: Job): string {
  const what = job.kind === "memory-model-fit" ? "The fit did not finish" : "Your cards were not rescheduled";
  return `${what}: ${job.error ?? "it failed on our side."}`;
}

function rescheduledText({ cards, changed, moved }: RescheduleResult): string {
  if (cards === 0) return "You have no reviewed cards to reschedule yet.";
  if (changed === 0) return `Your ${cards.toLocaleString()} reviewed cards already follow the parameters in use: nothing changed.`;
  return `Rescheduled your ${cards.toLocaleString()} reviewed cards from their reviews with the parameters in use: ${moved.toLocaleString()} due dates moved.`;
}

function Evaluation({ fit }: { fit: Fit }) {
  const { default: defaults, fitted } = fit.evaluation!;
  const adopted = fit.outcome === "adopted";
  return (
    <div className="memory-model-evaluation">
      <h3>How well each model predicts your recall</h3>
      <table className="data-table">
        <caption className="muted">
          On {fit.trainingReviews.toLocaleString()} of your reviews; lower is better. The fitted parameters are scored only on reviews they were not
          fitted to.
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Default parameters</th>
            <th scope="col">Fitted to you</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Log loss</th>
            <td>{defaults.logLoss.toFixed(4)}</td>
            <td>{fitted.logLoss.toFixed(4)}</td>
          </tr>
          <tr>
            <th scope="row">RMSE (bins)</th>
            <td>{percent(defaults.rmseBins)}</td>
            <td>{percent(fitted.rmseBins)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        <strong>{adopted ? "In use: your fitted parameters." : "In use: the default parameters."}</strong> {fit.reason}
      </p>
    </div>
  );
}

function RetentionCurve({ retention }: { retention: View["retention"] }) {
  const { points, currentRetention, lowestRetentionMeetingTarget: lowest, examDate, measuredOn, examDayTarget } = retention;
  const data = points.map((point) => ({
    retention: Math.round(point.retention * 100),
    reviewsPerDay: Math.round(point.reviewsPerDay * 10) / 10,
    remembered: Math.round(point.remembered),
  }));
  const current = Math.round(currentRetention * 100);
  const curveTicks = niceTicks(Math.max(...data.map((point) => point.reviewsPerDay), 1));
  const markers: ChartMarker[] = [{ index: data.findIndex((point) => point.retention === current), label: "Now" }];
  if (lowest !== null) markers.push({ index: data.findIndex((point) => point.retention === Math.round(lowest * 100)), label: "Lowest meeting target" });
  const measured = examDate && measuredOn === examDate ? "on exam day" : `on ${measuredOn}`;
  const studied = points[0]?.studied ?? 0;
  return (
    <figure className="chart-figure memory-model-curve">
      <h3>Desired retention and its daily workload</h3>
      <LineChartSvg
        points={data.map((point) => ({ label: `${point.retention}%`, value: point.reviewsPerDay }))}
        low={0}
        high={curveTicks.at(-1) ?? 1}
        ticks={curveTicks}
        valueName="reviews a day"
        markers={markers.filter((marker) => marker.index >= 0)}
      />
      <figcaption>
        <p>
          Simulated over your next {retention.days} days with your cards, your parameters and {studied.toLocaleString()} facts studied by then
          (your new-card limit included). Your choice now: <strong>{current}%</strong>,{" "}
          {data.find((point) => point.retention === current)?.reviewsPerDay ?? "about the same number of"} reviews a day.
        </p>
        <p>
          {lowest === null
            ? `No retention up to 97% keeps ${percent(examDayTarget)} of your studied facts ${measured}.`
            : `The lowest retention that keeps ${percent(examDayTarget)} of your studied facts ${measured}: `}
          {lowest !== null && <strong>{percent(lowest)}</strong>}
          {lowest !== null && ` (${data.find((point) => point.retention === Math.round(lowest * 100))?.reviewsPerDay} reviews a day).`} Change it under
          Desired retention above.
        </p>
      </figcaption>
      <details>
        <summary>Every retention simulated (table)</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Desired retention</th>
              <th scope="col">Reviews a day</th>
              <th scope="col">Facts remembered {measured}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.retention} aria-current={point.retention === current ? "true" : undefined}>
                <td>
                  {point.retention}%{point.retention === current && " (now)"}
                </td>
                <td>{point.reviewsPerDay}</td>
                <td>{point.remembered.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
