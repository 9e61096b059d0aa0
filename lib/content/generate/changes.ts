import type { BankItem } from "../bank";
import { familyOf } from "./formats";

/** What a rebuild did to the bank, item by item, as `content:build` prints it. */
export type BankChanges = {
  added: BankItem[];
  /** Same question, new wording or options, same key. */
  reworded: { before: BankItem; after: BankItem }[];
  /** Same question, another key. */
  rekeyed: { before: BankItem; after: BankItem }[];
  /** Items that left the bank (their learners' history stays; they are never shown again). */
  retired: BankItem[];
  unchanged: number;
};

function keyText(item: BankItem): string {
  return item.options.find((option) => option.id === item.answer)?.text ?? item.answer;
}

/**
 * Compares two banks by item id. An id holds the question's family and a hash of what is shown, so a
 * changed question has a new id: matched to its old self by family, it is reworded or re-keyed.
 */
export function bankChanges(before: readonly BankItem[], after: readonly BankItem[]): BankChanges {
  const afterIds = new Set(after.map((item) => item.id));
  const beforeIds = new Set(before.map((item) => item.id));
  const beforeByFamily = new Map<string, BankItem>();
  for (const item of before) if (!afterIds.has(item.id)) beforeByFamily.set(familyOf(item.id), item);
  const changes: BankChanges = { added: [], reworded: [], rekeyed: [], retired: [], unchanged: 0 };
  for (const item of after) {
    if (beforeIds.has(item.id)) {
      changes.unchanged++;
      continue;
    }
    const previous = beforeByFamily.get(familyOf(item.id));
    if (!previous) changes.added.push(item);
    else if (keyText(previous) === keyText(item)) changes.reworded.push({ before: previous, after: item });
    else changes.rekeyed.push({ before: previous, after: item });
  }
  changes.retired = before.filter((item) => !afterIds.has(item.id));
  return changes;
}
