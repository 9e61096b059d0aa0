// "Reschedule my cards"' replay as its own process (started by lib/practice/reschedule-process.ts at the
// lowest CPU priority): it reads the user's cards and review logs through a read-only connection of its
// own and replays them with ts-fsrs, one batch ahead of the server, which writes each batch it is sent.
// Loaded by path at run time, never imported by the app.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Db } from "@/lib/db/client";
import { replayedBatches, type ReplayedBatch } from "./reschedule";
import type { ReplayProcessCommand, ReplayProcessMessage } from "./reschedule-process";

function serveReplay() {
  let db: Db | null = null;
  let batches: AsyncIterator<ReplayedBatch> | null = null;
  let ahead: Promise<IteratorResult<ReplayedBatch>> | null = null;
  const prepareNext = () => {
    ahead = batches!.next();
    // Answered when the server asks for it; until then its failure is not unhandled.
    ahead.catch(() => undefined);
  };
  const finish = async (message: ReplayProcessMessage, code: number) => {
    await db?.$disconnect().catch(() => undefined);
    process.send!(message, () => process.exit(code));
  };
  process.on("message", (command: ReplayProcessCommand) => {
    if (command.type === "start") {
      db = createDb(command.target, { readOnly: true });
      batches = replayedBatches(db, command.job)[Symbol.asyncIterator]();
      prepareNext();
      return;
    }
    // The batch prepared ahead; the one after it is prepared while the server writes this one.
    ahead!.then(
      (next) => {
        if (next.done) return finish({ type: "done" }, 0);
        prepareNext();
        process.send!({ type: "batch", batch: next.value } satisfies ReplayProcessMessage);
      },
      (error: unknown) => finish({ type: "error", message: error instanceof Error ? error.message : String(error) }, 1),
    );
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.send) serveReplay();
