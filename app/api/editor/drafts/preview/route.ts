import { editorRoute } from "@/app/api/_shared/handler";
import { contentRootFrom } from "@/lib/editor/content-root";
import { previewFactDraft } from "@/lib/editor/fact-draft";
import { factDraftSchema } from "@/lib/validation/editor";

export const POST = editorRoute({ body: factDraftSchema }, async (_editorId, { body }) => previewFactDraft(contentRootFrom(process.env), body));
