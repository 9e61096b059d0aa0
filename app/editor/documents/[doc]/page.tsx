import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { notFound } from "next/navigation";
import { DocumentAuthoring } from "@/components/editor/document-authoring";
import { contentEditsAllowed, contentRootFrom, READ_ONLY_CONTENT_MESSAGE } from "@/lib/editor/content-root";
import { documentForAuthoring } from "@/lib/editor/document-authoring";
import { documentParamsSchema } from "@/lib/validation/editor";
import "@/components/editor/editor.css";

type Props = { params: Promise<{ doc: string }> };

export const metadata: Metadata = { title: "Document · Editor" };

/** A document for writing facts from: paragraph by paragraph with the facts citing each, and a fact draft. */
export default async function EditorDocumentPage({ params }: Props) {
  const parsed = documentParamsSchema.safeParse(await params);
  const view = parsed.success ? documentForAuthoring(contentRootFrom(process.env), parsed.data.doc) : null;
  if (!view) notFound();
  const editable = contentEditsAllowed(process.env);
  const readable = view.paragraphs.filter((paragraph) => !paragraph.chrome);
  return (
    <div className="stack">
      <header className="page-header">
        <p className="breadcrumbs">
          <IntentLink href="/editor/documents">← Documents</IntentLink>
        </p>
        <h1>{view.meta.title}</h1>
        <p className="muted">
          {view.meta.publisher} · events of {view.meta.eventsDate} · <code>{view.meta.id}</code> ·{" "}
          {readable.filter((paragraph) => paragraph.facts.length > 0).length} of {readable.length} paragraphs cited,{" "}
          {readable.filter((paragraph) => paragraph.uncovered).length} uncovered.
        </p>
      </header>
      {!editable && (
        <p className="card notice" role="note">
          {READ_ONLY_CONTENT_MESSAGE}
        </p>
      )}
      <DocumentAuthoring view={view} editable={editable} />
    </div>
  );
}
