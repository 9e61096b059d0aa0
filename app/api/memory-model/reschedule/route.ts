import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { rescheduleCards } from "@/lib/practice/reschedule";

// Replays every card's log with the user's current parameters, a few dozen cards per transaction.
export const POST = userRoute({}, async (userId) => rescheduleCards(getDb(), userId));
