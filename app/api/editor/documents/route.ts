import { created, editorRoute } from "@/app/api/_shared/handler";
import { addDocument } from "@/lib/editor/add-document";
import { contentEditsAllowed, contentRootFrom } from "@/lib/editor/content-root";
import { newDocumentSchema } from "@/lib/validation/editor";

export const POST = editorRoute({ body: newDocumentSchema }, async (_editorId, { body }) =>
  created(addDocument(contentRootFrom(process.env), body, contentEditsAllowed(process.env))),
);
