import fs from "node:fs";
import path from "node:path";
import { loadBank } from "./bank";
import { chromeLines, passageAt } from "./passages";

export type DocumentLine = {
  number: number;
  text: string;
  paragraph: number | null;
  /** Page chrome (the document's .yaml says so): shown dimmed and labelled, not content. */
  chrome: boolean;
  /** The first line of a run of chrome, where the label goes. */
  chromeStart: boolean;
  /** Part of the passage the reader arrived for (the `cite` locator). */
  cited: boolean;
};

/**
 * A source document's lines for reading in the app, or null for an id the bank does not know. With
 * `cite` (a locator: "para 3", "line 12", "lines 12-14"), the lines of that passage are marked cited
 * and `citedAnchor` names the first one's anchor; a locator that points nowhere marks nothing.
 */
export function documentForReading(doc: string, cite?: string, contentRoot = path.resolve("content")) {
  const meta = loadBank().documents.find((document) => document.id === doc);
  if (!meta) return null;
  const text = fs.readFileSync(path.join(contentRoot, "sources", `${meta.id}.txt`), "utf8").split(/\r?\n/);
  const locatable = { id: meta.id, lines: text, paragraphs: meta.paragraphs };
  const chrome = chromeLines({ ...locatable, chrome: meta.chrome }).lines;
  const passage = cite ? passageAt(locatable, cite) : null;
  const cited = passage && !("error" in passage) ? passage : null;
  const lines: DocumentLine[] = text.map((line, index) => {
    const number = index + 1;
    const paragraph = meta.paragraphs === "numbered" ? /^\s*(\d+)\.\s/.exec(line)?.[1] : undefined;
    return {
      number,
      text: line,
      paragraph: paragraph ? Number(paragraph) : null,
      chrome: chrome.has(number),
      chromeStart: chrome.has(number) && !chrome.has(number - 1),
      cited: cited !== null && number >= cited.firstLine && number <= cited.lastLine && line.trim() !== "" && !chrome.has(number),
    };
  });
  return { meta, lines, cited: cited ? { firstLine: cited.firstLine, lastLine: cited.lastLine } : null };
}
