import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { deviceQueue } from "@/lib/practice/device-queue";
import { queueQuerySchema } from "@/lib/validation/practice";

// servedAt lets the page time cards' showAt by the server's clock, whatever the device's says.
export const GET = userRoute({ query: queueQuerySchema }, async (userId, { query }) => deviceQueue(getDb(), userId, query.limit, new Date()));
