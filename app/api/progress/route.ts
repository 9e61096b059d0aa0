import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { getProgress } from "@/lib/progress/progress";

export const GET = userRoute({}, async (userId) => getProgress(getDb(), userId, new Date()));
