// The retention simulation (lib/memory-model/simulate.ts) in a worker thread: a second or two of CPU for
// a learner with thousands of cards, which would otherwise hold up every request on the server. The
// TypeScript module is loaded through tsx (a dependency: `npm start` runs on it), so the simulation has
// one definition, shared with the tests.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { simulateRetentions } = await tsImport("./simulate.ts", import.meta.url);
const { seededRandom } = await tsImport("../content/generate/random.ts", import.meta.url);

try {
  const { input, seed } = workerData;
  parentPort.postMessage({ ok: true, outcomes: simulateRetentions({ ...input, newRandom: () => seededRandom(seed) }) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
