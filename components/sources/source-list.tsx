import { locatorAnchor } from "@/lib/content/locator-anchor";

export type Source = { doc: string; locator: string; quote: string; documentTitle?: string };

/** The passages an answer rests on, each with its document and place in it. */
export function SourceList({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <details className="source-list">
      <summary>Sources ({sources.length})</summary>
      <ul>
        {sources.map((source) => (
          <li key={`${source.doc}-${source.locator}-${source.quote}`}>
            <blockquote>“{source.quote}”</blockquote>
            <span className="muted">
              {source.documentTitle ?? source.doc}, {source.locator} ·{" "}
              <a href={`/app/library/documents/${source.doc}#${locatorAnchor(source.locator)}`}>read it in the document</a>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
