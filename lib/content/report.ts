import type { Bank } from "./bank";
import type { SourceDocument } from "./load";
import { collapseWhitespace, passageAt } from "./passages";

export type DocumentCoverage = {
  doc: string;
  title: string;
  /** "paragraphs" for documents cited by numbered paragraph, else "lines" (non-empty lines only). */
  unit: "paragraphs" | "lines";
  covered: number[];
  uncovered: number[];
  /** In a document cited by numbered paragraph, the non-empty lines that belong to no paragraph (headings, page chrome). */
  unnumberedLines: number[];
};

export type ContentReport = {
  documents: DocumentCoverage[];
  itemsPerType: Record<string, number>;
  itemsPerTopic: Record<string, number>;
  factsPerTopic: Record<string, number>;
};

function count<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Which parts of each document the facts cite, and how the bank spreads over formats and topics: the
 * uncovered list is where an author looks for statements still missing (or page chrome, rightly left out).
 */
export function contentReport(bank: Bank, documents: readonly SourceDocument[]): ContentReport {
  const coverage = documents.map((document): DocumentCoverage => {
    const numbered = document.paragraphs === "numbered";
    const cited = new Set<number>();
    for (const fact of bank.facts) {
      for (const source of fact.sources.filter((candidate) => candidate.doc === document.id)) {
        const passage = passageAt(document, source.locator);
        if ("error" in passage) continue;
        if (numbered) cited.add(Number(/^para (\d+)$/.exec(source.locator)?.[1] ?? 0));
        else for (let line = passage.firstLine; line <= passage.lastLine; line++) cited.add(line);
      }
    }
    const units = numbered
      ? document.lines.flatMap((line) => {
          const match = /^\s*(\d+)\.\s/.exec(line);
          return match ? [Number(match[1])] : [];
        })
      : document.lines.flatMap((line, index) => (collapseWhitespace(line) ? [index + 1] : []));
    const firstParagraph = document.lines.findIndex((line) => /^\s*\d+\.\s/.test(line));
    const unnumberedLines = numbered
      ? document.lines.slice(0, firstParagraph < 0 ? document.lines.length : firstParagraph).flatMap((line, index) => (collapseWhitespace(line) ? [index + 1] : []))
      : [];
    return {
      doc: document.id,
      title: document.title,
      unit: numbered ? "paragraphs" : "lines",
      covered: units.filter((unit) => cited.has(unit)),
      uncovered: units.filter((unit) => !cited.has(unit)),
      unnumberedLines,
    };
  });
  return {
    documents: coverage,
    itemsPerType: count(bank.items, (item) => item.type),
    itemsPerTopic: count(bank.items, (item) => item.topic),
    factsPerTopic: count(bank.facts, (fact) => fact.topic),
  };
}

/** Runs of numbers as ranges: 1,2,3,5 -> "1-3, 5". */
export function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(i === j ? String(numbers[i]) : `${numbers[i]}-${numbers[j]}`);
    i = j;
  }
  return parts.join(", ") || "none";
}
