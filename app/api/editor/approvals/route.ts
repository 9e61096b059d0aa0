import { editorRoute } from "@/app/api/_shared/handler";
import { loadBank } from "@/lib/content/bank";
import { getDb } from "@/lib/db/client";
import { approveItems } from "@/lib/editor/approve-items";
import { contentEditsAllowed, contentRootFrom } from "@/lib/editor/content-root";
import { servingPolicyFrom } from "@/lib/editor/serving-policy";
import { approveSchema } from "@/lib/validation/editor";

export const POST = editorRoute({ body: approveSchema }, async (editorId, { body }) =>
  approveItems(getDb(), {
    contentRoot: contentRootFrom(process.env),
    bank: loadBank(),
    itemIds: body.itemIds,
    editorId,
    now: new Date(),
    policy: servingPolicyFrom(process.env),
    editsAllowed: contentEditsAllowed(process.env),
  }),
);
