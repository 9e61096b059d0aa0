import { accepted, userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { startRescheduleCards } from "@/lib/practice/reschedule";

// 202 with the job (GET /api/jobs/<id> until done) that replays every card's log with the user's current parameters.
export const POST = userRoute({}, async (userId) => accepted((await startRescheduleCards(getDb(), userId, { now: () => new Date() })).job));
