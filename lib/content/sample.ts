import type { BankItem } from "./bank";
import { seededRandom, shuffled } from "./generate/random";

/**
 * A seeded sample stratified by format: formats in alphabetical order, each format's items sorted by id,
 * then an equal share from each (a format with fewer items gives all it has, and the rest is shared out
 * among the others), so anyone with the seed draws the same items.
 */
export function sampleByFormat(items: readonly BankItem[], size: number, seed: string): BankItem[] {
  const byType = new Map<string, BankItem[]>();
  for (const item of [...items].sort((a, b) => a.id.localeCompare(b.id))) byType.set(item.type, [...(byType.get(item.type) ?? []), item]);
  const types = [...byType.keys()].sort();
  const shares = new Map(types.map((type) => [type, 0]));
  let left = Math.min(size, items.length);
  while (left > 0) {
    const open = types.filter((type) => shares.get(type)! < byType.get(type)!.length);
    if (open.length === 0) break;
    for (const type of open) {
      if (left === 0) break;
      shares.set(type, shares.get(type)! + 1);
      left--;
    }
  }
  return types.flatMap((type) => shuffled(byType.get(type)!, seededRandom(`${seed}:${type}`)).slice(0, shares.get(type)!));
}
