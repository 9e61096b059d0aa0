import { describe, expect, it } from "vitest";
import { loadBank } from "@/lib/content/bank";

const bank = loadBank();
const STATEMENT_TYPES = ["statements-which", "statements-how-many", "match-pairs", "list-count", "membership"];
const COUNT_WORDS: Record<string, number> = { None: 0, "Only one": 1, "Only two": 2, "Only three": 3, "All three": 3, "All four": 4 };

/** The statement numbers a code names: "1 and 3 only" → [1, 3]; "Both 1 and 2" → [1, 2]; "Neither 1 nor 2" → []. */
function codeNumbers(text: string): number[] {
  if (/^Neither/.test(text)) return [];
  return [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

// BankItem.statements rates each statement's fact on its own (lib/strategy): it must agree with the key
// the learner is marked by, statement for statement.
describe("the statements of statement items agree with their keys", () => {
  const items = bank.items.filter((item) => STATEMENT_TYPES.includes(item.type));

  it("every statement item has one entry per numbered line of its prompt, each with a fact of the item (or none)", () => {
    expect(items.length).toBeGreaterThan(100);
    for (const item of items) {
      const lines = item.prompt.split("\n").filter((line) => /^\d+\. /.test(line));
      expect(item.statements, item.id).toHaveLength(lines.length);
      for (const statement of item.statements!) if (statement.factId !== null) expect(item.factIds, item.id).toContain(statement.factId);
    }
    expect(bank.items.filter((item) => !STATEMENT_TYPES.includes(item.type)).every((item) => item.statements === undefined)).toBe(true);
  });

  it("the true statements are the keyed code, or number the keyed count", () => {
    for (const item of items) {
      const keyText = item.options.find((option) => option.id === item.answer)!.text;
      const trueNumbers = item.statements!.flatMap((statement, index) => (statement.correct ? [index + 1] : []));
      if (item.type === "statements-which" || item.type === "membership") expect(codeNumbers(keyText), item.id).toEqual(trueNumbers);
      else expect(COUNT_WORDS[keyText], item.id).toBe(trueNumbers.length);
    }
  });

  it("an entry without a fact is always a false one (a non-member)", () => {
    for (const item of items) for (const statement of item.statements!) if (statement.factId === null) expect(statement.correct, item.id).toBe(false);
  });
});
