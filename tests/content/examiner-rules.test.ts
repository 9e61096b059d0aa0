import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Bank, BankItem } from "@/lib/content/bank";
import { checkContent } from "@/lib/content/check";
import { buildBank } from "@/lib/content/generate/build";
import { bankChanges } from "@/lib/content/generate/changes";
import { familyOf } from "@/lib/content/generate/formats";
import { lintBank } from "@/lib/content/generate/lint";
import { NearMisses, numericNearMisses } from "@/lib/content/generate/near-misses";
import { seededRandom } from "@/lib/content/generate/random";
import { loadContent } from "@/lib/content/load";
import { VALID_FILES, writeContent } from "./fixture-content";

// A second fixture area: India's 2+2 partners as a "many" relation, first without and then with a
// list the author declares complete; entities that take "the"; dated events; descriptions.
const PARTNERS_SOURCE = [
  "Notes on partners",
  "India holds 2+2 ministerial dialogues with the United States, Japan, Australia and Russia.",
  "The 2+2 with the United States began in 2018.",
  "The 2+2 with Japan began in 2019.",
  "The 2+2 with Australia began in 2021.",
  "The Peace Treaty was signed in 1952.",
  "The Osaka Track is an initiative of the G20 on data governance.",
  "The Quad is a grouping of four democracies.",
  "The JCM is an initiative for carbon credits.",
  "The AOIP is an initiative of ASEAN on the Indo-Pacific.",
  "LeadIT is an initiative for industry transition.",
].join("\n");

const entities = (rows: [string, string, string, string?][]) =>
  rows.map(([id, type, name, article]) => [`- id: ${id}`, `  type: ${type}`, `  name: ${name}`, ...(article ? [`  article: ${article}`] : [])].join("\n")).join("\n");

const PARTNER_FILES: Record<string, string> = {
  "sources/partners-notes.txt": PARTNERS_SOURCE,
  "sources/partners-notes.yaml": ["id: partners-notes", "title: Partner notes", "publisher: Coaching", "kind: exam-notes", "eventsDate: 2024-08"].join("\n"),
  "entities/partners.yaml": entities([
    ["united-states", "country", "United States", "the"],
    ["japan", "country", "Japan"],
    ["australia", "country", "Australia"],
    ["russia", "country", "Russia"],
    ["united-kingdom", "country", "United Kingdom", "the"],
    ["brazil", "country", "Brazil"],
    ["us-2plus2", "dialogue", "India-US 2+2"],
    ["japan-2plus2", "dialogue", "India-Japan 2+2"],
    ["australia-2plus2", "dialogue", "India-Australia 2+2"],
    ["peace-treaty", "document", "Peace Treaty"],
    ["osaka-track", "policy", "Osaka Track", "the"],
    ["quad", "policy", "Quad", "the"],
    ["jcm", "policy", "JCM", "the"],
    ["aoip", "policy", "AOIP", "the"],
    ["leadit", "policy", "LeadIT"],
  ]),
  "relations/partners.yaml": [
    "- id: partner",
    "  label: 2+2 ministerial partner",
    "  valueType: country",
    "  cardinality: many",
    '  question: "With which country does {subject} hold a 2+2 ministerial dialogue?"',
    "- id: began-in",
    "  label: year begun",
    "  valueType: year",
    "  cardinality: one",
    '  question: "In which year did {subject} begin?"',
    '  eventPhrase: "First {subject} ministerial meeting"',
    "- id: signed-in",
    "  label: year signed",
    "  valueType: year",
    "  cardinality: one",
    '  question: "In which year was {subject} signed?"',
    '  eventPhrase: "Signing of {subject}"',
    "- id: description",
    "  label: description",
    "  valueType: text",
    "  cardinality: one",
    "  describes: true",
    '  question: "What is {subject}?"',
  ].join("\n"),
  "facts/partners.yaml": [
    "topic: International Relations > India-Japan > Partners",
    "about: India's 2+2 ministerial dialogues",
    "facts:",
    ...[
      ["partner-us", "The United States is one of India's 2+2 ministerial dialogue partners.", "partner", "{ entity: united-states }", "line 2", "United States"],
      ["partner-japan", "Japan is one of India's 2+2 ministerial dialogue partners.", "partner", "{ entity: japan }", "line 2", "Japan"],
      ["partner-australia", "Australia is one of India's 2+2 ministerial dialogue partners.", "partner", "{ entity: australia }", "line 2", "Australia"],
      ["partner-russia", "Russia is one of India's 2+2 ministerial dialogue partners.", "partner", "{ entity: russia }", "line 2", "Russia"],
    ].flatMap(([id, statement, relation, value, locator, quote]) => [
      `  - id: ${id}`,
      `    statement: ${statement}`,
      "    asOf: 2024-08",
      "    subject: india",
      `    relation: ${relation}`,
      `    value: ${value}`,
      "    sources:",
      "      - doc: partners-notes",
      `        locator: ${locator}`,
      `        quote: ${quote}`,
    ]),
    ...[
      ["us-began", "us-2plus2", "The India-US 2+2 began in 2018.", "2018", "line 3", "began in 2018"],
      ["japan-began", "japan-2plus2", "The India-Japan 2+2 began in 2019.", "2019", "line 4", "began in 2019"],
      ["australia-began", "australia-2plus2", "The India-Australia 2+2 began in 2021.", "2021", "line 5", "began in 2021"],
      ["treaty-signed", "peace-treaty", "The Peace Treaty was signed in 1952.", "1952", "line 6", "signed in 1952"],
    ].flatMap(([id, subject, statement, year, locator, quote]) => [
      `  - id: ${id}`,
      `    statement: ${statement}`,
      "    asOf: 2024-08",
      `    subject: ${subject}`,
      `    relation: ${id === "treaty-signed" ? "signed-in" : "began-in"}`,
      `    value: { type: year, text: "${year}" }`,
      "    sources:",
      "      - doc: partners-notes",
      `        locator: ${locator}`,
      `        quote: ${quote}`,
    ]),
    ...[
      ["osaka-description", "osaka-track", "The Osaka Track is an initiative of the G20 on data governance.", "an initiative of the G20 on data governance", "line 7"],
      ["quad-description", "quad", "The Quad is a grouping of four democracies.", "a grouping of four democracies", "line 8"],
      ["jcm-description", "jcm", "The JCM is an initiative for carbon credits.", "an initiative for carbon credits", "line 9"],
      ["aoip-description", "aoip", "The AOIP is an initiative of ASEAN on the Indo-Pacific.", "an initiative of ASEAN on the Indo-Pacific", "line 10"],
      ["leadit-description", "leadit", "LeadIT is an initiative for industry transition.", "an initiative for industry transition", "line 11"],
    ].flatMap(([id, subject, statement, value, locator]) => [
      `  - id: ${id}`,
      `    statement: ${statement}`,
      "    asOf: 2024-08",
      `    subject: ${subject}`,
      "    relation: description",
      `    value: { type: text, text: "${value}" }`,
      "    sources:",
      "      - doc: partners-notes",
      `        locator: ${locator}`,
      `        quote: "${value}"`,
    ]),
  ].join("\n"),
};

const COMPLETE_LIST = [
  "- id: india-2plus2-ministerial-partners",
  "  subject: india",
  "  relation: partner",
  "  asOf: 2024-08",
  "  noun: countries",
  '  countQuestion: "With how many of the above countries does India hold a 2+2 ministerial dialogue?"',
  '  whichQuestion: "With which of the above countries does India hold a 2+2 ministerial dialogue?"',
  '  recallQuestion: "Name the countries with which India holds a 2+2 ministerial dialogue."',
  "  nonMembers: [united-kingdom, brazil]",
  "  note: The ministerial format is held with these four; the UK and Brazil have 2+2 dialogues at official level.",
  "  sources:",
  "    - doc: partners-notes",
  "      locator: line 2",
  "      quote: India holds 2+2 ministerial dialogues with the United States, Japan, Australia and Russia.",
].join("\n");

function build(files: Record<string, string>): Bank {
  const content = checkContent(loadContent(writeContent(files)));
  expect(content.errors).toEqual([]);
  return buildBank(content, "fixture");
}

const partnerItems = (bank: Bank) => bank.items.filter((item) => item.factIds.some((id) => id.startsWith("partner-")));
const lines = (item: BankItem) => item.prompt.split("\n");

describe("false only when provably false", () => {
  it("makes no false statement, no choice and no recall card from a many-valued relation whose list is not declared complete", () => {
    const bank = build(PARTNER_FILES);
    for (const item of partnerItems(bank)) {
      expect(["statements-which", "statements-how-many"], item.id).toContain(item.type);
      expect(item.explanation, item.id).not.toMatch(/incorrect: (The United States|Japan|Australia|Russia) is one of/);
      expect(item.prompt, item.id).not.toMatch(/(United Kingdom|Brazil) is one of/);
    }
  });

  it("with a complete list, sets list-count, membership and a list card, and keys non-members false", () => {
    const bank = build({ ...PARTNER_FILES, "lists/partners.yaml": COMPLETE_LIST });
    const count = bank.items.find((item) => item.type === "list-count")!;
    const membership = bank.items.find((item) => item.type === "membership")!;
    const card = bank.items.find((item) => familyOf(item.id) === "flashcard:list:india-2plus2-ministerial-partners")!;
    expect(count.prompt).toMatch(/^Consider the following countries:\n1\. /);
    expect(count.prompt).toContain("As of August 2024, with how many of the above countries did India hold a 2+2 ministerial dialogue?");
    const shown = count.prompt.split("\n").filter((line) => /^\d\. /.test(line)).map((line) => line.slice(3));
    const members = shown.filter((name) => ["United States", "Japan", "Australia", "Russia"].includes(name)).length;
    expect(count.options.find((option) => option.id === count.answer)!.text).toBe(["None", "Only one", "Only two", "Only three", "All four"][members]);
    expect(membership.prompt).toContain("Select the correct answer using the code given below.");
    expect(card.answer).toBe("Australia, Japan, Russia and the United States");
    expect(card.prompt).toBe("As of August 2024, name the four countries with which India held a 2+2 ministerial dialogue.");
  });
});

describe("grammar from the entities", () => {
  it("never writes 'The Japan' or 'the Brazil' when a name that takes 'the' is swapped out", () => {
    const bank = build({ ...PARTNER_FILES, "lists/partners.yaml": COMPLETE_LIST });
    const text = bank.items.map((item) => `${item.prompt}\n${item.options.map((option) => option.text).join("\n")}`).join("\n");
    expect(text).not.toMatch(/\b[Tt]he (Japan|Brazil|Australia|Russia)\b/);
    expect(lintBank(bank.items, { entities: checkContent(loadContent(writeContent({ ...PARTNER_FILES, "lists/partners.yaml": COMPLETE_LIST }))).entities.values() })).toEqual([]);
  });
});

describe("UPSC's shapes", () => {
  it("orders four dated events, keyed by their dates, with near-miss orders as the other options", () => {
    const bank = build(PARTNER_FILES);
    const item = bank.items.find((candidate) => candidate.type === "chronology")!;
    expect(item.prompt).toMatch(/^Consider the following events:/);
    const events = lines(item).filter((line) => /^\d\. /.test(line));
    expect(events).toHaveLength(4);
    for (const event of events) expect(event).not.toMatch(/\d{4}/);
    const key = item.options.find((option) => option.id === item.answer)!.text.split("-").map(Number);
    const years = key.map((position) => Number(/\((\d{4})\)/.exec(item.explanation.split("; ")[key.indexOf(position)]!)![1]));
    expect([...years].sort()).toEqual(years);
  });

  it("asks which one best describes a term, the other options describing other terms of the same kind (four initiatives)", () => {
    const bank = build(PARTNER_FILES);
    const item = bank.items.find((candidate) => candidate.type === "best-description" && candidate.factIds[0] === "osaka-description")!;
    expect(item.prompt).toBe("Which one of the following best describes the Osaka Track?");
    expect(item.options.map((option) => option.text).sort()).toEqual(
      ["An initiative of the G20 on data governance", "An initiative for carbon credits", "An initiative of ASEAN on the Indo-Pacific", "An initiative for industry transition"].sort(),
    );
    expect(item.options.find((option) => option.id === item.answer)!.text).toBe("An initiative of the G20 on data governance");
    // The Quad is a grouping: no option beside initiatives, and no item of its own without three other groupings.
    expect(bank.items.some((candidate) => candidate.options.some((option) => option.text === "A grouping of four democracies"))).toBe(false);
  });

  it("keys (b) only for pairs the author declares not to explain each other, and only about one subject", () => {
    // A pair about two things (JIMEX and the meeting) tempts no one: no item. A pair about one (JIMEX) is set.
    const withPair = VALID_FILES["facts/meeting.yaml"]!.replace("    explains: [veer-guardian-service]\n", "    explains: [veer-guardian-service]\n    doesNotExplain: [meeting-venue, jimex-partner]\n").concat(
      [
        "",
        "  - id: jimex-partner",
        "    statement: The JIMEX planning conference was held in New Delhi.",
        "    asOf: 2022-09",
        "    subject: jimex",
        "    relation: venue",
        "    value: { entity: new-delhi }",
        "    sources:",
        "      - doc: notes-2022",
        "        locator: line 3",
        "        quote: JIMEX is a naval exercise.",
        "",
      ].join("\n"),
    );
    const bank = build({ "facts/meeting.yaml": withPair });
    expect(bank.items.some((candidate) => familyOf(candidate.id) === "assertion-reason:jimex-service--meeting-venue:does-not-explain")).toBe(false);
    const item = bank.items.find((candidate) => familyOf(candidate.id) === "assertion-reason:jimex-service--jimex-partner:does-not-explain")!;
    expect(item.prompt).toContain("Statement-II: JIMEX is a naval exercise.");
    expect(item.options.find((option) => option.id === item.answer)!.text).toBe(
      "Both Statement-I and Statement-II are correct and Statement-II is not the correct explanation for Statement-I",
    );
  });

  it("never sets a fill-in-the-blank MCQ", () => {
    const bank = build(PARTNER_FILES);
    for (const item of bank.items.filter((candidate) => candidate.type === "mcq")) expect(item.prompt).not.toContain("_____");
  });

  it("prefers the author's traps for false statements and says why they are false", () => {
    const withTrap = VALID_FILES["facts/meeting.yaml"]!.replace(
      "    value: { entity: new-delhi }\n",
      "    value: { entity: new-delhi }\n    traps:\n      - statement: The third meeting was held in Tokyo.\n        why: The third meeting was held in New Delhi; the second was held in Tokyo.\n",
    );
    const content = checkContent(loadContent(writeContent({ "facts/meeting.yaml": withTrap })));
    const fact = content.facts.find((candidate) => candidate.id === "meeting-venue")!;
    const [first] = new NearMisses(content).falseVariants(fact, seededRandom("test"));
    expect(first).toMatchObject({ statement: "The third meeting was held in Tokyo.", authored: true });
    const bank = buildBank(content, "fixture");
    const falsified = bank.items.filter((item) => item.type !== "cloze" && item.factIds.includes("meeting-venue") && /The third meeting was held in (?!New Delhi)/.test(item.prompt));
    for (const item of falsified) {
      expect(item.prompt).toContain("The third meeting was held in Tokyo.");
      expect(item.explanation).toContain("the second was held in Tokyo");
    }
  });

  it("offers spaced years near the key and never after the item's date for a past event", () => {
    expect(numericNearMisses({ type: "year", text: "2023", textInStatement: "2023" }, 2024).every((year) => Number(year) <= 2024)).toBe(true);
    expect(numericNearMisses({ type: "number", text: "seventh", textInStatement: "seventh" }, 2024)).toEqual(expect.arrayContaining(["sixth", "eighth"]));
    // A target year still ahead is set in round numbers: 2045 and 2050 for 2047, never 2044 (round 8).
    const target = numericNearMisses({ type: "year", text: "2047", textInStatement: "2047" }, 2024);
    expect(target).toEqual(expect.arrayContaining(["2045", "2050"]));
    for (const year of target) expect(Number(year) % 5 === 0 && Number(year) > 2024, year).toBe(true);
  });
});

describe("stable meaning", () => {
  it("leaves every existing item as it was when a document about another country is added, and lends it no option", () => {
    const before = build(PARTNER_FILES);
    const australia: Record<string, string> = {
      "sources/australia-notes.txt": ["Australia notes", "The India-Australia summit was held in Canberra.", "The AUSINDEX exercise is a naval exercise."].join("\n"),
      "sources/australia-notes.yaml": ["id: australia-notes", "title: India-Australia notes", "publisher: Coaching", "kind: exam-notes", "eventsDate: 2024-03"].join("\n"),
      "entities/australia.yaml": entities([
        ["canberra", "place", "Canberra"],
        ["india-australia-summit", "event", "India-Australia summit"],
        ["ausindex", "exercise", "AUSINDEX"],
        ["indonesia", "country", "Indonesia"],
      ]),
      "facts/australia.yaml": [
        "topic: International Relations > India-Australia",
        "facts:",
        "  - id: au-summit-venue",
        "    statement: The India-Australia summit was held in Canberra.",
        "    asOf: 2024-03",
        "    subject: india-australia-summit",
        "    relation: venue",
        "    value: { entity: canberra }",
        "    sources:",
        "      - doc: australia-notes",
        "        locator: line 2",
        "        quote: The India-Australia summit was held in Canberra.",
        "  - id: ausindex-service",
        "    statement: AUSINDEX is a naval exercise.",
        "    asOf: 2024-03",
        "    subject: ausindex",
        "    relation: armed-service",
        "    value: { entity: navy }",
        "    sources:",
        "      - doc: australia-notes",
        "        locator: line 3",
        "        quote: The AUSINDEX exercise is a naval exercise.",
      ].join("\n"),
    };
    const after = build({ ...PARTNER_FILES, ...australia });
    const changes = bankChanges(before.items, after.items);
    expect(changes.retired).toEqual([]);
    expect(changes.reworded).toEqual([]);
    expect(changes.rekeyed).toEqual([]);
    expect(changes.added.length).toBeGreaterThan(0);
    for (const item of after.items.filter((candidate) => candidate.topic.includes("India-Japan"))) {
      expect(`${item.prompt} ${item.options.map((option) => option.text).join(" ")}`, item.id).not.toMatch(/Canberra|AUSINDEX|Indonesia|India-Australia summit/);
    }
  });

  it("gives a reworded or re-keyed question a new id, and says which it was", () => {
    const before = build({});
    const reworded = build({
      "facts/meeting.yaml": VALID_FILES["facts/meeting.yaml"]!.replace("The third meeting was held in New Delhi.", "The third meeting took place in New Delhi."),
    });
    const changes = bankChanges(before.items, reworded.items);
    expect(changes.reworded.map(({ after }) => familyOf(after.id))).toContain("cloze:meeting-venue");
    expect(changes.retired.map((item) => familyOf(item.id))).toContain("cloze:meeting-venue");
    const rekeyed = bankChanges(before.items, build({
      "facts/meeting.yaml": VALID_FILES["facts/meeting.yaml"]!.replace("six partners.\n", "seven partners.\n").replace("value: { type: number, text: six }", "value: { type: number, text: seven }"),
    }).items);
    expect(rekeyed.rekeyed.map(({ after }) => familyOf(after.id))).toContain("flashcard:partners-2024");
  });
});

describe("the real content, with a document about another country added", () => {
  it("keeps every existing item, and lends the India-Japan items nothing from it", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-real-content-"));
    fs.cpSync(path.resolve("content"), root, { recursive: true, filter: (source) => !source.includes(`${path.sep}generated`) });
    const before = buildBank(checkContent(loadContent(root)), "before");
    const files: Record<string, string> = {
      "sources/test-india-australia-notes.txt": [
        "India-Australia notes",
        "The India-Australia Annual Summit of March 2024 was held in Canberra.",
        "Exercise Southern Test is a bilateral naval exercise between India and Australia.",
        "The India-Australia Comprehensive Strategic Partnership was established in 2020.",
      ].join("\n"),
      "sources/test-india-australia-notes.yaml": ["id: test-india-australia-notes", "title: India-Australia notes", "publisher: Test", "kind: exam-notes", "eventsDate: 2024-03"].join("\n"),
      "entities/test-india-australia.yaml": entities([
        ["test-canberra", "place", "Canberra"],
        ["test-india-australia-summit-2024", "event", "India-Australia Annual Summit of March 2024"],
        ["test-ausindex", "exercise", "Exercise Southern Test"],
        ["test-india-australia-csp", "text", "India-Australia Comprehensive Strategic Partnership"],
      ]),
      "facts/test-india-australia.yaml": [
        "topic: International Relations > India-Australia",
        "facts:",
        "  - id: test-au-summit-venue",
        "    statement: The India-Australia Annual Summit of March 2024 was held in Canberra.",
        "    asOf: 2024-03",
        "    subject: test-india-australia-summit-2024",
        "    relation: venue",
        "    value: { entity: test-canberra }",
        "    sources: [{ doc: test-india-australia-notes, locator: line 2, quote: was held in Canberra }]",
        "  - id: test-ausindex-service",
        "    statement: Exercise Southern Test is a bilateral naval exercise between India and Australia.",
        "    asOf: 2024-03",
        "    subject: test-ausindex",
        "    relation: armed-service",
        "    value: { entity: navy }",
        "    sources: [{ doc: test-india-australia-notes, locator: line 3, quote: Exercise Southern Test is a bilateral naval exercise }]",
        "  - id: test-au-csp-2020",
        "    statement: India-Australia relations were elevated to a Comprehensive Strategic Partnership in 2020.",
        "    asOf: 2024-03",
        "    subject: test-india-australia-csp",
        "    relation: elevated-in",
        '    value: { type: year, text: "2020" }',
        "    sources: [{ doc: test-india-australia-notes, locator: line 4, quote: established in 2020 }]",
      ].join("\n"),
    };
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), `${text}\n`);
    const content = checkContent(loadContent(root));
    expect(content.errors).toEqual([]);
    const after = buildBank(content, "after");
    const changes = bankChanges(before.items, after.items);
    expect(changes.retired.map((item) => item.id)).toEqual([]);
    expect(changes.added.length).toBeGreaterThan(0);
    for (const item of after.items.filter((candidate) => candidate.topic.includes("India-Japan"))) {
      expect(`${item.prompt} ${item.options.map((option) => option.text).join(" ")}`, item.id).not.toMatch(/Canberra|Southern Test|India-Australia/);
    }
  });
});
