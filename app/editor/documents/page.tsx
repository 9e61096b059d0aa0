import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { NewDocumentForm } from "@/components/editor/new-document-form";
import { contentEditsAllowed, contentRootFrom, READ_ONLY_CONTENT_MESSAGE } from "@/lib/editor/content-root";
import { documentsForAuthoring } from "@/lib/editor/document-authoring";
import "@/components/editor/editor.css";

export const metadata: Metadata = { title: "Documents · Editor" };

/** The source documents, with how much of each the facts cover, and a form to add one. */
export default async function EditorDocumentsPage() {
  const documents = documentsForAuthoring(contentRootFrom(process.env));
  const editable = contentEditsAllowed(process.env);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Documents</h1>
        <p className="muted">
          Open a document to write facts from it: select a sentence and the draft starts with its exact quote and locator. Paragraphs
          that read as content and no fact cites are marked.
        </p>
      </header>
      {!editable && (
        <p className="card notice" role="note">
          {READ_ONLY_CONTENT_MESSAGE}
        </p>
      )}
      <section className="card" aria-labelledby="documents-heading">
        <h2 id="documents-heading">Source documents</h2>
        <ul className="document-coverage-list">
          {documents.map((document) => (
            <li key={document.id}>
              <IntentLink href={`/editor/documents/${document.id}`}>{document.title}</IntentLink>
              <span className="muted">
                {" "}
                · {document.publisher} · {document.eventsDate} · {document.covered} of {document.paragraphs} paragraphs cited
                {document.uncovered > 0 ? ` · ${document.uncovered} uncovered` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {editable && <NewDocumentForm />}
    </div>
  );
}
