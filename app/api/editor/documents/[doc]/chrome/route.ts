import { editorRoute } from "@/app/api/_shared/handler";
import { markChrome } from "@/lib/editor/add-document";
import { contentEditsAllowed, contentRootFrom } from "@/lib/editor/content-root";
import { chromeSchema, documentParamsSchema } from "@/lib/validation/editor";

export const POST = editorRoute({ params: documentParamsSchema, body: chromeSchema }, async (_editorId, { params, body }) =>
  markChrome(contentRootFrom(process.env), params.doc, body.locator, contentEditsAllowed(process.env)),
);
