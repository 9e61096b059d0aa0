import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { loadContent, type LoadedContent } from "@/lib/content/load";
import { chromeLines, passageAt } from "@/lib/content/passages";
import type { SuggestEntity, SuggestRelation } from "./suggest";

/** One paragraph (a line of the document's text) as an author sees it. */
export type AuthoringParagraph = {
  line: number;
  text: string;
  chrome: boolean;
  /** The facts whose sources cite this line. */
  facts: { id: string; statement: string; file: string }[];
  /** A paragraph that reads as content (not chrome, a sentence of some length) and no fact cites. */
  uncovered: boolean;
};

export type FactFileChoice = { name: string; topic?: string; facts: number; citingThisDocument: number };

export type DocumentForAuthoring = {
  meta: { id: string; title: string; publisher: string; kind: string; eventsDate: string; published?: string; numbered: boolean; chrome: string[] };
  paragraphs: AuthoringParagraph[];
  /** Facts files to save to, the one citing this document most first. */
  factFiles: FactFileChoice[];
  entities: SuggestEntity[];
  relations: SuggestRelation[];
};

/** Fewer words than this is a heading, a date line or a caption, not a statement to make facts of. */
const SUBSTANTIVE_WORDS = 8;

/** The document, paragraph by paragraph, with the facts citing each, for the authoring page; null if unknown. */
export function documentForAuthoring(contentRoot: string, docId: string, content: LoadedContent = loadContent(contentRoot)): DocumentForAuthoring | null {
  const document = content.documents.find((candidate) => candidate.id === docId);
  if (!document) return null;
  const chrome = chromeLines(document).lines;
  const citing = new Map<number, AuthoringParagraph["facts"]>();
  const perFile = new Map<string, number>();
  for (const fact of content.facts) {
    const file = path.basename(fact.located.file);
    for (const source of fact.sources.filter((candidate) => candidate.doc === docId)) {
      const passage = passageAt(document, source.locator);
      if ("error" in passage) continue;
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
      for (let line = passage.firstLine; line <= passage.lastLine; line++) {
        const facts = citing.get(line) ?? [];
        if (!facts.some((known) => known.id === fact.id)) facts.push({ id: fact.id, statement: fact.statement, file });
        citing.set(line, facts);
      }
    }
  }
  const paragraphs = document.lines.flatMap((text, index): AuthoringParagraph[] => {
    const line = index + 1;
    if (text.trim() === "") return [];
    const facts = citing.get(line) ?? [];
    const isChrome = chrome.has(line);
    return [{ line, text, chrome: isChrome, facts, uncovered: !isChrome && facts.length === 0 && text.trim().split(/\s+/).length >= SUBSTANTIVE_WORDS }];
  });
  return {
    meta: {
      id: document.id,
      title: document.title,
      publisher: document.publisher,
      kind: document.kind,
      eventsDate: document.eventsDate,
      published: document.published,
      numbered: document.paragraphs === "numbered",
      chrome: document.chrome ?? [],
    },
    paragraphs,
    factFiles: factFileChoices(contentRoot, content, perFile),
    entities: content.entities.map(({ id, name, aliases, type }) => ({ id, name, aliases, type })).sort((a, b) => a.name.localeCompare(b.name)),
    relations: content.relations.map(({ id, label, valueType }) => ({ id, label, valueType })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}

function factFileChoices(contentRoot: string, content: LoadedContent, perFile: Map<string, number>): FactFileChoice[] {
  const dir = path.join(contentRoot, "facts");
  const counts = new Map<string, number>();
  for (const fact of content.facts) counts.set(path.basename(fact.located.file), (counts.get(path.basename(fact.located.file)) ?? 0) + 1);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => ({ name, topic: factFileDefaults(contentRoot, name).topic, facts: counts.get(name) ?? 0, citingThisDocument: perFile.get(name) ?? 0 }))
    .sort((a, b) => b.citingThisDocument - a.citingThisDocument || a.name.localeCompare(b.name));
}

/** A facts file's default topic and "about", which its facts inherit. */
export function factFileDefaults(contentRoot: string, name: string): { topic?: string; about?: string } {
  const parsed = parse(fs.readFileSync(path.join(contentRoot, "facts", name), "utf8")) as { topic?: unknown; about?: unknown } | null;
  return {
    topic: typeof parsed?.topic === "string" ? parsed.topic : undefined,
    about: typeof parsed?.about === "string" ? parsed.about : undefined,
  };
}

/** Every document, for the documents list: id, title, and how many of its paragraphs no fact cites. */
export function documentsForAuthoring(contentRoot: string): { id: string; title: string; publisher: string; eventsDate: string; paragraphs: number; covered: number; uncovered: number }[] {
  const content = loadContent(contentRoot);
  return content.documents
    .map((document) => {
      const view = documentForAuthoring(contentRoot, document.id, content)!;
      const readable = view.paragraphs.filter((paragraph) => !paragraph.chrome);
      return {
        id: document.id,
        title: document.title,
        publisher: document.publisher,
        eventsDate: document.eventsDate,
        paragraphs: readable.length,
        covered: readable.filter((paragraph) => paragraph.facts.length > 0).length,
        uncovered: readable.filter((paragraph) => paragraph.uncovered).length,
      };
    })
    .sort((a, b) => b.eventsDate.localeCompare(a.eventsDate) || a.id.localeCompare(b.id));
}
