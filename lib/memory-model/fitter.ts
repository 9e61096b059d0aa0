import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ReviewSequence } from "./history";

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
 * on a heavy user's history never holds up the event loop that serves everyone's requests. The worker is
 * found from the project directory, where `next start` and the tests run, because Next's bundle does not
 * carry it.
 */
export const fitInWorker: ParameterFitter = (sequences, defaultParameters) =>
  new Promise<FitResult>((resolve, reject) => {
    const worker = new Worker(path.join(process.cwd(), "lib", "memory-model", "fit-worker.mjs"), {
      workerData: { sequences, defaultParameters: [...defaultParameters] },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`The fit took longer than ${FIT_TIMEOUT_MS / 1000} s and was stopped.`));
    }, FIT_TIMEOUT_MS);
    worker.once("message", (message: { ok: true; result: FitResult } | { ok: false; message: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(`fsrs-rs could not fit: ${message.message}`));
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
