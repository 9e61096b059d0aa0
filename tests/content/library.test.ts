import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/content/bank";
import { documentForReading } from "@/lib/content/document-view";
import { buildLibrary, documentIndex, LIBRARY_PAGE_SIZE, libraryView, quoteContext, searchText } from "@/lib/content/library";
import { citationHref } from "@/lib/content/locator-anchor";
import { libraryQuerySchema } from "@/lib/validation/library";

describe("quoteContext", () => {
  const lines = ["Title", "", "First line.", "The ministers met", "  in New Delhi on Tuesday.", "Next line.", "Last line."];

  it("shows the lines around a quote that spans two lines, with the quote marked", () => {
    const context = quoteContext(lines, "met in New Delhi");
    expect(context.firstLine).toBe(2);
    expect(context.text).toBe("First line.\nThe ministers met\nin New Delhi on Tuesday.\nNext line.\nLast line.");
    const flat = context.text.replace(/\n/g, " ");
    expect(flat.slice(context.marked!.start, context.marked!.end)).toBe("met in New Delhi");
  });
});

describe("buildLibrary on the real bank", () => {
  const library = buildLibrary(loadBank(), path.resolve("content"));

  it("lists every fact once under its topic, with every source in context", () => {
    const bank = loadBank();
    expect(library.flatMap((topic) => topic.facts).length).toBe(bank.facts.length);
    for (const topic of library) {
      for (const fact of topic.facts) {
        expect(fact.topic).toBe(topic.topic);
        for (const source of fact.sources) {
          expect(source.context.marked, `${fact.id}: ${source.quote}`).not.toBeNull();
          expect(source.documentTitle).not.toBe(source.doc);
        }
      }
    }
  });
});

describe("the Library, a page at a time", () => {
  const bank = loadBank();
  const library = buildLibrary(bank, path.resolve("content"));

  it("pages through every fact once, grouped by topic, LIBRARY_PAGE_SIZE at a time", () => {
    const first = libraryView(library, { page: 1 });
    expect(first.total).toBe(bank.facts.length);
    expect(first.pageCount).toBe(Math.ceil(bank.facts.length / LIBRARY_PAGE_SIZE));
    const seen: string[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      const view = libraryView(library, { page });
      const facts = view.groups.flatMap((group) => group.facts);
      expect(facts.length).toBeLessThanOrEqual(LIBRARY_PAGE_SIZE);
      for (const group of view.groups) for (const fact of group.facts) expect(fact.topic).toBe(group.topic);
      // A topic split across pages is one group per page, marked as continued on the later one.
      expect(new Set(view.groups.map((group) => group.topic)).size).toBe(view.groups.length);
      seen.push(...facts.map((fact) => fact.id));
    }
    expect(seen.sort()).toEqual(bank.facts.map((fact) => fact.id).sort());
    expect(libraryView(library, { page: first.pageCount + 1 })).toMatchObject({ outOfRange: true, groups: [] });
  });

  it("searches statements, quotes and document titles for every word, in any case and with either quote mark", () => {
    const found = libraryView(library, { q: "veer GUARDIAN", page: 1 });
    expect(found.total).toBeGreaterThan(0);
    for (const fact of found.groups.flatMap((group) => group.facts)) {
      const text = searchText([fact.statement, fact.note ?? "", ...fact.sources.map((source) => `${source.quote} ${source.documentTitle}`)].join(" "));
      expect(text).toContain("veer");
      expect(text).toContain("guardian");
    }
    expect(libraryView(library, { q: "‘Veer Guardian’", page: 1 }).total).toBe(libraryView(library, { q: "'veer guardian'", page: 1 }).total);
    expect(libraryView(library, { q: "zzz-no-such-word", page: 1 })).toMatchObject({ total: 0, groups: [], outOfRange: false });
  });

  it("narrows to a topic and its subtopics", () => {
    const topic = library.find(({ topic }) => topic.includes(" > "))!.topic;
    const parent = topic.split(" > ")[0]!;
    const view = libraryView(library, { topic: parent, page: 1 });
    const expected = library.filter((entry) => entry.topic === parent || entry.topic.startsWith(`${parent} > `)).reduce((sum, entry) => sum + entry.facts.length, 0);
    expect(view.total).toBe(expected);
    expect(libraryView(library, { topic, page: 1 }).total).toBe(library.find((entry) => entry.topic === topic)!.facts.length);
    expect(libraryView(library, { topic: parent.slice(0, 4), page: 1 }).total).toBe(0);
  });

  it("validates the query string, an empty field meaning no filter", () => {
    expect(libraryQuerySchema.parse({ q: "  ", topic: "", page: "2" })).toEqual({ q: undefined, topic: undefined, page: 2 });
    expect(libraryQuerySchema.parse({})).toEqual({ q: undefined, topic: undefined, page: 1 });
    for (const bad of [{ page: "0" }, { page: "two" }, { q: "x".repeat(101) }, { q: ["a", "b"] }]) {
      expect(libraryQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("the documents", () => {
  const bank = loadBank();

  it("lists every document with its title, publisher, kind, dates and how many facts cite it", () => {
    const index = documentIndex(bank);
    expect(index.map((document) => document.id).sort()).toEqual(bank.documents.map((document) => document.id).sort());
    for (const document of index) {
      expect(document.title).not.toBe(document.id);
      expect(document.publisher).not.toBe("");
      expect(document.facts).toBeGreaterThan(0);
    }
    expect(index.map((document) => document.eventsDate)).toEqual([...index.map((document) => document.eventsDate)].sort().reverse());
  });

  it("marks page chrome and the cited passage in the document view", () => {
    const raksha = documentForReading("raksha-2024-third-2plus2", "line 5")!;
    const line = (n: number) => raksha.lines[n - 1]!;
    expect(line(9)).toMatchObject({ text: "ads", chrome: true, chromeStart: true, cited: false });
    expect(line(35)).toMatchObject({ text: "More like this", chrome: true, chromeStart: false });
    expect(line(5)).toMatchObject({ chrome: false, cited: true });
    expect(raksha.lines.filter((l) => l.cited)).toHaveLength(1);
    // Every cited line of every fact is content, never chrome.
    for (const fact of bank.facts) {
      for (const source of fact.sources) {
        const view = documentForReading(source.doc, source.locator)!;
        expect(view.cited, `${fact.id} ${source.locator}`).not.toBeNull();
        if (!source.locator.startsWith("para")) expect(view.lines.filter((l) => l.cited && l.chrome)).toEqual([]);
      }
    }
    const statement = documentForReading("mofa-2024-joint-statement", "para 3")!;
    expect(statement.lines.filter((l) => l.cited).map((l) => l.paragraph)).toEqual([3]);
    // The last paragraph runs to the end of the text, past the site's back link: that line is chrome, not cited.
    expect(documentForReading("mofa-2024-joint-statement", "para 13")!.lines.filter((l) => l.cited).map((l) => l.number)).toEqual([16]);
    expect(documentForReading("mofa-2024-joint-statement", "line 999")!.cited).toBeNull();
    expect(citationHref("mofa-2024-joint-statement", "para 3")).toBe("/app/library/documents/mofa-2024-joint-statement?cite=para%203#para-3");
  });
});
