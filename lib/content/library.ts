import fs from "node:fs";
import path from "node:path";
import type { Bank, BankFact } from "./bank";
import { collapseWhitespace } from "./passages";

/** A quoted passage shown where it stands in its document: a few lines either side, the quote marked. */
export type QuoteInContext = {
  doc: string;
  documentTitle: string;
  locator: string;
  quote: string;
  /** Lines of the document around the quote; `marked` holds the quote's position inside `text`. */
  context: { firstLine: number; text: string; marked: { start: number; end: number } | null };
};

export type LibraryFact = Omit<BankFact, "sources"> & { sources: QuoteInContext[] };
export type LibraryTopic = { topic: string; facts: LibraryFact[] };

const CONTEXT_LINES = 2;

/**
 * The Library: every topic with its facts, and each fact's sources with the quoted passage in its
 * document's own words. Reads the document texts from the content folder the bank was built from.
 */
export function buildLibrary(bank: Bank, contentRoot: string): LibraryTopic[] {
  const titles = new Map(bank.documents.map((document) => [document.id, document.title]));
  const lines = new Map<string, string[]>();
  const linesOf = (doc: string) => {
    let text = lines.get(doc);
    if (!text) {
      text = fs.readFileSync(path.join(contentRoot, "sources", `${doc}.txt`), "utf8").split(/\r?\n/);
      lines.set(doc, text);
    }
    return text;
  };
  const topics = new Map<string, LibraryFact[]>();
  for (const fact of bank.facts) {
    const sources = fact.sources.map((source) => ({
      ...source,
      documentTitle: titles.get(source.doc) ?? source.doc,
      context: quoteContext(linesOf(source.doc), source.quote),
    }));
    const topic = topics.get(fact.topic);
    if (topic) topic.push({ ...fact, sources });
    else topics.set(fact.topic, [{ ...fact, sources }]);
  }
  return [...topics]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, facts]) => ({ topic, facts: facts.sort((a, b) => a.statement.localeCompare(b.statement)) }));
}

/** The lines around the quote's first occurrence, white space collapsed, with the quote's span marked. */
export function quoteContext(documentLines: readonly string[], quote: string): QuoteInContext["context"] {
  const wanted = collapseWhitespace(quote);
  const includesQuote = (from: number, to: number) => collapseWhitespace(documentLines.slice(from, to + 1).join(" ")).includes(wanted);
  for (let last = 0; last < documentLines.length; last++) {
    let first = Math.max(0, last - 8);
    if (!includesQuote(first, last)) continue;
    // The smallest window ending here: the quote's own first line.
    while (first < last && includesQuote(first + 1, last)) first++;
    const from = Math.max(0, first - CONTEXT_LINES);
    const to = Math.min(documentLines.length, last + 1 + CONTEXT_LINES);
    const text = documentLines
      .slice(from, to)
      .map(collapseWhitespace)
      .filter(Boolean)
      .join("\n");
    const start = text.replace(/\n/g, " ").indexOf(wanted);
    return { firstLine: from + 1, text, marked: start >= 0 ? { start, end: start + wanted.length } : null };
  }
  return { firstLine: 1, text: wanted, marked: { start: 0, end: wanted.length } };
}

const built = new WeakMap<Bank, LibraryTopic[]>();

/** buildLibrary, computed once per loaded bank. */
export function libraryOf(bank: Bank, contentRoot: string): LibraryTopic[] {
  let library = built.get(bank);
  if (!library) {
    library = buildLibrary(bank, contentRoot);
    built.set(bank, library);
  }
  return library;
}

/**
 * Facts per page of the Library. Each fact carries its quotes in context, about 3.5 kB of page and as much
 * again of the data React hydrates from; 20 to a page kept a throttled phone's main thread busy for most of
 * a second (docs/performance.md, Lighthouse).
 */
export const LIBRARY_PAGE_SIZE = 10;

export type LibraryQuery = { q?: string; topic?: string; page: number };

export type LibraryView = {
  /** Every topic with its number of facts, for the topic list and filter. */
  topics: { topic: string; facts: number }[];
  /** Facts matching the search and topic. */
  total: number;
  page: number;
  pageCount: number;
  /** The page's facts by topic, in Library order; `continued` when the topic began on an earlier page. */
  groups: (LibraryTopic & { continued: boolean })[];
  /** The page asked for is past the last one. */
  outOfRange: boolean;
};

/** Lower case, accents and curly quotes folded, white space collapsed: what search compares. */
export function searchText(text: string): string {
  return collapseWhitespace(
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .toLowerCase(),
  );
}

function searchable(fact: LibraryFact): string {
  return searchText([fact.statement, fact.note ?? "", fact.topic, ...fact.sources.flatMap((source) => [source.quote, source.documentTitle])].join(" "));
}

/** Whether a topic is `filter` or one of its subtopics ("Polity" covers "Polity > Parliament"). */
export function withinTopic(topic: string, filter: string): boolean {
  return topic === filter || topic.startsWith(`${filter} > `);
}

/**
 * One page of the Library: facts whose statement, note, topic, quotes or document titles contain every
 * word of `q` (in any case, accents and quote marks folded), within `topic` and its subtopics, grouped by
 * topic, `pageSize` at a time.
 */
export function libraryView(library: readonly LibraryTopic[], query: LibraryQuery, pageSize = LIBRARY_PAGE_SIZE): LibraryView {
  const words = query.q ? searchText(query.q).split(" ").filter(Boolean) : [];
  const matching = library
    .filter(({ topic }) => query.topic === undefined || withinTopic(topic, query.topic))
    .flatMap(({ facts }) => (words.length === 0 ? facts : facts.filter((fact) => words.every((word) => searchable(fact).includes(word)))));
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const onPage = matching.slice((query.page - 1) * pageSize, query.page * pageSize);
  const groups: LibraryView["groups"] = [];
  for (const fact of onPage) {
    const last = groups.at(-1);
    if (last?.topic === fact.topic) last.facts.push(fact);
    else groups.push({ topic: fact.topic, facts: [fact], continued: false });
  }
  const first = groups[0];
  if (first && query.page > 1) {
    const previous = matching[(query.page - 1) * pageSize - 1];
    first.continued = previous?.topic === first.topic;
  }
  return {
    topics: library.map(({ topic, facts }) => ({ topic, facts: facts.length })),
    total: matching.length,
    page: query.page,
    pageCount,
    groups,
    outOfRange: query.page > pageCount,
  };
}

export type DocumentSummary = Pick<Bank["documents"][number], "id" | "title" | "publisher" | "kind" | "eventsDate" | "published"> & {
  /** Facts citing the document. */
  facts: number;
};

/** Every source document with how many facts cite it: newest events first, then by title. */
export function documentIndex(bank: Bank): DocumentSummary[] {
  return bank.documents
    .map(({ id, title, publisher, kind, eventsDate, published }) => ({
      id,
      title,
      publisher,
      kind,
      eventsDate,
      published,
      facts: bank.facts.filter((fact) => fact.sources.some((source) => source.doc === id)).length,
    }))
    .sort((a, b) => b.eventsDate.localeCompare(a.eventsDate) || a.title.localeCompare(b.title));
}

/** A document's title by id, for showing sources by title rather than slug (the slug when unknown). */
export function documentTitles(bank: Bank): Record<string, string> {
  return Object.fromEntries(bank.documents.map((document) => [document.id, document.title]));
}
