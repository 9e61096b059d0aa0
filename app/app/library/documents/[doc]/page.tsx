import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { documentForReading } from "@/lib/content/document-view";

const paramsSchema = z.object({ doc: z.string().regex(/^[a-z0-9-]+$/).max(100) });

type Props = { params: Promise<{ doc: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = paramsSchema.safeParse(await params);
  const document = parsed.success ? documentForReading(parsed.data.doc) : null;
  return { title: document?.meta.title ?? "Document" };
}

/** A source document as captured, line by line, so that a citation's line or paragraph can be linked. */
export default async function DocumentPage({ params }: Props) {
  const parsed = paramsSchema.safeParse(await params);
  const document = parsed.success ? documentForReading(parsed.data.doc) : null;
  if (!document) notFound();
  const { meta, lines } = document;
  return (
    <div className="stack">
      <header className="page-header">
        <p>
          <Link href="/app/library">← Library</Link>
        </p>
        <h1>{meta.title}</h1>
        <p className="muted">
          {meta.publisher} · {meta.kind.replace("-", " ")} · events of {meta.eventsDate}
          {meta.published ? ` · published ${meta.published}` : ""}. The text as captured, page chrome included; facts cite its
          lines{meta.paragraphs === "numbered" ? " and numbered paragraphs" : ""}.
        </p>
      </header>
      <ol className="document-lines card">
        {lines.map((line) => (
          <li key={line.number} id={line.paragraph ? `para-${line.paragraph}` : `line-${line.number}`} value={line.number}>
            {line.paragraph && <span id={`line-${line.number}`} />}
            {line.text.trim() || "\u00a0"}
          </li>
        ))}
      </ol>
    </div>
  );
}
