import { accepted, userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { startRescheduleCards } from "@/lib/practice/reschedule";
import { appReplayer } from "@/lib/practice/reschedule-process";

// 202 with the job (GET /api/jobs/<id> until done) that replays every card's log with the user's current
// parameters: the replay in a child process at the lowest priority, the writes here.
export const POST = userRoute({}, async (userId) =>
  accepted((await startRescheduleCards(getDb(), userId, { now: () => new Date(), replayer: appReplayer() })).job),
);
