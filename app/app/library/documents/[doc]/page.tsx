import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { notFound } from "next/navigation";
import { documentKind, partialDate } from "@/components/library/format";
import { ScrollToCited } from "@/components/library/scroll-to-cited";
import { documentForReading } from "@/lib/content/document-view";
import { documentParamsSchema, documentQuerySchema } from "@/lib/validation/library";

type Props = { params: Promise<{ doc: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = documentParamsSchema.safeParse(await params);
  const document = parsed.success ? documentForReading(parsed.data.doc) : null;
  return { title: document?.meta.title ?? "Document" };
}

/**
 * A source document as captured, line by line, so that a citation's line or paragraph can be linked.
 * ?cite=<locator> marks the cited passage (the link's fragment scrolls to it); lines the document's
 * .yaml marks as page chrome are dimmed and labelled as not content.
 */
export default async function DocumentPage({ params, searchParams }: Props) {
  const parsed = documentParamsSchema.safeParse(await params);
  const query = documentQuerySchema.safeParse(await searchParams);
  const cite = query.success ? query.data.cite : undefined;
  const document = parsed.success ? documentForReading(parsed.data.doc, cite) : null;
  if (!document) notFound();
  const { meta, lines, cited } = document;
  const hasChrome = lines.some((line) => line.chrome);
  return (
    <div className="stack">
      <header className="page-header">
        <p className="breadcrumbs">
          <IntentLink href="/app/library">← Library</IntentLink> · <IntentLink href="/app/library/documents">All documents</IntentLink>
        </p>
        <h1>{meta.title}</h1>
        <p className="muted">
          {meta.publisher} · {documentKind(meta.kind)} · events of {partialDate(meta.eventsDate)}
          {meta.published ? ` · published ${partialDate(meta.published)}` : ""}. The text as captured; facts cite its lines
          {meta.paragraphs === "numbered" ? " and numbered paragraphs" : ""}.
        </p>
        {hasChrome && (
          <p className="muted">
            <span className="chrome-label">Not content</span> marks the web page&apos;s own furniture (adverts, newsletter boxes, links to
            other articles), kept as captured and shown dimmed.
          </p>
        )}
        {!query.success && (
          <p className="alert alert-error" role="alert">
            {query.error.issues[0]?.message}
          </p>
        )}
        {cite && (
          <p className={cited ? "alert alert-info" : "alert alert-error"} role={cited ? undefined : "alert"}>
            {cited ? (
              <>
                The passage cited ({cite}) is highlighted below.{" "}
                <a href={`#${lines[cited.firstLine - 1]?.paragraph ? `para-${lines[cited.firstLine - 1]!.paragraph}` : `line-${cited.firstLine}`}`}>
                  Go to it
                </a>
              </>
            ) : (
              <>This document has no {cite}.</>
            )}
          </p>
        )}
      </header>
      <ScrollToCited />
      <ol className="document-lines card">
        {lines.map((line) => (
          <li
            key={line.number}
            id={line.paragraph ? `para-${line.paragraph}` : `line-${line.number}`}
            value={line.number}
            className={[line.chrome && "line-chrome", line.cited && "line-cited"].filter(Boolean).join(" ") || undefined}
          >
            {line.paragraph && <span id={`line-${line.number}`} />}
            {line.chromeStart && <span className="chrome-label">Not content</span>}
            {line.cited && <span className="visually-hidden">Cited: </span>}
            {line.text.trim() || "\u00a0"}
          </li>
        ))}
      </ol>
    </div>
  );
}
