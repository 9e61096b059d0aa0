import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReviewSequence } from "./history";
import type { RetentionOutcome, RetentionSimulator } from "./simulate";

/** Log loss and RMSE (bins) of a parameter set on the user's history, as fsrs-rs measures them. */
export type ModelEvaluation = { logLoss: number; rmseBins: number };

export type FitResult = {
  parameters: number[];
  /** fsrs-rs training items the history made (one per rating after a card's first). */
  items: number;
  evaluation: { default: ModelEvaluation; fitted: ModelEvaluation };
};

/** Fits parameters to a history and evaluates them beside the defaults: the heavy step, as a strategy. */
export type ParameterFitter = (sequences: readonly ReviewSequence[], defaultParameters: readonly number[]) => Promise<FitResult>;

/** Past this a fit is abandoned (its worker terminated) and the lease freed for a later attempt. */
export const FIT_TIMEOUT_MS = 5 * 60_000;

/**
 * The fitter the app uses: fsrs-rs in a worker thread (lib/memory-model/fit-worker.mjs), so that training
 * on a heavy user's history never holds up the event loop that serves everyone's requests.
 */
export const fitInWorker: ParameterFitter = async (sequences, defaultParameters) => {
  // fsrs-rs trains on a rayon thread pool as wide as the machine, read once from the environment when the
  // addon first trains. On a small server that starves the thread serving requests (measured on 2 busy
  // cores: 23 s of a 46 s fit with the event loop late, against 3.5 s of a 17 s fit on one thread), so one
  // thread unless the operator says otherwise.
  process.env.RAYON_NUM_THREADS ??= "1";
  const reply = await runWorker<{ result: FitResult }>("fit-worker.mjs", { sequences, defaultParameters: [...defaultParameters] }, FIT_TIMEOUT_MS);
  return reply.result;
};

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
