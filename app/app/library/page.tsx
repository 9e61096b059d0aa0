import type { Metadata } from "next";
import Link from "next/link";
import path from "node:path";
import { QuoteInContextView } from "@/components/library/quote-in-context";
import { ReportProblem } from "@/components/reports/report-problem";
import { loadBank } from "@/lib/content/bank";
import { libraryOf } from "@/lib/content/library";
import { monthYear } from "@/lib/content/generate/wording";
import { reportableItemOfFact } from "@/lib/reports/fact-items";

export const metadata: Metadata = { title: "Library" };

function anchor(topic: string): string {
  return `topic-${topic.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

export default function LibraryPage() {
  const bank = loadBank();
  const library = libraryOf(bank, path.resolve("content"));
  const reportable = reportableItemOfFact(bank);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Library</h1>
        <p className="muted">
          Every fact in the question bank, by topic, with the passages it comes from. {bank.facts.length} facts from{" "}
          {bank.documents.length} documents.
        </p>
      </header>
      <nav aria-label="Topics" className="card">
        <h2>Topics</h2>
        <ul className="topic-list">
          {library.map(({ topic, facts }) => (
            <li key={topic}>
              <a href={`#${anchor(topic)}`}>{topic}</a> <span className="muted">({facts.length})</span>
            </li>
          ))}
        </ul>
      </nav>
      {library.map(({ topic, facts }) => (
        <section key={topic} id={anchor(topic)} className="card" aria-labelledby={`${anchor(topic)}-title`}>
          <h2 id={`${anchor(topic)}-title`}>{topic}</h2>
          <p>
            <Link href={`/app/quiz?mode=topic&topic=${encodeURIComponent(topic)}`}>Practise this topic</Link>
          </p>
          <ul className="fact-list">
            {facts.map((fact) => (
              <li key={fact.id} id={`fact-${fact.id}`}>
                <p className="fact-statement">
                  {fact.statement}{" "}
                  <span className={`badge${fact.timeSensitive ? " badge-dated" : ""}`}>
                    as of {monthYear(fact.asOf)}
                  </span>
                </p>
                {fact.note && <p className="muted">{fact.note}</p>}
                <details>
                  <summary>
                    {fact.sources.length === 1 ? "Source" : `${fact.sources.length} sources`}
                    <span className="visually-hidden"> for: {fact.statement}</span>
                  </summary>
                  {fact.sources.map((source) => (
                    <QuoteInContextView key={`${source.doc}-${source.locator}-${source.quote}`} source={source} />
                  ))}
                </details>
                {reportable.has(fact.id) && <ReportProblem itemId={reportable.get(fact.id)!} about={fact.statement} />}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
