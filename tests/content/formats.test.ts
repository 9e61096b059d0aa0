import { describe, expect, it } from "vitest";
import type { BankItem } from "@/lib/content/bank";
import { checkContent } from "@/lib/content/check";
import { buildBank, withImpliedFacts } from "@/lib/content/generate/build";
import {
  because,
  combinationText,
  dateKey,
  distinctDates,
  echoes,
  falseCount,
  item,
  familyOf,
  namesItsMatch,
  opensWithBlank,
  orderOf,
  readsAsName,
  relativeName,
  spelledByInitials,
  withKeyAtRandomRank,
} from "@/lib/content/generate/formats";
import { lintBank } from "@/lib/content/generate/lint";
import { seededRandom } from "@/lib/content/generate/random";
import { loadContent } from "@/lib/content/load";
import { factsWith, writeContent } from "./fixture-content";

const factsWithExplains = (line: string) => factsWith("    explains: [veer-guardian-service]", line);

/** Shares of each outcome over many seeds: how a rule behaves across a bank, not for one lucky seed. */
function shares<T>(runs: number, draw: (seed: string) => T): Map<T, number> {
  const counts = new Map<T, number>();
  for (let run = 0; run < runs; run++) {
    const outcome = draw(`seed-${run}`);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  return new Map([...counts].map(([outcome, count]) => [outcome, count / runs]));
}

// Two facts of the fixture with text values: a purpose (a predicate, many right wordings) and a theme (a name).
const TEXT_VALUES: Record<string, string> = {
  "relations/text.yaml": [
    "- id: purpose",
    "  label: purpose",
    "  valueType: text",
    "  cardinality: one",
    '  question: "Why is {subject} held?"',
    "- id: theme",
    "  label: theme",
    "  valueType: text",
    "  cardinality: one",
    '  question: "What was the theme of the {subject}?"',
  ].join("\n"),
  "facts/text.yaml": [
    "topic: International Relations > India-Japan",
    "facts:",
    "  - id: jimex-purpose",
    "    statement: JIMEX is held to deepen maritime cooperation.",
    "    asOf: 2022-09",
    "    subject: jimex",
    "    relation: purpose",
    '    value: { type: text, text: "to deepen maritime cooperation" }',
    "    sources:",
    "      - doc: notes-2022",
    "        locator: line 3",
    "        quote: JIMEX is a naval exercise.",
    "  - id: meeting-theme",
    "    statement: The third meeting had the theme Connecting Himalayas with Mount Fuji.",
    "    asOf: 2024-08-20",
    "    subject: meeting",
    "    relation: theme",
    '    value: { type: text, text: "Connecting Himalayas with Mount Fuji" }',
    "    sources:",
    "      - doc: statement-2024",
    "        locator: para 1",
    "        quote: The ministers met in New Delhi",
  ].join("\n"),
};

function contentOf(overrides: Record<string, string> = {}) {
  const content = checkContent(loadContent(writeContent(overrides)));
  expect(content.errors).toEqual([]);
  return content;
}

describe("recall cards only with one short right answer", () => {
  it("tells a name, a number or a date from a description or a predicate", () => {
    for (const exact of ["Tokyo", "Connecting Himalayas with Mount Fuji", "Minister of External Affairs of India", "65 minutes", "10th year", "fifth", "US$ 22.85 billion"]) {
      expect(readsAsName(exact), exact).toBe(true);
    }
    for (const open of ["to deepen maritime cooperation", "increasingly assertive", "Japan’s oldest international friendship body", "mini-India", "language barriers and high quality and service standards"]) {
      expect(readsAsName(open), open).toBe(false);
    }
  });

  it("sets no cloze whose blank is the subject its sentence opens with", () => {
    expect(opensWithBlank("Fill in the blank: The _____ appreciated that the talks had been held.")).toBe(true);
    expect(opensWithBlank("Fill in the blank: As of August 2024, _____ is the largest donor.")).toBe(true);
    expect(opensWithBlank("Fill in the blank: The third meeting was held in _____.")).toBe(false);
  });

  it("makes a flashcard and a cloze for a name, none for a purpose", () => {
    const bank = buildBank(contentOf(TEXT_VALUES), "h");
    const recall = (factId: string) => bank.items.filter((candidate) => candidate.factIds.join() === factId && candidate.options.length === 0).map((candidate) => candidate.type);
    expect(recall("meeting-theme").sort()).toEqual(["cloze", "flashcard"]);
    expect(recall("jimex-purpose")).toEqual([]);
  });
});

describe("single-answer MCQs on years and numbers", () => {
  // The spaced near misses of 2017 (never 2016 or 2018: three neighbours in a row give the middle away).
  const years = ["2007", "2009", "2012", "2014", "2020", "2022", "2025", "2027"].map((text) => ({ text }));

  it("puts the key at each of the four ranks about equally often, never mostly in the middle", () => {
    const rank = shares(2000, (seed) => {
      const wrong = withKeyAtRandomRank("2017", years, seededRandom(seed));
      expect(wrong).toHaveLength(3);
      return [...wrong.map((option) => option.text), "2017"].sort().indexOf("2017");
    });
    for (const position of [0, 1, 2, 3]) expect(rank.get(position)!).toBeGreaterThan(0.18);
    expect(rank.get(1)! + rank.get(2)!).toBeLessThan(0.6);
  });

  it("takes the nearest values on each side, authored traps first", () => {
    const lowest = withKeyAtRandomRank("2017", years, () => 0).map((option) => option.text);
    expect(lowest.sort()).toEqual(["2020", "2022", "2025"]);
    const withTrap = withKeyAtRandomRank("2017", [...years, { text: "2019", why: "2019 is when the ministerial 2+2 began." }], () => 0.99);
    expect(withTrap.map((option) => option.text)).toEqual(["2019", "2014", "2012"]);
  });

  it("never offers two years next to each other or next to the key, related years first", () => {
    const crowded = ["2013", "2014", "2015", "2016", "2018", "2019", "2020"].map((text) => ({ text }));
    const wrong = withKeyAtRandomRank("2017", [...crowded, { text: "2008", meaning: "The Joint Declaration was signed in 2008." }], () => 0.99).map((option) => Number(option.text));
    expect(wrong[0]).toBe(2008);
    for (const year of wrong) for (const other of [2017, ...wrong]) if (other !== year) expect(Math.abs(other - year)).toBeGreaterThan(1);
  });

  it("makes up the three from the other side when one side runs short, and leaves unordered values in order", () => {
    expect(withKeyAtRandomRank("2024", years, () => 0).map((option) => option.text)).toEqual(["2027", "2022", "2020"]);
    const places = [{ text: "Tokyo" }, { text: "Osaka" }, { text: "Kyoto" }, { text: "Nara" }];
    expect(withKeyAtRandomRank("New Delhi", places, () => 0.5)).toEqual(places.slice(0, 3));
  });

  it("orders years, months, dates and numbers", () => {
    expect(orderOf("2017")! < orderOf("March 2017")!).toBe(true);
    expect(orderOf("March 2017")! < orderOf("4 March 2017")!).toBe(true);
    expect(orderOf("4 March 2017")! < orderOf("April 2017")!).toBe(true);
    expect(orderOf("seventh")).toBe(7);
    expect(orderOf("14th")).toBe(14);
    expect(orderOf("Tokyo")).toBeUndefined();
  });
});

describe("how many statements stand true", () => {
  it("draws 'all true' about one time in four and each other count about equally", () => {
    const trueOfThree = shares(4000, (seed) => 3 - falseCount(3, 3, 1, seededRandom(seed)));
    expect(trueOfThree.get(3)!).toBeGreaterThan(0.2);
    expect(trueOfThree.get(3)!).toBeLessThan(0.3);
    expect(Math.abs(trueOfThree.get(1)! - trueOfThree.get(2)!)).toBeLessThan(0.05);
    const trueOfFour = shares(4000, (seed) => 4 - falseCount(4, 4, 1, seededRandom(seed)));
    for (const count of [1, 2, 3, 4]) expect(trueOfFour.get(count)!).toBeGreaterThan(0.2);
  });

  it("never makes more false than can be, nor fewer true than the codes allow", () => {
    for (let run = 0; run < 500; run++) {
      const made = falseCount(1, 3, 1, seededRandom(`limit-${run}`));
      expect(made).toBeLessThanOrEqual(1);
      expect(falseCount(3, 3, 1, seededRandom(`least-${run}`))).toBeLessThanOrEqual(2);
      expect(falseCount(0, 4, 1, seededRandom(`none-${run}`))).toBe(0);
    }
  });

  it("writes codes as the paper prints them", () => {
    expect(combinationText(["1", "2", "3"], 3)).toBe("1, 2 and 3");
    expect(combinationText(["1", "3"], 3)).toBe("1 and 3 only");
    expect(combinationText(["2"], 3)).toBe("2 only");
    expect(combinationText([], 2)).toBe("Neither 1 nor 2");
    expect(combinationText(["1", "2"], 2)).toBe("Both 1 and 2");
  });
});

describe("Statement-I and Statement-II", () => {
  it("explains (a) by stating both facts and the link, never 'because it explains it'", () => {
    const bank = buildBank(contentOf(), "h");
    const explained = bank.items.find((candidate) => familyOf(candidate.id) === "assertion-reason:jimex-service--veer-guardian-service:explains")!;
    expect(explained.explanation).toBe(
      "Both statements are correct, and Statement-II is the correct explanation for Statement-I: Veer Guardian is an exercise of the air forces because JIMEX is a naval exercise.",
    );
    expect(lintBank([explained], { entities: [] }).filter((problem) => problem.rule === "circular-explanation")).toEqual([]);
    const circular = { ...explained, explanation: "Both statements are correct, and Statement-II explains Statement-I." };
    expect(lintBank([circular], { entities: [] }).map((problem) => problem.rule)).toContain("circular-explanation");
  });

  it("gives the author's link, after both facts, where the author wrote one", () => {
    const withWhy = contentOf(factsWithExplains("    explains: [{ fact: veer-guardian-service, why: Both exercises are named by the service that holds them. }]"));
    const explained = buildBank(withWhy, "h").items.find((candidate) => familyOf(candidate.id) === "assertion-reason:jimex-service--veer-guardian-service:explains")!;
    expect(explained.explanation).toBe(
      "Statement-I is correct: Veer Guardian is an exercise of the air forces. Statement-II is correct: JIMEX is a naval exercise. " +
        "Statement-II is the correct explanation for Statement-I: Both exercises are named by the service that holds them.",
    );
  });

  it("joins the effect and its reason in one sentence", () => {
    expect(because("India has to balance the Quad and BRICS.", "The non-aligned approach has long guided India.")).toBe(
      "India has to balance the Quad and BRICS because the non-aligned approach has long guided India.",
    );
  });
});

describe("facts an item states besides its own", () => {
  it("keeps apart an item that states another fact and the items asking that fact", () => {
    const content = contentOf();
    const base = { sources: [], topic: "International Relations > India-Japan", asOf: "2024-08", subjects: [] as string[] };
    const fields = (prompt: string) => ({ prompt, options: [], answer: "x", explanation: "" });
    const leaking = { ...item("flashcard", "veer", content.facts.filter((fact) => fact.id === "veer-guardian-service"), fields("Veer Guardian, like JIMEX, a naval exercise, is held with Japan. Which service conducts it?")), ...base };
    const asking = { ...item("flashcard", "jimex", content.facts.filter((fact) => fact.id === "jimex-service"), fields("Which service conducts JIMEX?")), ...base };
    const apart = { ...item("flashcard", "venue", content.facts.filter((fact) => fact.id === "meeting-venue"), fields("Where was the third meeting held?")), ...base };
    const [leaked, asked, alone] = withImpliedFacts([leaking, asking, apart] as BankItem[], content.facts, content);
    expect(leaked!.subjects).toContain("fact:jimex-service");
    expect(asked!.subjects).toContain("fact:jimex-service");
    expect(alone!.subjects).toEqual([]);
  });
});

describe("names, giveaways and ids", () => {
  it("flags event names made against another version of the thing", () => {
    expect(relativeName("Signing of the original Memorandum of Cooperation on Japanese Language")).toBe(true);
    expect(relativeName("Issue of the current National Security Strategy of Japan")).toBe(true);
    expect(relativeName("Signing of the India-Japan Peace Treaty")).toBe(false);
  });

  it("sees a description that repeats the term's words, and a stem that spells its key", () => {
    expect(echoes("Partnership for Quality Infrastructure", "a Japanese initiative for investment in quality infrastructure")).toBe(true);
    expect(echoes("Osaka Track", "a framework for rules on data flows")).toBe(false);
    expect(spelledByInitials("What does JCM stand for?", "Joint Crediting Mechanism")).toBe(true);
    expect(spelledByInitials("Which mechanism earns carbon credits?", "Joint Crediting Mechanism")).toBe(false);
  });

  it("sees a pair whose left side names its right", () => {
    expect(namesItsMatch("2+2 ministerial dialogue", "Foreign and defence ministers")).toBe(true);
    expect(namesItsMatch("India-Japan secretary-level 2+2 dialogue", "Foreign and defence secretaries")).toBe(true);
    expect(namesItsMatch("Modi-Abe summit in Tokyo", "Tokyo")).toBe(true);
    expect(namesItsMatch("Veer Guardian", "Air Force")).toBe(false);
  });

  it("reads dates and tells apart only dates that do not contain each other", () => {
    expect(dateKey("20 August 2024")).toBe("2024-08-20");
    expect(dateKey("August 2024")).toBe("2024-08");
    expect(dateKey("the 2024 meeting")).toBeUndefined();
    expect(distinctDates(["2019", "2020", "2021-03"])).toBe(true);
    expect(distinctDates(["2019", "2019-11"])).toBe(false);
  });

  it("gives an item a new id when what the learner sees changes, the same id otherwise", () => {
    const content = contentOf();
    const facts = content.facts.filter((fact) => fact.id === "meeting-venue");
    const asked = (prompt: string, answer: string) => item("flashcard", "meeting-venue", facts, { prompt, options: [], answer, explanation: "e" }).id;
    expect(asked("Where was the third meeting held?", "New Delhi")).toBe(asked("Where was the third meeting held?", "New Delhi"));
    expect(asked("Where was the third meeting held?", "New Delhi")).not.toBe(asked("Where was the third meeting held?", "Tokyo"));
    expect(familyOf(asked("Where?", "New Delhi"))).toBe("flashcard:meeting-venue");
  });
});
