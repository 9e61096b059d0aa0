import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import path from "node:path";
import { QuoteInContextView } from "@/components/library/quote-in-context";
import { ReportProblem } from "@/components/reports/report-problem";
import { loadBank } from "@/lib/content/bank";
import { monthYear } from "@/lib/content/generate/wording";
import { libraryOf, libraryView, type LibraryQuery } from "@/lib/content/library";
import { libraryQuerySchema } from "@/lib/validation/library";
import { reportableItemOfFact } from "@/lib/reports/fact-items";
import { myReportsByItem } from "@/lib/reports/reports";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Library" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The Library URL for a query: only the parts that differ from the default. */
function libraryHref(query: Partial<LibraryQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.topic) params.set("topic", query.topic);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/app/library?${search}` : "/app/library";
}

/**
 * Every fact of the bank with its sources, a page at a time: searched on the server (?q=), narrowed to a
 * topic (?topic=, subtopics included) and grouped by topic.
 */
export default async function LibraryPage({ searchParams }: Props) {
  const parsed = libraryQuerySchema.safeParse(await searchParams);
  const query: LibraryQuery = parsed.success ? parsed.data : { page: 1 };
  const bank = loadBank();
  const view = libraryView(libraryOf(bank, path.resolve("content")), query);
  const filtered = Boolean(query.q || query.topic);
  const reportable = reportableItemOfFact(bank);
  // The learner's reports come with the page, not fetched by each fact's button after it loads. (The layout has checked the session.)
  const userId = await getSessionUserId();
  const reports = userId ? await myReportsByItem(getDb(), userId) : new Map();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Library</h1>
        <p className="muted">
          Every fact in the question bank with the passages it comes from: {bank.facts.length} facts from{" "}
          <IntentLink href="/app/library/documents">{bank.documents.length} documents</IntentLink>.
        </p>
      </header>

      <form action="/app/library" method="get" role="search" className="card library-search" aria-label="Search the Library">
        <div className="form-field">
          <label htmlFor="library-q">Search facts and quotes</label>
          <input id="library-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} placeholder="e.g. Veer Guardian" />
        </div>
        <div className="form-field">
          <label htmlFor="library-topic">Topic</label>
          <select id="library-topic" name="topic" defaultValue={query.topic ?? ""}>
            <option value="">All topics</option>
            {view.topics.map(({ topic, facts }) => (
              <option key={topic} value={topic}>
                {topic} ({facts})
              </option>
            ))}
          </select>
        </div>
        <div className="library-search-actions">
          <button type="submit" className="button">
            Search
          </button>
          {filtered && (
            <IntentLink href="/app/library" className="button button-quiet">
              Clear
            </IntentLink>
          )}
        </div>
      </form>

      {!parsed.success && (
        <div className="alert alert-error" role="alert">
          <p>That search could not be read, so everything is shown:</p>
          <ul>
            {parsed.error.issues.map((issue) => (
              <li key={`${issue.path.join(".")}-${issue.message}`}>
                {issue.path.join(".")}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <p className="library-summary" aria-live="polite">
        {view.total === 0 ? (
          <>
            <strong>No fact matches</strong>
            {query.q ? ` “${query.q}”` : ""}
            {query.topic ? ` in ${query.topic}` : ""}. Try fewer or other words.
          </>
        ) : view.outOfRange ? (
          <>
            There is no page {view.page}: {view.total} facts make {view.pageCount} pages. <IntentLink href={libraryHref({ ...query, page: 1 })}>Go to page 1</IntentLink>.
          </>
        ) : (
          <>
            <strong>{view.total === 1 ? "1 fact" : `${view.total} facts`}</strong>
            {query.q ? ` match “${query.q}”` : ""}
            {query.topic ? ` in ${query.topic}` : ""}
            {view.pageCount > 1 ? ` · page ${view.page} of ${view.pageCount}` : ""}
          </>
        )}
      </p>

      {!filtered && view.page === 1 && (
        <details className="card topic-index">
          <summary>
            <h2>Browse by topic ({view.topics.length})</h2>
          </summary>
          <ul className="topic-list">
            {view.topics.map(({ topic, facts }) => (
              <li key={topic}>
                <IntentLink href={libraryHref({ topic })}>{topic}</IntentLink> <span className="muted">({facts})</span>
              </li>
            ))}
          </ul>
        </details>
      )}

      {/* Groups after the first are below a phone's first screen: laid out and painted as they near it. */}
      {view.groups.map(({ topic, facts, continued }, index) => (
        <section key={topic} className={index === 0 ? "card" : "card render-when-near"} aria-label={topic}>
          <h2>
            {topic}
            {continued && <span className="muted"> (continued)</span>}
          </h2>
          <p className="topic-links">
            <IntentLink href={libraryHref({ topic })}>All facts of this topic</IntentLink> ·{" "}
            <IntentLink href={`/app/quiz?mode=topic&topic=${encodeURIComponent(topic)}`}>Practise this topic</IntentLink>
          </p>
          <ul className="fact-list">
            {facts.map((fact) => (
              <li key={fact.id} id={`fact-${fact.id}`}>
                <p className="fact-statement">
                  {fact.statement}{" "}
                  <span className={`badge${fact.timeSensitive ? " badge-dated" : ""}`}>as of {monthYear(fact.asOf)}</span>
                </p>
                {fact.note && <p className="muted">{fact.note}</p>}
                {fact.editorialNote && (
                  <p className="editorial-note">
                    <strong>Editor&apos;s note: not asked in questions.</strong> {fact.editorialNote}
                  </p>
                )}
                <details>
                  <summary>
                    {fact.sources.length === 1 ? "Source" : `${fact.sources.length} sources`}
                    <span className="visually-hidden"> for: {fact.statement}</span>
                  </summary>
                  {fact.sources.map((source) => (
                    <QuoteInContextView key={`${source.doc}-${source.locator}-${source.quote}`} source={source} />
                  ))}
                </details>
                {reportable.has(fact.id) && <ReportProblem itemId={reportable.get(fact.id)!} about={fact.statement} initialReport={reports.get(reportable.get(fact.id)!) ?? null} />}
              </li>
            ))}
          </ul>
        </section>
      ))}

      {view.pageCount > 1 && !view.outOfRange && (
        <nav aria-label="Pages" className="pagination">
          {view.page > 1 ? (
            <IntentLink href={libraryHref({ ...query, page: view.page - 1 })} rel="prev" className="button button-secondary">
              ← Previous
            </IntentLink>
          ) : (
            <span />
          )}
          <span className="muted">
            Page {view.page} of {view.pageCount}
          </span>
          {view.page < view.pageCount ? (
            <IntentLink href={libraryHref({ ...query, page: view.page + 1 })} rel="next" className="button button-secondary">
              Next →
            </IntentLink>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
