import { citationHref } from "@/lib/content/locator-anchor";
import type { QuoteInContext } from "@/lib/content/library";

/** The document's lines around a quote, the quote itself marked, line breaks kept. */
export function QuoteInContextView({ source }: { source: QuoteInContext }) {
  const { text, marked, firstLine } = source.context;
  const parts = marked ? [text.slice(0, marked.start), text.slice(marked.start, marked.end), text.slice(marked.end)] : [text, "", ""];
  return (
    <figure className="quote-context">
      <blockquote>
        <p>
          {parts[0]}
          {parts[1] && <mark>{parts[1]}</mark>}
          {parts[2]}
        </p>
      </blockquote>
      <figcaption className="muted">
        {source.documentTitle}, {source.locator} (excerpt from line {firstLine}) ·{" "}
        {/* A full page load, so that the document opens scrolled to the passage and marks it. */}
        <a href={citationHref(source.doc, source.locator)}>read it in the document</a>
      </figcaption>
    </figure>
  );
}
