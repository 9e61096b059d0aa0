import fs from "node:fs";
import path from "node:path";
import { loadBank } from "./bank";

export type DocumentLine = { number: number; text: string; paragraph: number | null };

/** A source document's lines for reading in the app, or null for an id the bank does not know. */
export function documentForReading(doc: string, contentRoot = path.resolve("content")) {
  const meta = loadBank().documents.find((document) => document.id === doc);
  if (!meta) return null;
  const text = fs.readFileSync(path.join(contentRoot, "sources", `${meta.id}.txt`), "utf8");
  const lines: DocumentLine[] = text.split(/\r?\n/).map((line, index) => {
    const paragraph = meta.paragraphs === "numbered" ? /^\s*(\d+)\.\s/.exec(line)?.[1] : undefined;
    return { number: index + 1, text: line, paragraph: paragraph ? Number(paragraph) : null };
  });
  return { meta, lines };
}
