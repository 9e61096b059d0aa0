import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { documentKind, partialDate } from "@/components/library/format";
import { loadBank } from "@/lib/content/bank";
import { documentIndex } from "@/lib/content/library";

export const metadata: Metadata = { title: "Documents" };

/** Every source document of the bank, newest events first, each opening its full text. */
export default function DocumentsPage() {
  const documents = documentIndex(loadBank());
  return (
    <div className="stack">
      <header className="page-header">
        <p>
          <IntentLink href="/app/library">← Library</IntentLink>
        </p>
        <h1>Documents</h1>
        <p className="muted">The {documents.length} documents the facts quote, each as captured, with the lines the facts cite.</p>
      </header>
      <ul className="document-index">
        {documents.map((document) => (
          <li key={document.id} className="card">
            <h2>
              <IntentLink href={`/app/library/documents/${document.id}`}>{document.title}</IntentLink>
            </h2>
            <dl className="document-meta">
              <div>
                <dt>Publisher</dt>
                <dd>{document.publisher}</dd>
              </div>
              <div>
                <dt>Kind</dt>
                <dd>{documentKind(document.kind)}</dd>
              </div>
              <div>
                <dt>Events of</dt>
                <dd>{partialDate(document.eventsDate)}</dd>
              </div>
              {document.published && (
                <div>
                  <dt>Published</dt>
                  <dd>{partialDate(document.published)}</dd>
                </div>
              )}
              <div>
                <dt>Cited by</dt>
                <dd>{document.facts === 1 ? "1 fact" : `${document.facts} facts`}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}
