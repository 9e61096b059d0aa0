import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";
import { JobFailedError } from "@/lib/jobs/jobs";
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

/** Past this a fit is abandoned (its process killed) and its job marked failed. */
export const FIT_TIMEOUT_MS = 5 * 60_000;

/** The fit's niceness (the lowest priority), whatever its scheduling policy. */
export const FIT_NICENESS = 19;

/**
 * How the fit's process competes for the CPU, from the environment (bench/memory-model.ts compares them;
 * the defaults are what it found best, docs/performance.md): FIT_CPU_POLICY "nice" (default) runs it at
 * nice 19, "idle" under SCHED_IDLE as well (`chrt --idle 0`: a core only when no normal thread wants one;
 * not the default: on a machine that is never idle it starves the fit into its timeout, and it measured
 * no better); RAYON_NUM_THREADS the threads fsrs-rs trains on (1: one core at most); FIT_READ_PAGE_ROWS
 * the review-log rows read per query.
 */
export type FitProcessSettings = { cpuPolicy: "idle" | "nice"; rayonThreads: string; readPageRows: number };

export function fitProcessSettings(env: Record<string, string | undefined>): FitProcessSettings {
  return {
    cpuPolicy: env.FIT_CPU_POLICY === "idle" && fs.existsSync(CHRT) ? "idle" : "nice",
    rayonThreads: env.RAYON_NUM_THREADS ?? "1",
    readPageRows: Number(env.FIT_READ_PAGE_ROWS) > 0 ? Number(env.FIT_READ_PAGE_ROWS) : READ_PAGE_ROWS,
  };
}

const CHRT = "/usr/bin/chrt";
/** Review-log rows the fit reads per query unless FIT_READ_PAGE_ROWS says otherwise. */
export const READ_PAGE_ROWS = 2_000;

/**
 * The fitter the app uses: lib/memory-model/fit-job.ts in a child process of its own, at the lowest CPU
 * priority. The child opens its own connection to `target` and reads the history there, so the server
 * neither reads nor decodes a heavy user's 100,000 log rows, and its training competes for a core only
 * with what nothing else wants. Fits run one at a time per server process (they are jobs: lib/jobs).
 */
export function fitInChildProcess(target: DatabaseTarget, settings: FitProcessSettings = fitProcessSettings(process.env)): ParameterFitter {
  return (job) => runFitProcess({ ...job, target, defaultParameters: [...job.defaultParameters], readPageRows: settings.readPageRows }, settings);
}

/** The app's fitter: a child process reading the database DATABASE_URL names, the one getDb() serves. */
export function appFitter(): ParameterFitter {
  return fitInChildProcess(resolveDatabaseTarget(process.env.DATABASE_URL));
}

/**
 * Forks fit-job.ts from the project directory (where `next start` and the tests run; the path is built at
 * run time so that Next's bundler leaves the job and its native addon alone) under tsx, the TypeScript
 * runner `npm start` already uses, so the job shares history.ts' rules instead of a copy of them. Under
 * SCHED_IDLE, chrt starts and becomes the child (exec): the IPC channel and the pid are node's.
 */
function runFitProcess(job: FitJobRequest, settings: FitProcessSettings): Promise<FittedHistory> {
  return new Promise((resolve, reject) => {
    const nodeArgs = ["--import", "tsx"];
    // turbopackIgnore: Turbopack otherwise resolves a forked path as a module to bundle.
    const child = fork(/* turbopackIgnore: true */ path.join(process.cwd(), "lib", "memory-model", "fit-job.ts"), [], {
      cwd: process.cwd(),
      ...(settings.cpuPolicy === "idle" ? { execPath: CHRT, execArgv: ["--idle", "0", process.execPath, ...nodeArgs] } : { execArgv: nodeArgs }),
      // fsrs-rs trains on a rayon thread pool as wide as the machine unless told otherwise.
      env: { ...process.env, RAYON_NUM_THREADS: settings.rayonThreads },
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
      finish(() => reject(new JobFailedError(`The fit took longer than ${FIT_TIMEOUT_MS / 60_000} minutes and was stopped. Please try again later.`)));
    }, FIT_TIMEOUT_MS);
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, FIT_NICENESS);
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
