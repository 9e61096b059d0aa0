import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";
import { cpuPolicyOf, JobCpuLimitError, startJobProcess, type CpuPolicy } from "@/lib/jobs/child-process";
import { JobFailedError } from "@/lib/jobs/jobs";
import { serverRequests, YIELD_TIMING, type YieldTiming } from "@/lib/jobs/yield-to-requests";
import type { RetentionOutcome, RetentionSimulator } from "./simulate";

/** Log loss and RMSE (bins) of a parameter set on the user's history, as fsrs-rs measures them. */
export type ModelEvaluation = { logLoss: number; rmseBins: number };

export type FitResult = {
  parameters: number[];
  /** fsrs-rs training items the history made (one per rating after a card's first). */
  items: number;
  evaluation: { default: ModelEvaluation; fitted: ModelEvaluation };
};

/** What a fit is asked: whose history, the defaults to judge against, and how much history a fit needs. */
export type FitJob = { userId: string; defaultParameters: readonly number[]; minTrainingReviews: number };

/** A fit job as the child process gets it: the job, the database to read the history from, and the rows it reads per query. */
export type FitJobRequest = { target: DatabaseTarget; userId: string; defaultParameters: number[]; minTrainingReviews: number; readPageRows: number };

/** The user's ratings that can teach the model, and the fit of them (null when too few to fit). */
export type FittedHistory = { trainingReviews: number; fit: FitResult | null };

/**
 * Reads the user's history and fits parameters to it, evaluated beside the defaults: the heavy step, as a
 * strategy (a child process in the app, the same code in tests).
 */
export type ParameterFitter = (job: FitJob) => Promise<FittedHistory>;

/**
 * A fit's limits: the CPU its process may use (a heavy user's 100,000 reviews take about 12 s), and how long
 * it may wait for a core, which under SCHED_IDLE it gets only when the server has none to use. Past either
 * the fit is abandoned (its process killed) and its job marked failed.
 */
export const FIT_CPU_SECONDS = 5 * 60;
export const FIT_WAIT_MS = 60 * 60_000;

/**
 * How the fit's process competes for the CPU, from the environment (bench/memory-model.ts compares them;
 * the defaults are what it found best, docs/performance.md): FIT_CPU_POLICY "idle" (default) runs it under
 * SCHED_IDLE and at nice 19, "nice" at nice 19 only (lib/jobs/child-process says why); RAYON_NUM_THREADS the threads fsrs-rs trains on
 * (1: one core at most); FIT_READ_PAGE_ROWS the review-log rows read per query; FIT_YIELD "off" lets the
 * process compute while the server serves a request (by default it is stopped then: lib/jobs/yield-to-requests);
 * FIT_YIELD_SLICE_MS and FIT_YIELD_PAUSE_MS the slice it runs after each pause under a load that never quiets;
 * FIT_YIELD_QUIET_MS the quiet after which it continues (0: as soon as no request is in flight); FIT_STOP
 * "at-once" stops it with SIGSTOP wherever it is, rather than at its next turn.
 */
export type FitProcessSettings = {
  cpuPolicy: CpuPolicy;
  rayonThreads: string;
  readPageRows: number;
  yieldToRequests: boolean;
  yieldTiming: YieldTiming;
  stopsBetweenTurns: boolean;
};

/** A number from the environment, or the default when unset, not a number, or below what the setting allows. */
function numberSetting(value: string | undefined, fallback: number, { zeroAllowed = false } = {}): number {
  const number = value?.trim() ? Number(value) : NaN;
  return number > 0 || (zeroAllowed && number === 0) ? number : fallback;
}

export function fitProcessSettings(env: Record<string, string | undefined>): FitProcessSettings {
  return {
    cpuPolicy: cpuPolicyOf(env.FIT_CPU_POLICY),
    rayonThreads: env.RAYON_NUM_THREADS ?? "1",
    readPageRows: numberSetting(env.FIT_READ_PAGE_ROWS, READ_PAGE_ROWS),
    yieldToRequests: env.FIT_YIELD !== "off",
    yieldTiming: {
      sliceMs: numberSetting(env.FIT_YIELD_SLICE_MS, YIELD_TIMING.sliceMs),
      maxPauseMs: numberSetting(env.FIT_YIELD_PAUSE_MS, YIELD_TIMING.maxPauseMs),
      quietMs: numberSetting(env.FIT_YIELD_QUIET_MS, YIELD_TIMING.quietMs, { zeroAllowed: true }),
    },
    stopsBetweenTurns: env.FIT_STOP !== "at-once",
  };
}

/** Review-log rows the fit reads per query unless FIT_READ_PAGE_ROWS says otherwise. */
export const READ_PAGE_ROWS = 2_000;

/**
 * The fitter the app uses: lib/memory-model/fit-job.ts in a child process of its own, at the lowest CPU
 * priority (lib/jobs/child-process). The child opens its own connection to `target` and reads the history
 * there, so the server neither reads nor decodes a heavy user's 100,000 log rows, and its training
 * competes for a core only with what nothing else wants. Fits run one at a time per server process (they
 * are jobs: lib/jobs).
 */
export function fitInChildProcess(target: DatabaseTarget, settings: FitProcessSettings = fitProcessSettings(process.env)): ParameterFitter {
  return (job) => runFitProcess({ ...job, target, defaultParameters: [...job.defaultParameters], readPageRows: settings.readPageRows }, settings);
}

/** The app's fitter: a child process reading the database DATABASE_URL names, the one getDb() serves. */
export function appFitter(): ParameterFitter {
  return fitInChildProcess(resolveDatabaseTarget(process.env.DATABASE_URL));
}

/** fit-job.ts' one answer. */
type FitProcessAnswer = { ok: true; history: FittedHistory } | { ok: false; message: string };

async function runFitProcess(job: FitJobRequest, settings: FitProcessSettings): Promise<FittedHistory> {
  // fsrs-rs trains on a rayon thread pool as wide as the machine unless told otherwise.
  const child = startJobProcess<FitProcessAnswer>(path.join(process.cwd(), "lib", "memory-model", "fit-job.ts"), {
    cpuPolicy: settings.cpuPolicy,
    cpuSecondsLimit: FIT_CPU_SECONDS,
    env: { RAYON_NUM_THREADS: settings.rayonThreads },
    yieldTo: settings.yieldToRequests ? serverRequests() : undefined,
    yieldTiming: settings.yieldTiming,
    stopsBetweenTurns: settings.stopsBetweenTurns,
  });
  try {
    child.send(job);
    const answer = await child.receive(
      FIT_WAIT_MS,
      () => new JobFailedError(`The server was too busy to fit your model within ${FIT_WAIT_MS / 60_000} minutes, so the fit was stopped. Please try again later.`),
    );
    if (!answer.ok) throw new Error(`The fit failed: ${answer.message}`);
    return answer.history;
  } catch (error) {
    if (error instanceof JobCpuLimitError) throw new JobFailedError(`The fit needed more than ${FIT_CPU_SECONDS / 60} minutes of computing and was stopped. Please try again later.`);
    throw error;
  } finally {
    child.stop();
  }
}

/** Seconds a simulation may take before its worker is stopped. */
export const SIMULATION_TIMEOUT_MS = 60_000;

/** The retention simulation in a worker thread (lib/memory-model/simulate-worker.mjs), seeded with `seed`. */
export function simulateInWorker(seed: string): RetentionSimulator {
  return async (input) => (await runWorker<{ outcomes: RetentionOutcome[] }>("simulate-worker.mjs", { input, seed }, SIMULATION_TIMEOUT_MS)).outcomes;
}

/**
 * Starts one of this folder's worker scripts from the project directory, where `next start` and the tests
 * run. The Worker runs a one-line script that imports it, because Next's bundler follows a path given to
 * `new Worker` into its bundle, and fsrs-rs' native addon cannot be bundled (nor should tsx be).
 */
function startWorker(script: string, data: unknown): Worker {
  const url = pathToFileURL(path.join(process.cwd(), "lib", "memory-model", script)).href;
  return new Worker(`import(${JSON.stringify(url)});`, { eval: true, workerData: data });
}

/**
 * Runs one of this folder's worker scripts on `data` and resolves with its one message ({ ok: true, ... })
 * or rejects with its error.
 */
function runWorker<T>(script: string, data: unknown, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(script, data);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${script} took longer than ${timeoutMs / 1000} s and was stopped.`));
    }, timeoutMs);
    worker.once("message", (message: ({ ok: true } & T) | { ok: false; message: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.ok) resolve(message);
      else reject(new Error(`${script} failed: ${message.message}`));
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
