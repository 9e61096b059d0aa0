import path from "node:path";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";
import { startJobProcess } from "@/lib/jobs/child-process";
import { JobFailedError } from "@/lib/jobs/jobs";
import type { CardReplayer, ReplayedBatch, ReplayJob } from "./reschedule";

/** What the server tells the replay's process: the job once, then "next" for each batch it is ready to write. */
export type ReplayProcessCommand = { type: "start"; target: DatabaseTarget; job: ReplayJob } | { type: "next" };

/** What the replay's process answers each "next" with. */
export type ReplayProcessMessage = { type: "batch"; batch: ReplayedBatch } | { type: "done" } | { type: "error"; message: string };

/**
 * Past this without a batch, the replay's process is taken to be stuck: killed, and its job marked failed.
 * As long as a fit may take: at nice 19 beside a saturated server the child gets a few percent of a core,
 * and its first batch waits for its start-up (docs/performance.md: 265 s for 124 batches under load).
 */
export const REPLAY_SILENCE_MS = 5 * 60_000;

/**
 * The replayer the app uses: lib/practice/reschedule-job.ts in a child process of its own at the lowest
 * CPU priority (lib/jobs/child-process), reading `target` through a read-only connection and replaying
 * one batch ahead of the server, which writes each batch as it comes (reschedule.ts). The server then
 * neither decodes a heavy user's 100,000 log rows nor runs ts-fsrs over them on the thread that serves
 * everyone else.
 */
export function replayInChildProcess(target: DatabaseTarget): CardReplayer {
  return (job) => replayedInChild(target, job);
}

/** The app's replayer: a child process reading the database DATABASE_URL names, the one getDb() serves. */
export function appReplayer(): CardReplayer {
  return replayInChildProcess(resolveDatabaseTarget(process.env.DATABASE_URL));
}

async function* replayedInChild(target: DatabaseTarget, job: ReplayJob): AsyncGenerator<ReplayedBatch> {
  // Structured clone: the replayed states' dates arrive as Dates.
  const child = startJobProcess<ReplayProcessMessage>(path.join(process.cwd(), "lib", "practice", "reschedule-job.ts"), { serialization: "advanced" });
  const silence = () => new JobFailedError(`Rescheduling stopped making progress for ${REPLAY_SILENCE_MS / 60_000} minutes and was stopped. Please try again later.`);
  try {
    child.send({ type: "start", target, job } satisfies ReplayProcessCommand);
    for (;;) {
      child.send({ type: "next" } satisfies ReplayProcessCommand);
      const message = await child.receive(REPLAY_SILENCE_MS, silence);
      if (message.type === "error") throw new Error(`The replay failed: ${message.message}`);
      if (message.type === "done") return;
      yield message.batch;
    }
  } finally {
    // Done, failed, or the writer stopped asking (its write failed): the process goes either way.
    child.stop();
  }
}
