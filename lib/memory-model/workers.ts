import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";
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

/** A fit job as the child process gets it: the job and the database to read the history from. */
export type FitJobRequest = { target: DatabaseTarget; userId: string; defaultParameters: number[]; minTrainingReviews: number };

/** The user's ratings that can teach the model, and the fit of them (null when too few to fit). */
export type FittedHistory = { trainingReviews: number; fit: FitResult | null };

/**
 * Reads the user's history and fits parameters to it, evaluated beside the defaults: the heavy step, as a
 * strategy (a child process in the app, the same code in tests).
 */
export type ParameterFitter = (job: FitJob) => Promise<FittedHistory>;

/** Past this a fit is abandoned (its process killed) and the lease freed for a later attempt. */
export const FIT_TIMEOUT_MS = 5 * 60_000;

/** The fit's process runs at the lowest CPU priority (nice 19): requests' threads always come first. */
export const FIT_PRIORITY = 19;

/**
 * The fitter the app uses: lib/memory-model/fit-job.ts in a child process of its own, at the lowest
 * priority, one at a time in this server process. The child opens its own connection to `target` and
 * reads the history there, so the server neither reads nor decodes a heavy user's 100,000 log rows, and
 * its training competes for a core only with what nothing else wants. Fits for several users (Settings
 * and the monthly refit) queue behind each other; the lease (lease.ts) keeps other instances off the
 * same user.
 */
export function fitInChildProcess(target: DatabaseTarget): ParameterFitter {
  return (job) => oneFitAtATime(() => runFitProcess({ ...job, target, defaultParameters: [...job.defaultParameters] }));
}

/** The app's fitter: a child process reading the database DATABASE_URL names, the one getDb() serves. */
export function appFitter(): ParameterFitter {
  return fitInChildProcess(resolveDatabaseTarget(process.env.DATABASE_URL));
}

const fitQueue = globalThis as unknown as { smritiFitQueue?: Promise<unknown> };

/** Runs `fit` after every fit this process started before it has ended (Next may load this module more than once: the queue is global). */
function oneFitAtATime<T>(fit: () => Promise<T>): Promise<T> {
  const turn = (fitQueue.smritiFitQueue ?? Promise.resolve()).then(fit);
  fitQueue.smritiFitQueue = turn.catch(() => undefined);
  return turn;
}

/**
 * Forks fit-job.ts from the project directory (where `next start` and the tests run; the path is built at
 * run time so that Next's bundler leaves the job and its native addon alone) under tsx, the TypeScript
 * runner `npm start` already uses, so the job shares history.ts' rules instead of a copy of them.
 */
function runFitProcess(job: FitJobRequest): Promise<FittedHistory> {
  return new Promise((resolve, reject) => {
    // turbopackIgnore: Turbopack otherwise resolves a forked path as a module to bundle.
    const child = fork(/* turbopackIgnore: true */ path.join(process.cwd(), "lib", "memory-model", "fit-job.ts"), [], {
      cwd: process.cwd(),
      execArgv: ["--import", "tsx"],
      // fsrs-rs trains on a rayon thread pool as wide as the machine: one thread, one core at most, unless the operator says otherwise.
      env: { ...process.env, RAYON_NUM_THREADS: process.env.RAYON_NUM_THREADS ?? "1" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(() => reject(new Error(`The fit took longer than ${FIT_TIMEOUT_MS / 1000} s and was stopped.`)));
    }, FIT_TIMEOUT_MS);
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, FIT_PRIORITY);
    } catch (error) {
      // Some containers refuse to change priorities; the fit still runs, in its own process.
      console.warn("[memory-model] could not lower the fit's priority", error);
    }
    child.once("message", (message: { ok: true; history: FittedHistory } | { ok: false; message: string }) =>
      finish(() => (message.ok ? resolve(message.history) : reject(new Error(`The fit failed: ${message.message}`)))),
    );
    child.once("error", (error) => finish(() => reject(error)));
    child.once("close", (code, signal) => finish(() => reject(new Error(`The fit's process ended without an answer (${signal ?? `exit code ${code}`}).`))));
    child.send(job);
  });
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
