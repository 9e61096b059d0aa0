import { created, userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { reportItem } from "@/lib/reports/reports";
import { itemParamsSchema, reportSchema } from "@/lib/reports/requests";

export const POST = userRoute({ params: itemParamsSchema, body: reportSchema }, async (userId, { params, body }) =>
  created(await reportItem(getDb(), userId, params.itemId, body, new Date())),
);
