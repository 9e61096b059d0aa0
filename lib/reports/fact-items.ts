import type { Bank } from "@/lib/content/bank";

/**
 * The item a Library fact's "Report a problem" reports: the fact's own flashcard (the plainest item made
 * from it alone). Facts without one (shown, never asked) have nothing to report against.
 */
export function reportableItemOfFact(bank: Bank): Map<string, string> {
  const items = new Map<string, string>();
  for (const item of bank.items) {
    if (item.type === "flashcard" && item.factIds.length === 1 && !items.has(item.factIds[0]!)) items.set(item.factIds[0]!, item.id);
  }
  return items;
}
