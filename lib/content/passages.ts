import type { SourceDocument } from "./load";
import { LOCATOR_PATTERN } from "./schema";

/** A located stretch of a document: 1-based first and last line. */
export type Passage = { firstLine: number; lastLine: number; text: string };

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** What a locator needs of a document. */
export type LocatableDocument = Pick<SourceDocument, "id" | "lines" | "paragraphs">;

/** The lines a locator points at, or an explanation of why it points nowhere. */
export function passageAt(document: LocatableDocument, locator: string): Passage | { error: string } {
  const match = LOCATOR_PATTERN.exec(locator);
  if (!match) return { error: `"${locator}" is not a locator: use "para N", "line N" or "lines N-M"` };
  const [, , para, line, from, to] = match;
  if (para) return paragraph(document, Number(para));
  const first = Number(line ?? from);
  const last = Number(line ?? to);
  if (first < 1 || last < first) return { error: `"${locator}" is not a valid range of lines` };
  if (last > document.lines.length) return { error: `${document.id} has ${document.lines.length} lines; "${locator}" is past its end` };
  return { firstLine: first, lastLine: last, text: document.lines.slice(first - 1, last).join("\n") };
}

const numberedParagraph = (n: number) => new RegExp(`^\\s*${n}\\.\\s`);

function paragraph(document: LocatableDocument, n: number): Passage | { error: string } {
  if (document.paragraphs !== "numbered") return { error: `${document.id} has no numbered paragraphs: cite "line N" instead` };
  const start = document.lines.findIndex((text) => numberedParagraph(n).test(text));
  if (start < 0) return { error: `${document.id} has no paragraph ${n}` };
  let end = start + 1;
  while (end < document.lines.length && !numberedParagraph(n + 1).test(document.lines[end]!)) end++;
  return { firstLine: start + 1, lastLine: end, text: document.lines.slice(start, end).join("\n") };
}

/** Whether `quote` occurs in `text`, allowing only differences of white space. */
export function containsQuote(text: string, quote: string): boolean {
  return collapseWhitespace(text).includes(collapseWhitespace(quote));
}

/** The line of the document at which the quote starts, for telling an author where it really is. */
export function lineOfQuote(document: SourceDocument, quote: string): number | undefined {
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const line of document.lines) {
    const collapsed = collapseWhitespace(line);
    starts.push(collapsed ? offset : Number.POSITIVE_INFINITY);
    if (collapsed) {
      parts.push(collapsed);
      offset += collapsed.length + 1;
    }
  }
  const at = parts.join(" ").indexOf(collapseWhitespace(quote));
  if (at < 0) return undefined;
  let found = 0;
  starts.forEach((start, index) => {
    if (start <= at) found = index;
  });
  return found + 1;
}

// Typographic quote marks and dashes as an author's keyboard types them.
const LOOK_ALIKES: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-"],
];

function plain(text: string): string {
  return LOOK_ALIKES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), collapseWhitespace(text));
}

/**
 * Where a quote differs from the passage only by quote marks or dashes, what differs and where: the
 * first character that differs, with its neighbourhood. Undefined when the difference is in the words.
 */
export function lookAlikeDifference(passage: string, quote: string): string | undefined {
  const text = collapseWhitespace(passage);
  const wanted = collapseWhitespace(quote);
  const at = plain(text).indexOf(plain(wanted));
  if (at < 0) return undefined;
  const original = text.slice(at, at + wanted.length);
  for (let index = 0; index < wanted.length; index++) {
    if (original[index] !== wanted[index]) {
      const context = original.slice(Math.max(0, index - 15), index + 15);
      return `differs only in quote marks or dashes: the document has ${JSON.stringify(original[index])} where the quote has ${JSON.stringify(wanted[index])}, in "${context}"`;
    }
  }
  return undefined;
}

/** The lines (1-based) a document's `chrome` marks as page chrome, and an error per locator that points nowhere. */
export function chromeLines(document: LocatableDocument & { chrome?: readonly string[] }): { lines: Set<number>; errors: { index: number; message: string }[] } {
  const lines = new Set<number>();
  const errors: { index: number; message: string }[] = [];
  (document.chrome ?? []).forEach((locator, index) => {
    const passage = passageAt(document, locator);
    if ("error" in passage) errors.push({ index, message: passage.error });
    else for (let line = passage.firstLine; line <= passage.lastLine; line++) lines.add(line);
  });
  return { lines, errors };
}
