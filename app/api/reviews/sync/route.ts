import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { syncDeviceRatings } from "@/lib/practice/device-sync";
import { syncSchema } from "@/lib/validation/practice";

// 500 ratings with UUIDs take about 70 KB of JSON: more than other routes ever need.
export const POST = userRoute({ body: syncSchema, maxBodyBytes: 128 * 1024 }, async (userId, { body }) => syncDeviceRatings(getDb(), userId, body, new Date()));
