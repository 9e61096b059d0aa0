import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, type Fact } from "@/lib/content/check";
import { buildBank, officeSpellings } from "@/lib/content/generate/build";
import { decodesAcronym, fitsItem, producibleBlank, serviceSettledBy, stemSettles, whyWrong } from "@/lib/content/generate/formats";
import { framedValue, NearMisses, possibleDate } from "@/lib/content/generate/near-misses";
import { seededRandom } from "@/lib/content/generate/random";
import { loadContent } from "@/lib/content/load";

// The sixth round of examiners' findings (issue #13, reviews of seeds 8101 and 8102 of the round-4 bank): each
// cause pinned by known-bad input, and where the rule holds over a whole bank, by the bank built from the real content.
const realContent = checkContent(loadContent(path.resolve("content")));
const realBank = buildBank(realContent, "test");
const factById = new Map(realContent.facts.map((fact) => [fact.id, fact]));
const ofType = (...types: string[]) => realBank.items.filter((item) => types.includes(item.type));
const statementSets = () => ofType("statements-which", "statements-how-many");
const statementLines = (prompt: string) => prompt.split("\n").filter((line) => /^\d\. /.test(line)).map((line) => line.slice(3));
const nearMisses = new NearMisses(realContent);

describe("1. no option's initials spell the acronym asked about", () => {
  it("decodes AOIP from the key, and not from an unrelated description", () => {
    expect(decodesAcronym("AOIP", "ASEAN’s own statement of its approach to the Indo-Pacific")).toBe(true);
    expect(decodesAcronym("AOIP", "A joint statement by India and Japan on the Indo-Pacific")).toBe(false);
    expect(decodesAcronym("JCM", "Joint Crediting Mechanism")).toBe(true);
    expect(decodesAcronym("Veer Guardian", "Very extensive exercise in Russia")).toBe(false);
  });

  it("holds over the real bank: no best-description option decodes its subject's acronym", () => {
    const items = ofType("best-description");
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const item of items) {
      const acronym = /describes (?:the )?([A-Z]{2,6})\?$/.exec(item.prompt)?.[1];
      if (acronym) for (const option of item.options) expect(decodesAcronym(acronym, option.text), `${item.id}: ${option.text}`).toBe(false);
    }
    expect(realBank.items.some((item) => item.id.startsWith("best-description:aoip-description~"))).toBe(false);
  });
});

describe("2. no trap contradicts the words of its own stem", () => {
  it("the '2+2 format of foreign and defence dialogues' stem settles 'foreign and finance ministers'", () => {
    const about = "the 2+2 format of foreign and defence dialogues and India's 2+2 partners";
    expect(stemSettles(about, "foreign and defence ministers", "foreign and finance ministers")).toBe(true);
    expect(stemSettles(about, "Japan", "Australia")).toBe(false);
    const format = factById.get("two-plus-two-format-participants")!;
    const variant = { statement: "The 2+2 ministerial dialogue brings together the foreign and finance ministers of two countries.", wrongValue: "foreign and finance ministers", why: "x", authored: true };
    expect(fitsItem(format, variant, [format], about)).toBe(false);
  });

  it("holds over the real bank", () => {
    for (const item of statementSets()) {
      const stem = /^With reference to ([^,]+(?:,[^,]+)*?), consider/.exec(item.prompt)?.[1];
      if (stem && /foreign and defence/.test(stem)) expect(item.prompt, item.id).not.toMatch(/foreign and finance/);
    }
  });
});

describe("3. a statement set's stem fits every statement in it", () => {
  it("the South Kuril dispute is filed under the challenges, not under defence cooperation and exercises", () => {
    expect(factById.get("south-kuril-disputed")!.about).toMatch(/^the challenges in (and the way forward for )?India-Japan relations/);
  });

  it("holds over the real bank: no 'defence cooperation' stem over a territorial dispute", () => {
    for (const item of statementSets().filter((candidate) => /defence cooperation/.test(candidate.prompt))) expect(item.prompt, item.id).not.toMatch(/Kuril|Senkaku/);
  });
});

describe("4. a cloze blanks only a short name or number", () => {
  it("refuses a job title and an event told by description", () => {
    expect(producibleBlank("Modi-Abe summit in Tokyo")).toBe(false);
    expect(producibleBlank("Minister for Foreign Affairs of Japan")).toBe(false);
    expect(producibleBlank("Tokyo")).toBe(true);
    expect(producibleBlank("October 2018")).toBe(true);
    expect(producibleBlank("Joint Crediting Mechanism")).toBe(true);
  });

  it("holds over the real bank", () => {
    const clozes = ofType("cloze");
    expect(clozes.length).toBeGreaterThan(50);
    for (const item of clozes.filter((candidate) => !/ stands for _____/.test(candidate.prompt))) expect(producibleBlank(item.answer!), `${item.id}: ${item.answer}`).toBe(true);
    expect(clozes.some((item) => /Kamikawa Yoko was _____/.test(item.prompt))).toBe(false);
  });
});

describe("5. a wrong year's explanation says why it is not the answer", () => {
  const veerGuardian = { ...factById.get("veer-guardian-inaugural-2023")! } as Fact;

  it("names the other event as another event, and the thing asked", () => {
    const line = whyWrong([{ text: "2019", meaning: "Indian President Ram Nath Kovind visited Japan in 2019." }], veerGuardian, realContent)!;
    expect(line).toMatch(/^ 2019 is wrong: it is the date of another event \(Indian President Ram Nath Kovind visited Japan in 2019\), not of .*Veer Guardian\.$/);
  });

  it("holds over the real bank: no MCQ line says only what else happened that year", () => {
    for (const item of ofType("mcq")) {
      for (const reason of item.explanation.split(/(?= \S+(?: \d{4})? is wrong: )/).filter((part) => / is wrong: it is the date/.test(part))) expect(reason, item.id).toMatch(/\), not of /);
    }
  });
});

describe("6. a swapped value keeps the sentence possible", () => {
  it("no swap behind 'so-called'", () => {
    expect(framedValue("Japan resolved to examine all options, including so-called counterstrike capabilities.", "counterstrike capabilities")).toBe(true);
    expect(framedValue("Japan resolved to examine counterstrike capabilities.", "counterstrike capabilities")).toBe(false);
    const framed = { ...factById.get("japan-counterstrike-capabilities")!, statement: "At the second India-Japan 2+2, Japan expressed its resolve to examine all options, including so-called counterstrike capabilities." } as Fact;
    expect(nearMisses.falseVariants(framed, seededRandom("x")).filter((variant) => variant.wrongValue)).toEqual([]);
  });

  it("no date for the Modi-Abe summit after Abe left office or after the 2+2 it led to", () => {
    const summit = factById.get("modi-abe-summit-october-2018")!;
    expect(possibleDate(summit, "March 2022")).toBe(false);
    expect(possibleDate(summit, "November 2016")).toBe(true);
    expect(possibleDate({}, "March 2022")).toBe(true);
    for (const variant of nearMisses.falseVariants(summit, seededRandom("y"))) expect(variant.statement).not.toMatch(/20(2\d)|November 2019|December 2019/);
  });

  it("holds over the real bank", () => {
    for (const item of statementSets()) for (const line of statementLines(item.prompt)) expect(line, item.id).not.toMatch(/so-called (?!counterstrike)|Modi-Abe summit in Tokyo in \w+ 202\d/);
  });
});

describe("7. one statement does not give away another's armed service", () => {
  it("'the fighter exercise Veer Guardian' settles 'Japan Maritime Self-Defense Force'", () => {
    expect(serviceSettledBy("Japan Air Self Defence Force", "Japan Maritime Self-Defense Force", "The inaugural edition of the India-Japan fighter exercise Veer Guardian was held in 2023.")).toBe(true);
    expect(serviceSettledBy("Japan Air Self Defence Force", "Japan Maritime Self-Defense Force", "Veer Guardian was held in 2023.")).toBe(false);
    const japaneseSide = factById.get("veer-guardian-japanese-side")!;
    const inaugural = factById.get("veer-guardian-inaugural-2023")!;
    const variant = { statement: "Veer Guardian is held between the Japan Maritime Self-Defense Force and the Indian Air Force.", wrongValue: "Japan Maritime Self-Defense Force", why: "x", authored: true };
    expect(fitsItem(japaneseSide, variant, [japaneseSide, inaugural], undefined)).toBe(false);
  });

  it("holds over the real bank", () => {
    for (const item of statementSets()) {
      if (/fighter exercise Veer Guardian/.test(item.prompt)) expect(item.prompt, item.id).not.toMatch(/Veer Guardian is held between the Japan Maritime/);
    }
  });
});

describe("8. an item that prints a fact keeps apart from the item asking it", () => {
  it("reads 'Japan's Foreign Minister' as the portfolio 'Minister for Foreign Affairs of Japan'", () => {
    expect(officeSpellings("Minister for Foreign Affairs of Japan")).toContain("Japan's Foreign Minister");
    expect(officeSpellings("Minister of Defence of India")).toContain("India's Defence Minister");
    expect(officeSpellings("Tokyo")).toEqual([]);
  });

  it("holds over the real bank: the Statement-I that names Japan's Foreign Minister Kamikawa Yoko shares a key with the card asking her office", () => {
    const printing = realBank.items.filter((item) => /Japan's Foreign Minister Kamikawa Yoko/.test(item.prompt));
    expect(printing.length).toBeGreaterThan(0);
    for (const item of printing) expect(item.subjects, item.id).toContain("fact:kamikawa-portfolio");
    expect(realBank.items.find((item) => item.id.startsWith("flashcard:kamikawa-portfolio~"))!.subjects).toContain("fact:kamikawa-portfolio");
  });
});

describe("9. content the examiners quoted", () => {
  it("no exam notes' commentary as a fact, no bare acronym card, no parenthetical stem, no relative-clause summit statement", () => {
    // "Without specifically naming Russia or China" is the notes' reading of the 2022 statement, not its words.
    const order = factById.get("second-two-plus-two-rules-based-order")!;
    expect(`${order.statement} ${order.question}`).not.toMatch(/naming Russia or China/i);
    expect(factById.get("jcm-full-form")!.question).toMatch(/^In India-Japan climate cooperation, /);
    for (const list of realContent.lists) expect(`${list.countQuestion} ${list.whichQuestion}`, list.id).not.toMatch(/\(in \d{4} and again in \d{4}\)/);
    expect(factById.get("modi-abe-summit-october-2018")!.statement).not.toMatch(/, at which /);
    expect(factById.get("japan-counterstrike-capabilities")!.statement).not.toMatch(/so-called/);
  });
});
