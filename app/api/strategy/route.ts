import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { getStrategy } from "@/lib/strategy/strategy";

export const GET = userRoute({}, async (userId) => getStrategy(getDb(), userId, new Date()));
