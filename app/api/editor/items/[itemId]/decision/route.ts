import { editorRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { decideItem } from "@/lib/reports/reports";
import { decisionSchema, itemParamsSchema } from "@/lib/reports/requests";

export const POST = editorRoute({ params: itemParamsSchema, body: decisionSchema }, async (editorId, { params, body }) =>
  decideItem(getDb(), editorId, params.itemId, body, new Date()),
);
