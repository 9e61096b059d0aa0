import type { ReactNode } from "react";
import { QuoteInContextView } from "@/components/library/quote-in-context";
import { ItemVersion } from "./item-version";
import { formatName } from "@/lib/content/item-types";
import type { ReportedItem } from "@/lib/reports/editor-queue";
import { REPORT_REASON_LABELS } from "@/lib/reports/reasons";
import "./editor.css";


function when(date: Date): string {
  return `${date.toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" })} IST`;
}

/** One reported item as an editor reviews it: the item, its facts, its sources in context and the reports. */
export function ReportedItemView({ entry, children }: { entry: ReportedItem; children: ReactNode }) {
  const { item, facts, passages, reports, counts } = entry;
  const titleId = `item-${item.id.replace(/[^A-Za-z0-9-]/g, "-")}`;
  return (
    <article className="card reported-item" aria-labelledby={titleId}>
      <header className="reported-header">
        <h2 id={titleId}>
          {counts.reports} {counts.reports === 1 ? "report" : "reports"}
          {counts.wrongAnswer > 0 && <span className="muted"> ({counts.wrongAnswer} wrong answer)</span>}
        </h2>
        <p className="reported-meta">
          <span className="badge">{formatName(item.type)}</span> <span className="muted">{item.topic}</span>{" "}
          {item.withheld && <span className="badge badge-withheld">Withheld from learners</span>}{" "}
          {item.retired && <span className="badge">Retired</span>}
        </p>
        <p className="muted item-id">
          <code>{item.id}</code>
        </p>
      </header>
      <div className="reported-columns">
        <ItemVersion item={item} heading="The item" className="">
          <h3>Facts</h3>
          <ul className="reported-facts">
            {facts.map((fact) => (
              <li key={fact.id}>
                {fact.statement} {fact.asOf && <span className="muted">(as of {fact.asOf})</span>}
                {fact.editorialNote && <span className="muted"> Editorial note: {fact.editorialNote}</span>}
              </li>
            ))}
          </ul>
          <h3>Sources</h3>
          {passages.map((passage) => (
            <QuoteInContextView key={`${passage.doc}-${passage.locator}-${passage.quote}`} source={passage} />
          ))}
        </ItemVersion>
        <section aria-label="Learners' reports">
          <h3>Learners&apos; reports</h3>
          <ol className="report-list">
            {reports.map((report) => (
              <li key={report.id}>
                <p>
                  <strong>{REPORT_REASON_LABELS[report.reason] ?? report.reason}</strong>{" "}
                  <span className="muted">· {when(report.updatedAt)}</span>
                </p>
                {report.comment ? <blockquote>{report.comment}</blockquote> : <p className="muted">No comment.</p>}
              </li>
            ))}
          </ol>
          {children}
        </section>
      </div>
    </article>
  );
}
