import { describe, expect, it } from "vitest";
import type { BankItem } from "@/lib/content/bank";
import { lintBank, type LintRule } from "@/lib/content/generate/lint";

const ENTITIES = [
  { name: "Japan", aliases: [], type: "country" as const },
  { name: "Brazil", aliases: [], type: "country" as const },
  { name: "United States", aliases: ["US"], type: "country" as const, article: "the" as const },
  { name: "Japan Air Self-Defense Force", aliases: ["JASDF"], type: "organisation" as const },
  { name: "Tokyo", aliases: [], type: "place" as const },
  { name: "Navy", aliases: [], type: "armed-service" as const },
];

const options = (...texts: string[]) => texts.map((text, index) => ({ id: "abcd"[index]!, text }));

function choice(fields: Partial<BankItem>): BankItem {
  return {
    id: "mcq:fixture~00000000",
    type: "mcq",
    prompt: "Where was the third meeting held?",
    options: options("New Delhi", "Tokyo", "Osaka", "Mumbai"),
    answer: "a",
    explanation: "New Delhi is correct: the third meeting was held in New Delhi.",
    sources: [{ doc: "d", locator: "line 1", quote: "q" }],
    topic: "International Relations > India-Japan",
    factIds: ["f"],
    subjects: ["s"],
    asOf: "2024-08",
    ...fields,
  };
}

const rules = (items: BankItem[]): LintRule[] => lintBank(items, { entities: ENTITIES }).map((problem) => problem.rule);

describe("the item linter", () => {
  it("passes a clean item", () => {
    expect(rules([choice({})])).toEqual([]);
  });

  it.each<[string, Partial<BankItem>, LintRule]>([
    ["a doubled word", { prompt: "The Ministers met with a view to to create a new forum. Where?" }, "doubled-word"],
    ["a doubled article across a quote mark", { prompt: "When were relations elevated to the ‘the Global Partnership’?" }, "doubled-word"],
    ["an article before a name that takes none", { prompt: "Which agreement was signed with the Brazil?" }, "article-before-name"],
    ["'The Japan'", { prompt: "The Japan is a partner of which country?" }, "article-before-name"],
    ["a template slot left unfilled", { prompt: "Where was the {subject} held?" }, "template-seam"],
    ["a topic label pasted into the stem", { prompt: "Consider the following statements regarding India-Japan > 2+2:" }, "template-seam"],
    ["'Who take part'", { prompt: "Who take part in the 2+2 dialogue?" }, "template-seam"],
    ["a lower-case pair row", { prompt: "Consider the following pairs:\n1. Veer Guardian — air force\n2. JIMEX — Navy\nHow many?" }, "template-seam"],
    ["a full form spelled by the initials in the stem", { prompt: "What does JCM stand for?", options: options("Joint Crediting Mechanism", "Green Credit Scheme", "Global Carbon Fund", "Asia Climate Pact") }, "initials-giveaway"],
    ["the key printed in the stem", { prompt: "In which year was the Peace Treaty of 1952 signed?", options: options("1952", "1950", "1951", "1953") }, "answer-in-stem"],
    ["the only option of the right kind", { options: options("Tokyo", "Japan", "Brazil", "United States") }, "option-kind"],
    ["a year after the item's date for a past event", { prompt: "In which year was Veer Guardian first held?", options: options("2023", "2021", "2022", "2047") }, "implausible-year"],
    ["a key that is not an option", { answer: "e" }, "key-not-among-options"],
    ["two options that read the same", { options: options("Tokyo", "tokyo", "Osaka", "Mumbai") }, "key-not-among-options"],
    ["a recall card asking how a thing is described", { type: "flashcard", prompt: "How is the Japan-India Association described?", options: [], answer: "Japan’s oldest international friendship body" }, "open-recall"],
    ["a recall card asking a purpose", { type: "flashcard", prompt: "What is the purpose of the IMAC?", options: [], answer: "To support maritime domain awareness" }, "open-recall"],
    ["a cloze blanking the sentence's subject", { type: "cloze", prompt: "Fill in the blank: The _____ appreciated that the first Joint Service Staff Talks had been held.", options: [], answer: "Third India-Japan 2+2" }, "open-recall"],
    ["a cloze blanking a predicate", { type: "cloze", prompt: "Fill in the blank: China has grown _____ in the Indo-Pacific.", options: [], answer: "increasingly assertive" }, "open-recall"],
    [
      "best-description options of different kinds",
      { type: "best-description", prompt: "Which one of the following best describes JCM?", options: options("A mechanism for carbon credits", "An agenda on women, peace and security", "A framework for data flows", "An initiative for quality infrastructure") },
      "option-kind",
    ],
    [
      "a chronology event named against another version",
      { type: "chronology", prompt: "Consider the following events:\n1. Signing of the original MoC on Japanese Language\n2. Beginning of diplomatic relations\nWhich order?", options: options("1-2", "2-1", "1-1", "2-2") },
      "relative-name",
    ],
  ])("strikes out %s", (_, fields, rule) => {
    expect(rules([choice(fields)])).toContain(rule);
  });

  it("passes recall cards whose one answer is a name, a number or an entity", () => {
    const card = (prompt: string, answer: string) => choice({ type: "flashcard", prompt, options: [], answer });
    expect(rules([card("Where was the third meeting held?", "Tokyo"), card("How long did the meeting last?", "65 minutes"), card("Which force holds Veer Guardian with the IAF?", "Japan Air Self-Defense Force")])).toEqual([]);
  });

  it("does not take 'the Japan Air Self-Defense Force' for 'the Japan'", () => {
    expect(rules([choice({ prompt: "Which exercise does the Japan Air Self-Defense Force hold with India?", options: options("Veer Guardian", "JIMEX", "Malabar", "MILAN") })])).toEqual([]);
  });

  it("strikes out a statement repeated within an item", () => {
    const item = choice({
      type: "statements-how-many",
      prompt: "Consider the following statements:\n1. Japan is a partner.\n2. Japan is a partner.\n3. Brazil is a partner.\nHow many of the above statements are correct?",
      options: options("Only one", "Only two", "All three", "None"),
      answer: "b",
      explanation: "Statement 1 is correct: x. Statement 2 is correct: x. Statement 3 is incorrect: y.",
    });
    expect(rules([item])).toContain("repeated-statement");
  });

  it("strikes out a statements item whose key is not the combination its explanation gives", () => {
    const item = choice({
      type: "statements-which",
      prompt: "Consider the following statements:\n1. A is so.\n2. B is so.\n3. C is so.\nWhich of the statements given above is/are correct?",
      options: options("1 only", "2 only", "1 and 3 only", "1, 2 and 3"),
      answer: "c",
      explanation: "Statement 1 is correct: A. Statement 2 is correct: B. Statement 3 is incorrect: C is not so.",
    });
    expect(rules([item])).toContain("key-not-among-options");
    expect(rules([{ ...item, options: options("1 only", "2 only", "1 and 2 only", "1, 2 and 3") }])).toEqual([]);
  });

  it("strikes out recall cards that share a prompt with different answers", () => {
    const card = (id: string, answer: string): BankItem =>
      choice({ id: `flashcard:${id}~00000000`, type: "flashcard", prompt: "Of which groupings is India a member?", options: [], answer, explanation: "India is a member." });
    expect(rules([card("a", "Quad"), card("b", "G20")])).toEqual(["several-keys", "several-keys"]);
    expect(rules([card("a", "Quad")])).toEqual([]);
  });

  it("strikes out a cloze whose article gives away how the answer begins", () => {
    const cloze = choice({ type: "cloze", prompt: "Fill in the blank: The CDRI is an _____-led initiative.", options: [], answer: "India" });
    expect(rules([cloze])).toContain("answer-in-stem");
  });

  it("strikes out a pair whose left side names its own match", () => {
    const pairs = choice({
      type: "match-pairs",
      prompt: "Consider the following pairs:\nMeeting — Venue\n1. Modi-Abe summit in Tokyo — Tokyo\n2. Third 2+2 — New Delhi\n3. Second 2+2 — Tokyo\nHow many of the pairs given above are correctly matched?",
      options: options("Only one", "Only two", "All three", "None"),
      answer: "c",
      explanation: "Pair 1 is correctly matched: a. Pair 2 is correctly matched: b. Pair 3 is correctly matched: c.",
    });
    expect(rules([pairs])).toContain("answer-in-stem");
  });

  it("strikes out a cloze whose answer stands beside the blank", () => {
    const cloze = choice({ type: "cloze", prompt: "Fill in the blank: The Ministers condemned _____ (JeM) and Jaish-e-Mohammad.", options: [], answer: "Jaish-e-Mohammad" });
    expect(rules([cloze])).toContain("answer-in-stem");
  });
});
