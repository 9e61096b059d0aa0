import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, type Fact } from "@/lib/content/check";
import { buildBank } from "@/lib/content/generate/build";
import { blankUnit, datedIfBare, descriptionShape, ofOneShape, recallExplanation, whyWrong } from "@/lib/content/generate/formats";
import { NearMisses, trivialSwap } from "@/lib/content/generate/near-misses";
import { loadContent } from "@/lib/content/load";

// The fifth round of examiners' findings (issue #13, review of seed 7301 before round 4): each cause pinned by
// known-bad input, and where the rule holds over a whole bank, by the bank built from the real content.
const realContent = checkContent(loadContent(path.resolve("content")));
const realBank = buildBank(realContent, "test");
const factById = new Map(realContent.facts.map((fact) => [fact.id, fact]));
const ofType = (...types: string[]) => realBank.items.filter((item) => types.includes(item.type));
const statementLines = (prompt: string) => prompt.split("\n").filter((line) => /^\d\. /.test(line)).map((line) => line.slice(3));

describe("1. a venue card asks for the city", () => {
  it("the venue relation, and every authored venue question, say 'city'", () => {
    expect(realContent.relations.get("venue")!.question).toMatch(/^In which city /);
    for (const fact of realContent.facts.filter((candidate) => candidate.relation === "venue")) expect(fact.question ?? "In which city ", fact.id).toMatch(/^In which city /);
  });

  it("a cloze's blank asks what the fact's authored question asks", () => {
    expect(blankUnit("In which city is the Nishikasai area, described as an emerging “mini-India”?")).toBe("city");
    expect(blankUnit("In which Japanese city did India decide to establish a new Consulate?")).toBe("city");
    expect(blankUnit("Where was the third India-Japan 2+2 ministerial meeting held?")).toBeUndefined();
    const nishikasai = realBank.items.find((item) => item.id.startsWith("cloze:nishikasai-in-tokyo~"))!;
    expect(nishikasai.prompt).toBe("Fill in the blank: The Nishikasai area, emerging as a “mini-India”, is in _____ (city).");
  });

  it("a month's blank says 'month and year' (the Modi-Abe summit was held in October 2018, not only 2018)", () => {
    const summit = realBank.items.find((item) => item.id.startsWith("cloze:modi-abe-summit-october-2018~"))!;
    expect(summit.prompt).toMatch(/ in _____ \(month and year\)\.$/);
  });

  it("holds over the real bank: no recall card on a venue or location accepts the country as well", () => {
    const placed = ofType("flashcard", "cloze").filter((item) => item.factIds.length === 1 && ["venue", "located-in"].includes(factById.get(item.factIds[0]!)?.relation ?? ""));
    expect(placed.length).toBeGreaterThan(4);
    for (const item of placed) expect(item.prompt, item.id).toMatch(item.type === "cloze" ? /_____ \(city\)/ : /\bIn which (\w+ )?city\b/);
  });
});

describe("2. a recall explanation quotes only the words the fact cites", () => {
  it("does not widen the ACSA quote to the notes' stale line ('Negotiations are going on')", () => {
    const acsa = factById.get("acsa-full-form")!;
    const explanation = recallExplanation(acsa, { content: realContent, nearMisses: new NearMisses(realContent) });
    expect(explanation).toContain(`“${acsa.sources[0]!.quote.replace(/[.:;,]$/, "")}”`);
    expect(explanation).not.toMatch(/Negotiations are going on/);
  });

  it("holds over the real bank: every quote in a recall card's feedback is a cited quote of its fact", () => {
    for (const item of ofType("flashcard", "cloze").filter((candidate) => !candidate.id.startsWith("flashcard:list:"))) {
      const quotes = factById.get(item.factIds[0]!)!.sources.map((source) => source.quote.replace(/[“”]/g, "").replace(/[.:;,]$/, ""));
      const quoted = /\): “([^”]*)”\.$/.exec(item.explanation)?.[1];
      if (quoted !== undefined) expect(quotes, item.id).toContain(quoted);
    }
  });
});

describe("3. every wrong MCQ option is explained, or the MCQ is not made", () => {
  const developed = { id: "x", subject: "x", subjectName: "Viksit Bharat", statement: "India aims to be a developed nation by 2047.", value: { type: "year", text: "2047", textInStatement: "2047" }, sources: [{ doc: "mofa-2024-joint-statement", locator: "para 1", quote: "q" }] } as unknown as Fact;

  it("explains a spaced year by the source's date, and refuses a bare name", () => {
    expect(whyWrong([{ text: "2044" }, { text: "2030", meaning: "The SDGs run to 2030." }], developed, realContent)).toBe(
      " 2030 is wrong: it is the date of another event (the SDGs run to 2030), not of Viksit Bharat. India aims to be a developed nation by 2047 (joint statement, para 1), not by 2044.",
    );
    expect(whyWrong([{ text: "Osaka" }], developed, realContent)).toBeUndefined();
  });

  it("holds over the real bank", () => {
    for (const item of ofType("mcq")) {
      // Each wrong option is named in the explanation: its own "X is wrong: ...", or among the dates refuted together (round 7).
      for (const option of item.options.filter((candidate) => candidate.id !== item.answer)) expect(item.explanation, item.id).toMatch(new RegExp(`${option.text} (?:is|are) wrong: |, not (?:in|since|by|on) [^.]*${option.text}|${option.text} and [^.]* are wrong: `));
    }
  });
});

describe("4. a swapped value does not make a statement settled by its own words", () => {
  it("knows the tautology and the value that repeats the subject", () => {
    expect(trivialSwap("The Free and Open Indo-Pacific Strategy is a strategy of India.", "Free and Open Indo-Pacific Strategy", "India")).toBe(true);
    expect(trivialSwap("The Act East Forum was set up in 2019.", "Act East Forum", "2019")).toBe(false);
    expect(trivialSwap("The Act East Forum was set up by the East Asia Summit.", "Act East Forum", "East Asia Summit")).toBe(true);
  });

  it("holds over the real bank: no statement names its subject's head word as its predicate", () => {
    const sets = ofType("statements-which", "statements-how-many", "assertion-reason");
    for (const item of sets) expect(item.prompt, item.id).not.toMatch(/Strategy is a strategy|Policy is a policy/i);
  });
});

describe("5. a statement stripped of its occasion keeps its date", () => {
  it("dates a bare portfolio label, and leaves deeds and dated statements alone", () => {
    const fact = { asOf: "2024-08-20" };
    expect(datedIfBare("At the third India-Japan 2+2, Rajnath Singh was Minister of Defence of India.", "Rajnath Singh was Minister of Defence of India.", fact)).toBe(
      "As of August 2024, Rajnath Singh was Minister of Defence of India.",
    );
    expect(datedIfBare("At the third India-Japan 2+2, Rajnath Singh called the partnership crucial.", "Rajnath Singh called the partnership crucial.", fact)).toBe("Rajnath Singh called the partnership crucial.");
    expect(datedIfBare("The meeting was held on 20 August 2024.", "The meeting was held on 20 August 2024.", fact)).toBe("The meeting was held on 20 August 2024.");
  });

  it("holds over the real bank", () => {
    for (const item of ofType("statements-which", "statements-how-many")) {
      for (const line of statementLines(item.prompt)) expect(line, item.id).not.toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ was Minister/);
    }
  });
});

describe("6. a best-description key is no odd one out by its shape", () => {
  it("refuses the multilateral 'The first ...' key among three bilateral 'A ...' options", () => {
    const key = "The first multilateral air exercise hosted by the Indian Air Force";
    const bilateral = ["A bilateral army exercise between India and Japan", "A bilateral naval exercise between India and Japan", "A bilateral fighter exercise between the two air forces"].map((text) => ({ text }));
    expect(ofOneShape(key, bilateral)).toBeUndefined();
    expect(ofOneShape(bilateral[0]!.text, [...bilateral.slice(1), { text: "A bilateral coast guard exercise between India and Japan" }])).toHaveLength(3);
    expect(descriptionShape("ASEAN’s own statement of its approach")).toBe(descriptionShape("A joint statement by India and Japan"));
  });

  it("holds over the real bank: all options of one shape, or two and two", () => {
    const items = ofType("best-description");
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) {
      const shapes = item.options.map((option) => descriptionShape(option.text));
      const keyShape = descriptionShape(item.options.find((option) => option.id === item.answer)!.text);
      const counts = [...new Set(shapes)].map((shape) => shapes.filter((other) => other === shape).length);
      expect(counts.every((count) => count === 4 || count === 2) && shapes.filter((shape) => shape === keyShape).length >= 2, item.id).toBe(true);
    }
  });
});

describe("7. authored reasons say nothing not yet true at the fact's date", () => {
  it("Japanese fighters had not yet joined Tarang Shakti on 20 August 2024", () => {
    const reasons = realContent.facts.flatMap((fact) => [...fact.traps.map((trap) => trap.why ?? ""), ...fact.doesNotExplain.map((entry) => (typeof entry === "string" ? "" : (entry.why ?? "")))]);
    expect(reasons.some((why) => /Tarang Shakti/.test(why))).toBe(true);
    for (const why of reasons) expect(why).not.toMatch(/fighters joined|which Japanese fighters joined/);
  });
});
