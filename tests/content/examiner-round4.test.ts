import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, type Fact } from "@/lib/content/check";
import { buildBank } from "@/lib/content/generate/build";
import { answerGivenByTopic, fullFormFact, lettered, oneFact, orderOf, plausiblyCausal, serviceGivenAway } from "@/lib/content/generate/formats";
import { seededRandom } from "@/lib/content/generate/random";
import { asOf, pastTense, withoutScope } from "@/lib/content/generate/wording";
import { loadContent } from "@/lib/content/load";

// The fourth round of examiners' findings (issue #13): each cause pinned by known-bad input, and where the
// rule holds over a whole bank, by the bank built from the real content.
const realContent = checkContent(loadContent(path.resolve("content")));
const realBank = buildBank(realContent, "test");
const factById = new Map(realContent.facts.map((fact) => [fact.id, fact]));
const ofType = (...types: string[]) => realBank.items.filter((item) => types.includes(item.type));
const statementSets = ofType("statements-which", "statements-how-many");
const keyText = (item: { options: { id: string; text: string }[]; answer: string }) => item.options.find((option) => option.id === item.answer)!.text;
const fact = (fields: Partial<Fact> & { id: string; subject: string }) =>
  ({ relation: "r", statement: "s", topic: "International Relations > India-Japan", value: { type: "text", text: "v", textInStatement: "v" }, traps: [], sources: [], ...fields }) as unknown as Fact;

describe("1. full forms are drilled, never judged as statements", () => {
  it("knows a full-form fact", () => {
    expect(fullFormFact({ statement: "JCM stands for Joint Crediting Mechanism." })).toBe(true);
    expect(fullFormFact({ statement: "The JCM lets Japanese companies earn carbon credits." })).toBe(false);
  });

  it("holds over the real bank: no statement set holds one, flashcards still do", () => {
    for (const item of statementSets) expect(item.prompt, item.id).not.toMatch(/\bstands? for\b/);
    expect(ofType("flashcard", "cloze").some((item) => /stands? for/.test(`${item.prompt} ${item.explanation}`))).toBe(true);
  });
});

describe("2. 'not the correct explanation' only for a pair that could pass for cause and effect", () => {
  it("refuses two facts about different things (Tarang Shakti and Veer Guardian)", () => {
    expect(plausiblyCausal(factById.get("tarang-shakti-description")!, factById.get("veer-guardian-description")!)).toBe(false);
    expect(plausiblyCausal(factById.get("japan-fdi-source-rank")!, factById.get("japan-largest-bilateral-donor")!)).toBe(true);
  });

  it("holds over the real bank", () => {
    const notExplaining = ofType("assertion-reason").filter((item) => item.id.includes(":does-not-explain"));
    expect(notExplaining.length).toBeGreaterThan(0);
    expect(notExplaining.some((item) => item.id.includes("tarang-shakti-description--veer-guardian-description"))).toBe(false);
    for (const item of notExplaining) expect(plausiblyCausal(factById.get(item.factIds[1]!)!, factById.get(item.factIds[0]!)!), item.id).toBe(true);
  });
});

describe("3. one fact is altered at most once in a statement set", () => {
  it("treats two facts of one subject, or from one passage, as one", () => {
    const source = { doc: "d", locator: "line 1", quote: "q" };
    expect(oneFact(fact({ id: "a", subject: "veer-guardian" }), fact({ id: "b", subject: "veer-guardian" }))).toBe(true);
    expect(oneFact(fact({ id: "a", subject: "x", sources: [source] }), fact({ id: "b", subject: "y", sources: [source] }))).toBe(true);
    expect(oneFact(fact({ id: "a", subject: "x" }), fact({ id: "b", subject: "y" }))).toBe(false);
  });

  it("holds over the real bank: no two false statements of one fact, and no wrong value used twice", () => {
    for (const item of statementSets) {
      const falseIndexes = [...item.explanation.matchAll(/Statement (\d) is incorrect/g)].map((match) => Number(match[1]) - 1);
      for (const a of falseIndexes) for (const b of falseIndexes) if (a < b) expect(oneFact(factById.get(item.factIds[a]!)!, factById.get(item.factIds[b]!)!), item.id).toBe(false);
      const years = falseIndexes.flatMap((index) => item.prompt.split("\n")[index + 1]!.replace(/^\d\. As of [A-Z][a-z]+ \d{4}, /, "").match(/\b(1[89]|20)\d\d\b/g) ?? []);
      const statedTrue = (year: string) => falseIndexes.some((index) => factById.get(item.factIds[index]!)!.statement.includes(year));
      const wrongYears = years.filter((year) => !statedTrue(year));
      expect(new Set(wrongYears).size, item.id).toBe(wrongYears.length);
    }
  });
});

describe("4. a recall card's answer is not named by its occasion", () => {
  it("knows 'Third ...' under the third meeting's topic", () => {
    const third = fact({ id: "x", subject: "x", topic: "International Relations > India-Japan > 2+2 dialogue > Third 2+2 meeting" });
    expect(answerGivenByTopic(third, "Third India-Japan 2+2 ministerial meeting")).toBe(true);
    expect(answerGivenByTopic(third, "Second India-Japan 2+2 ministerial meeting")).toBe(false);
    expect(answerGivenByTopic(third, "New Delhi")).toBe(false);
  });

  it("holds over the real bank", () => {
    expect(realBank.items.some((item) => item.id.startsWith("flashcard:first-jsst-appreciated-at-third-2plus2~"))).toBe(false);
    for (const item of ofType("flashcard", "cloze", "mcq")) {
      const made = factById.get(item.factIds[0]!);
      if (made && item.factIds.length === 1) expect(answerGivenByTopic(made, item.options.length ? keyText(item) : item.answer), item.id).toBe(false);
    }
  });
});

describe("5. statement explanations cite the passage, not the statement again", () => {
  it("holds over the real bank: every verdict quotes its source with the locator", () => {
    for (const item of statementSets) {
      const verdicts = item.explanation.split(/(?=Statement \d is )/);
      expect(verdicts.length, item.id).toBe(item.factIds.length);
      verdicts.forEach((verdict, index) => {
        const locators = factById.get(item.factIds[index]!)!.sources.map((source) => `, ${source.locator}).`);
        expect(locators.some((locator) => verdict.includes(locator)), `${item.id}: ${verdict}`).toBe(true);
        expect(verdict, item.id).toMatch(/“[^”]+”/);
        // A true statement is not explained by itself.
        const shown = item.prompt.split("\n")[index + 1]!.replace(/^\d\. /, "");
        if (/is correct: /.test(verdict)) expect(verdict.startsWith(`Statement ${index + 1} is correct: ${shown}`), item.id).toBe(false);
      });
    }
  });
});

describe("6. list cards say why the near misses are not on the list", () => {
  it("names the UK and Brazil with their reasons on the 2+2 partners card", () => {
    const card = realBank.items.find((item) => item.id.startsWith("flashcard:list:india-two-plus-two-ministerial-partners-2024~"))!;
    expect(card.explanation).toMatch(/Not among them: India's 2\+2 dialogue with the United Kingdom[^.]*senior officials/);
    expect(card.explanation).toMatch(/Not among them: India's 2\+2 dialogue with Brazil/);
  });
});

describe("7. numeric options stand in ascending order", () => {
  it("sorts years, months and editions whatever the seed", () => {
    for (let run = 0; run < 10; run++) {
      expect(lettered("2006", ["2014", "2000", "2003"], seededRandom(`years-${run}`)).options.map((option) => option.text)).toEqual(["2000", "2003", "2006", "2014"]);
      expect(lettered("seventh", ["eighth", "fifth", "sixth"], seededRandom(`editions-${run}`)).options.map((option) => option.text)).toEqual(["Fifth", "Sixth", "Seventh", "Eighth"]);
    }
    expect(lettered("Tokyo", ["Osaka", "New Delhi", "Mumbai"], seededRandom("names")).options.map((option) => option.text).sort()).toEqual(["Mumbai", "New Delhi", "Osaka", "Tokyo"]);
  });

  it("holds over the real bank", () => {
    for (const item of ofType("mcq")) {
      const orders = item.options.map((option) => orderOf(option.text));
      if (orders.every((order) => order !== undefined)) expect([...orders].sort((a, b) => a! - b!), item.id).toEqual(orders);
    }
  });
});

describe("8. list items cite the facts they show", () => {
  it("holds over the real bank: no passage of a member the item does not show", () => {
    for (const item of ofType("list-count", "membership")) {
      const list = realContent.lists.find((candidate) => item.id.startsWith(`${item.type}:${candidate.id}~`))!;
      const shown = item.prompt.split("\n").filter((line) => /^\d\. /.test(line)).map((line) => line.slice(3));
      const allowed = new Set([
        ...list.sources.map((source) => source.quote),
        ...list.members.filter((member) => shown.includes(member.value.text)).flatMap((member) => member.sources.map((source) => source.quote)),
      ]);
      for (const source of item.sources) expect(allowed.has(source.quote), `${item.id}: ${source.quote}`).toBe(true);
      const unshown = list.members.filter((member) => !shown.includes(member.value.text)).flatMap((member) => member.sources.map((source) => source.quote)).filter((quote) => !allowed.has(quote));
      for (const quote of unshown) expect(item.sources.map((source) => source.quote)).not.toContain(quote);
    }
  });
});

describe("9. no 'Which Japanese body takes part in ...?'", () => {
  it("holds over the real bank", () => {
    for (const item of realBank.items) expect(item.prompt, item.id).not.toMatch(/\btakes part in\b/);
    expect(realContent.relations.get("japanese-participant")!.question).toBe("In {subject}, which body represents Japan?");
  });
});

describe("10. how-many keys are spread over the four options", () => {
  it("holds over the real bank: no key for more than 30% of the items, each 'Only' key for at least 15%", () => {
    const items = ofType("statements-how-many");
    const share = (test: (text: string) => boolean) => items.filter((item) => test(keyText(item))).length / items.length;
    expect(share((text) => text.startsWith("All"))).toBeLessThanOrEqual(0.3);
    for (const only of ["Only one", "Only two", "Only three"]) expect(share((text) => text === only), only).toBeGreaterThanOrEqual(0.15);
  });
});

describe("11. statements do not name the stem's occasion again", () => {
  const about = "the third India-Japan 2+2 Foreign and Defence Ministerial Meeting (2024)";
  it("drops the occasion inside a statement", () => {
    expect(withoutScope("In his opening remarks at the third India-Japan 2+2, India's External Affairs Minister said so.", about)).toBe("In his opening remarks, India's External Affairs Minister said so.");
    expect(withoutScope("The joint statement of the third India-Japan 2+2 named Jaish-e-Mohammad.", about)).toBe("The joint statement named Jaish-e-Mohammad.");
    expect(withoutScope("The third India-Japan 2+2 noted progress.", about)).toBe("The Ministers noted progress.");
    // Another occasion stays: it is what a trap changes.
    expect(withoutScope("The second India-Japan 2+2 noted progress.", about)).toBe("The second India-Japan 2+2 noted progress.");
  });

  it("holds over the real bank", () => {
    for (const item of statementSets.filter((candidate) => candidate.prompt.startsWith("With reference to the third India-Japan 2+2"))) {
      for (const line of item.prompt.split("\n").filter((text) => /^\d\. /.test(text))) expect(line, item.id).not.toMatch(/third India-Japan 2\+2/);
    }
  });
});

describe("12. 'As of <a past month>' is told in the past", () => {
  it("turns the first present verb past", () => {
    expect(pastTense("India holds 2+2 dialogues with four partners.")).toBe("India held 2+2 dialogues with four partners.");
    expect(asOf("2024-08", "Japan is the largest bilateral donor to India.")).toBe("As of August 2024, Japan was the largest bilateral donor to India.");
    expect(asOf("2024-08", "Which country is the largest bilateral donor to India?")).toBe("As of August 2024, which country was the largest bilateral donor to India?");
  });

  it("holds over the real bank", () => {
    for (const item of realBank.items) {
      for (const text of [item.prompt, item.explanation]) expect(text, item.id).not.toMatch(/As of [A-Z][a-z]+ \d{4}, (India|Japan|the United States|[A-Z][a-z]+) (is|are|has|have|holds) /);
    }
  });
});

describe("13. no absurd membership trap", () => {
  it("never states that India is a member of the G7", () => {
    for (const item of realBank.items) expect(item.prompt, item.id).not.toMatch(/India is a member of the G7/);
    expect(realContent.lists.find((list) => list.id === "india-groupings-in-notes")!.nonMembers.map((entity) => entity.id)).not.toContain("g7");
  });
});

describe("14. no recall card whose words name the armed service it asks", () => {
  it("knows the giveaways", () => {
    expect(serviceGivenAway("Indian Air Force", "In the fighter exercise Veer Guardian, India is represented by the")).toBe(true);
    expect(serviceGivenAway("Air Force", "Veer Guardian is a bilateral exercise of the Indian and the Japan Air Self Defence Force.")).toBe(true);
    expect(serviceGivenAway("Indian Air Force", "In Veer Guardian, India is represented by the")).toBe(false);
    expect(serviceGivenAway("Japan", "Veer Guardian is a bilateral fighter exercise that India holds with")).toBe(false);
  });

  it("holds over the real bank", () => {
    for (const item of ofType("flashcard", "cloze")) expect(serviceGivenAway(item.answer, item.prompt.replace("_____", " ")), item.id).toBe(false);
  });
});
