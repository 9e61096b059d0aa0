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
