// The CPU-heavy part of a fit, in a worker thread so that the server's event loop keeps answering other
// requests: fsrs-rs trains the parameters and evaluates both sets on the user's history. Plain JavaScript
// because it is loaded by path at run time (lib/memory-model/fit-in-worker.ts), outside Next's bundle.
import { parentPort, workerData } from "node:worker_threads";
import {
  computeParameters,
  evaluateWithTimeSeriesSplits,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from "@open-spaced-repetition/binding";

/**
 * fsrs-rs' training items: for each card, one item per rating after the first, holding every rating up to
 * it with the days since the previous one; items with no rating on a later day teach nothing long-term.
 * @param {{ ratings: number[]; days: number[] }[]} sequences
 */
function trainingItems(sequences) {
  const items = [];
  for (const { ratings, days } of sequences) {
    const reviews = ratings.map((rating, i) => new FSRSBindingReview(rating, i === 0 ? 0 : days[i] - days[i - 1]));
    for (let end = 2; end <= reviews.length; end++) {
      const item = new FSRSBindingItem(reviews.slice(0, end));
      if (item.longTermReviewCnt() > 0) items.push(item);
    }
  }
  return items;
}

/** @param {{ sequences: { ratings: number[]; days: number[] }[]; defaultParameters: number[] }} job */
async function fit({ sequences, defaultParameters }) {
  const items = trainingItems(sequences);
  const options = { enableShortTerm: true };
  const parameters = await computeParameters(items, options);
  // The defaults were never trained on this history: evaluated on all of it. The fitted ones are judged
  // out of sample, each split trained on the reviews before it, so they cannot win by memorising.
  const defaults = new FSRSBinding(defaultParameters).evaluate(items);
  const fitted = await evaluateWithTimeSeriesSplits(items, options);
  return {
    parameters,
    items: items.length,
    evaluation: {
      default: { logLoss: defaults.logLoss, rmseBins: defaults.rmseBins },
      fitted: { logLoss: fitted.logLoss, rmseBins: fitted.rmseBins },
    },
  };
}

fit(workerData).then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) => parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
