/**
 * A job's process that steps aside while the server is serving someone. Even under SCHED_IDLE a process that
 * computes on the second core raised other users' review p95 at one connection 1 → 4 ms (a busy loop) and
 * 1 → 2 ms (the fit): the cores share the hardware beneath them, which no scheduling policy takes back
 * (docs/performance.md, issue 17's sixth step). So the job's process is stopped while a request is
 * in flight and continued (SIGCONT) once none has been for a moment: the way `cpulimit` throttles a process,
 * steered by the server's own requests rather than by a fixed share.
 *
 * Under a load that never pauses, the process still runs a short slice after each long pause, so it finishes:
 * at `sliceMs / (maxPauseMs + sliceMs)` of a core, few enough requests meet a slice to leave their p95 alone.
 *
 * A process that calls `stopBetweenTurns()` (and is started with `stopsBetweenTurns`) is asked to stop with
 * SIGTSTP and stops itself at its next turn, never inside a query. Stopped inside one, it would keep its read
 * snapshot for the whole pause (up to `maxPauseMs`), and SQLite could not checkpoint its WAL past it meanwhile,
 * while every other user's writes went on into the WAL. Any other process is stopped at once with SIGSTOP: the
 * kernel discards SIGTSTP's default stop in an orphaned process group (as under CI's runner), SIGSTOP never.
 */

/** The requests this process is serving, as its HTTP server counts them. */
export type RequestActivity = {
  inFlight(): number;
  /** Calls `listener` with the new count whenever it changes; returns the way to stop. */
  subscribe(listener: (inFlight: number) => void): () => void;
};

type Counter = { inFlight: number; listeners: Set<(inFlight: number) => void> };

// On globalThis: scripts/serve.ts counts through its own copy of this module, and the job runs from Next.js's
// bundled copy; both must see one count.
const COUNTER = Symbol.for("smriti.requestsInFlight");

function counter(): Counter {
  const global = globalThis as typeof globalThis & { [COUNTER]?: Counter };
  return (global[COUNTER] ??= { inFlight: 0, listeners: new Set() });
}

function changeBy(delta: number) {
  const count = counter();
  count.inFlight += delta;
  for (const listener of count.listeners) listener(count.inFlight);
}

/** scripts/serve.ts, as a request arrives. */
export function requestStarted() {
  changeBy(1);
}

/** scripts/serve.ts, once its response is done or its connection gone. */
export function requestEnded() {
  changeBy(-1);
}

/** This process' requests as scripts/serve.ts counts them: none where nothing serves through it (tests, `next dev`). */
export function serverRequests(): RequestActivity {
  return {
    inFlight: () => counter().inFlight,
    subscribe: (listener) => {
      counter().listeners.add(listener);
      return () => void counter().listeners.delete(listener);
    },
  };
}

export type YieldTiming = {
  /** No request in flight for this long, and the process continues. */
  quietMs: number;
  /** Stopped this long, it runs a slice all the same. */
  maxPauseMs: number;
  sliceMs: number;
};

/**
 * 20 ms of quiet: a learner's next review comes seconds after the last, a bench's closed loop at once. None
 * (0: continue the moment nothing is in flight) was measured: the fit then ran in the sub-millisecond gaps of
 * one connection's closed loop and raised its p95 1.4-1.7 times (docs/performance.md, issue 17's ninth step). A slice
 * of 25 ms a second is 2.4 % of a core: a heavy user's fit (about 10 s of computing) takes about 7 minutes
 * under a load that never pauses, and its usual 10 s on a server that has gaps.
 */
export const YIELD_TIMING: YieldTiming = { quietMs: 20, maxPauseMs: 1_000, sliceMs: 25 };

export type Timers = { setTimeout(run: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Stops the process (through `signal`) while `activity` has a request in flight, as above. Returns the way to
 * stop watching, which leaves the process running.
 */
export function yieldWhileServing(signal: (action: "stop" | "continue") => void, activity: RequestActivity, timing: YieldTiming = YIELD_TIMING, timers: Timers = realTimers): () => void {
  let stopped = false;
  let quiet: unknown = null;
  let pauseEnds: unknown = null;
  let slice: unknown = null;
  const clear = (handle: unknown) => handle !== null && timers.clearTimeout(handle);

  const pause = () => {
    if (stopped) return;
    stopped = true;
    signal("stop");
    pauseEnds = timers.setTimeout(runSlice, timing.maxPauseMs);
  };
  const resume = () => {
    if (!stopped) return;
    stopped = false;
    clear(pauseEnds);
    pauseEnds = null;
    signal("continue");
  };
  const runSlice = () => {
    pauseEnds = null;
    resume();
    slice = timers.setTimeout(() => {
      slice = null;
      if (activity.inFlight() > 0) pause();
    }, timing.sliceMs);
  };
  const onChange = (inFlight: number) => {
    clear(quiet);
    quiet = null;
    if (inFlight > 0) {
      if (slice === null) pause();
    } else if (stopped && timing.quietMs === 0) {
      resume();
    } else if (stopped) {
      quiet = timers.setTimeout(() => {
        quiet = null;
        if (activity.inFlight() === 0) resume();
      }, timing.quietMs);
    }
  };

  const unsubscribe = activity.subscribe(onChange);
  onChange(activity.inFlight());
  return () => {
    unsubscribe();
    for (const handle of [quiet, pauseEnds, slice]) clear(handle);
    resume();
  };
}

/**
 * In a job's process started with `stopsBetweenTurns`: a request to stop (SIGTSTP) is carried out at this process' next
 * turn, between its queries, rather than at once. Its native work off the JavaScript thread (fsrs-rs' training)
 * stops with it, since SIGSTOP stops every thread.
 */
export function stopBetweenTurns() {
  let stopAsked = false;
  process.on("SIGTSTP", () => {
    stopAsked = true;
    // A SIGCONT that came in the same query (the server quiet again meanwhile) is handled before this runs, and cancels it.
    setImmediate(() => stopAsked && process.kill(process.pid, "SIGSTOP"));
  });
  process.on("SIGCONT", () => {
    stopAsked = false;
  });
}
