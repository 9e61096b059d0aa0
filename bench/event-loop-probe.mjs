// Preloaded into the bench's server (NODE_OPTIONS=--import, by bench/memory-model.ts) when
// BENCH_EVENT_LOOP_LOG names a file: every 250 ms it appends "<epoch ms> <longest event-loop delay in ms
// over the last 250 ms>" for the process serving HTTP (scripts/serve.ts; not tsx's launcher, nor a job's
// child process, which inherit the preload). Bench-only: the app never loads it.
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_EVENT_LOOP_LOG;
if (file && process.argv[1]?.endsWith("serve.ts")) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    fs.appendFileSync(file, `${Date.now()} ${(delay.max / 1e6).toFixed(1)}\n`);
    delay.reset();
  }, 250).unref();
}
