import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/content/bank";
import { buildLibrary, quoteContext } from "@/lib/content/library";

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
