import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { reviewQueue } from "@/lib/practice/queue";
import { queueQuerySchema } from "@/lib/validation/practice";

export const GET = userRoute({ query: queueQuerySchema }, async (userId, { query }) => ({
  cards: await reviewQueue(getDb(), userId, query.limit, new Date()),
}));
