import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { todaySummary } from "@/lib/today/summary";

export const GET = userRoute({}, async (userId) => todaySummary(getDb(), userId, new Date()));
