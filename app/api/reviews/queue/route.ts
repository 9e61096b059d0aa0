import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { reviewQueue } from "@/lib/practice/queue";
import { queueQuerySchema } from "@/lib/validation/practice";

export const GET = userRoute({ query: queueQuerySchema }, async (userId, { query }) => {
  const now = new Date();
  // servedAt lets the page time cards' showAt by the server's clock, whatever the device's says.
  return { cards: await reviewQueue(getDb(), userId, query.limit, now), servedAt: now };
});
