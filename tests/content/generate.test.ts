import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BANK_FILE, ITEM_TYPES, RECALL_ITEM_TYPES, serialiseBank, type Bank } from "@/lib/content/bank";
import { checkContent, type CheckedContent } from "@/lib/content/check";
import { buildBank, groupSizes, hashContentFiles, NARROW_SUBJECT_MOST_FACTS } from "@/lib/content/generate/build";
import { familyOf } from "@/lib/content/generate/formats";
import { lintBank } from "@/lib/content/generate/lint";
import { NearMisses } from "@/lib/content/generate/near-misses";
import { readsAsPast } from "@/lib/content/generate/wording";
import { loadContent } from "@/lib/content/load";
import { containsQuote } from "@/lib/content/passages";
import { writeContent } from "./fixture-content";

describe("the question bank built from the real content", () => {
  let content: CheckedContent;
  let bank: Bank;
  beforeAll(() => {
    content = checkContent(loadContent(path.resolve("content")));
    bank = buildBank(content, hashContentFiles(path.resolve("content")));
  });

  it("comes from content without errors", () => {
    expect(content.errors).toEqual([]);
  });

  it("is committed up to date: run `npm run content:build` after changing content/", () => {
    expect(fs.readFileSync(BANK_FILE, "utf8")).toBe(serialiseBank(bank));
  });

  it("is deterministic: two builds are identical byte for byte", () => {
    const again = buildBank(checkContent(loadContent(path.resolve("content"))), hashContentFiles(path.resolve("content")));
    expect(serialiseBank(again)).toBe(serialiseBank(bank));
  });

  it("has every format, and unique ids", () => {
    const types = new Set(bank.items.map((item) => item.type));
    expect([...types].sort()).toEqual([...ITEM_TYPES].sort());
    expect(new Set(bank.items.map((item) => item.id)).size).toBe(bank.items.length);
  });

  it("gives every choice item four distinct options and exactly one key among them", () => {
    for (const item of bank.items.filter((item) => !RECALL_ITEM_TYPES.includes(item.type))) {
      expect(item.options, item.id).toHaveLength(4);
      expect(new Set(item.options.map((option) => option.text)).size, item.id).toBe(4);
      expect(item.options.filter((option) => option.id === item.answer), item.id).toHaveLength(1);
    }
    for (const item of bank.items.filter((item) => RECALL_ITEM_TYPES.includes(item.type))) {
      expect(item.options, item.id).toEqual([]);
      expect(item.answer.length, item.id).toBeGreaterThan(0);
    }
  });

  it("cites, for every item, quotes that occur in their documents", () => {
    const documents = new Map(content.documents.map((document) => [document.id, document.text]));
    for (const item of bank.items) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const source of item.sources) expect(containsQuote(documents.get(source.doc)!, source.quote), `${item.id}: ${source.quote}`).toBe(true);
      expect(item.explanation.length, item.id).toBeGreaterThan(10);
    }
  });

  it("passes the item linter", () => {
    expect(lintBank(bank.items, { entities: content.entities.values() })).toEqual([]);
  });

  it("gives no statement away by the codes: each number stands in some options and not in all", () => {
    for (const item of bank.items.filter((candidate) => ["statements-which", "membership"].includes(candidate.type))) {
      const count = item.prompt.split("\n").filter((line) => /^\d+\. /.test(line)).length;
      if (count !== 3) continue;
      for (const number of ["1", "2", "3"]) {
        const holding = item.options.filter((option) => option.text.includes(number)).length;
        expect(holding, `${item.id}: ${number}`).toBeGreaterThan(0);
        expect(holding, `${item.id}: ${number}`).toBeLessThan(4);
      }
    }
  });

  it("never lists a chronology's events in their true order", () => {
    const chronologies = bank.items.filter((item) => item.type === "chronology");
    expect(chronologies.length).toBeGreaterThan(0);
    for (const item of chronologies) expect(item.options.find((option) => option.id === item.answer)!.text, item.id).not.toBe("1-2-3-4");
  });

  it("ties list items to every fact of their list, so a quiz never holds two items on one list", () => {
    for (const list of content.lists) {
      for (const item of bank.items.filter((candidate) => ["list-count", "membership"].includes(candidate.type) && familyOf(candidate.id).endsWith(`:${list.id}`))) {
        expect([...item.factIds].sort(), item.id).toEqual(list.members.map((fact) => fact.id).sort());
      }
    }
  });

  it("names as an item's subjects only narrow things, which keep their questions apart in a quiz", () => {
    const factsOf = new Map<string, number>();
    for (const fact of content.facts) factsOf.set(fact.subject, (factsOf.get(fact.subject) ?? 0) + 1);
    const described = bank.items.filter((item) => item.type === "best-description");
    expect(described.some((item) => item.subjects.length > 1), "a description also names the things its options describe").toBe(true);
    for (const item of bank.items) for (const subject of item.subjects) expect(factsOf.get(subject) ?? 0, `${item.id}: ${subject}`).toBeLessThanOrEqual(NARROW_SUBJECT_MOST_FACTS);
  });

  it("asks every fact that is not held back in at least one item", () => {
    const asked = new Set(bank.items.flatMap((item) => item.factIds));
    expect(content.facts.filter((fact) => !asked.has(fact.id)).map((fact) => fact.id)).toEqual([]);
  });

  it("never asks a fact held back with an editorial note", () => {
    const heldBack = new Set(content.heldBack.map((fact) => fact.id));
    for (const item of bank.items) expect(item.factIds.filter((id) => heldBack.has(id)), item.id).toEqual([]);
  });

  it("never offers an MCQ distractor that the bank holds true for the same subject and relation", () => {
    const siblings = new NearMisses(content);
    const facts = new Map(content.facts.map((fact) => [fact.id, fact]));
    for (const item of bank.items.filter((item) => item.type === "mcq")) {
      const fact = facts.get(item.factIds[0]!)!;
      for (const option of item.options.filter((option) => option.id !== item.answer)) {
        expect(siblings.isTrueFor(fact, option.text), `${item.id}: ${option.text}`).toBe(false);
      }
    }
  });

  it("says as of when in every question built on a time-sensitive fact, or the period a past sentence tells of", () => {
    const timeSensitive = new Set(content.facts.filter((fact) => fact.timeSensitive).map((fact) => fact.id));
    expect(timeSensitive.size).toBeGreaterThan(0);
    for (const item of bank.items.filter((item) => item.factIds.some((id) => timeSensitive.has(id)))) {
      const text = item.prompt + item.explanation;
      // "Trade totalled US$ 22.85 billion during FY 2023-24" is dated by its own period; "As of" would read wrong.
      const dated = /As of (\w+ )?\d{4}/.test(text) || item.prompt.split("\n").some((line) => readsAsPast(line) && /\b\d{4}\b/.test(line));
      expect(dated, `${item.id}: ${item.prompt}`).toBe(true);
    }
  });
});

describe("generation rules on a small fixture", () => {
  const byFamily = (bank: Bank, family: string) => bank.items.find((item) => familyOf(item.id) === family)!;

  it("keeps both dated versions of a changed fact, each saying as of when", () => {
    const content = checkContent(loadContent(writeContent()));
    const bank = buildBank(content, "fixture");
    const flashcard2022 = byFamily(bank, "flashcard:partners-2022");
    const flashcard2024 = byFamily(bank, "flashcard:partners-2024");
    expect(flashcard2022.prompt).toBe("As of September 2022, with how many partners did India hold 2+2 dialogues?");
    expect(flashcard2022.answer).toBe("Four");
    expect(flashcard2024.prompt).toBe("As of August 2024, with how many partners did India hold 2+2 dialogues?");
    expect(flashcard2024.answer).toBe("Six");
  });

  it("makes Statement-I/Statement-II items from explains links with UPSC's four options", () => {
    const bank = buildBank(checkContent(loadContent(writeContent())), "fixture");
    const item = byFamily(bank, "assertion-reason:jimex-service--veer-guardian-service:explains");
    expect(item.prompt).toContain("Statement-I: Veer Guardian is an exercise of the air forces.");
    expect(item.prompt).toContain("Statement-II: JIMEX is a naval exercise.");
    expect(item.options.map((option) => option.text)[0]).toBe(
      "Both Statement-I and Statement-II are correct and Statement-II is the correct explanation for Statement-I",
    );
    expect(item.answer).toBe("a");
  });

  it.each([
    [2, 3, [2]],
    [3, 3, [3]],
    [5, 3, [3, 2]],
    [5, 4, [4]],
    [1, 3, []],
    [7, 4, [4, 3]],
    [8, 4, [4, 4]],
    [9, 4, [3, 3, 3]],
    [10, 3, [3, 3, 2, 2]],
  ])("groups %i items in groups of about %i: %j", (n, preferred, expected) => {
    const sizes = groupSizes(n, preferred);
    expect(sizes).toEqual(expected);
    expect(sizes.every((size) => size === preferred || size === preferred - 1)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(n);
  });
});
