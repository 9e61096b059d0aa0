"use client";

import { useState } from "react";
import { citationHref } from "@/lib/content/locator-anchor";
import { useDocumentTitle } from "./document-titles";

export type Source = { doc: string; locator: string; quote: string; documentTitle?: string };

/**
 * The passages an answer rests on, each with its document (by title) and place in it. Folded until
 * asked for, and made only then: a finished quiz shows fifteen of these lists, and their quotes, links
 * and titles were a fifth of the page's elements while nearly all stay folded.
 */
export function SourceList({ sources }: { sources: Source[] }) {
  const [opened, setOpened] = useState(false);
  if (sources.length === 0) return null;
  return (
    <details className="source-list" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>Sources ({sources.length})</summary>
      {opened && (
        <ul>
          {sources.map((source) => (
            <SourceItem key={`${source.doc}-${source.locator}-${source.quote}`} source={source} />
          ))}
        </ul>
      )}
    </details>
  );
}

function SourceItem({ source }: { source: Source }) {
  const title = useDocumentTitle(source.doc);
  return (
    <li>
      <blockquote>“{source.quote}”</blockquote>
      <span className="muted">
        {source.documentTitle ?? title}, {source.locator} · <a href={citationHref(source.doc, source.locator)}>read it in the document</a>
      </span>
    </li>
  );
}
