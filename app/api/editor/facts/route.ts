import { created, editorRoute } from "@/app/api/_shared/handler";
import { contentEditsAllowed, contentRootFrom } from "@/lib/editor/content-root";
import { saveFactDraft } from "@/lib/editor/fact-draft";
import { factDraftSchema } from "@/lib/validation/editor";

export const POST = editorRoute({ body: factDraftSchema }, async (_editorId, { body }) =>
  created(saveFactDraft(contentRootFrom(process.env), body, contentEditsAllowed(process.env))),
);
