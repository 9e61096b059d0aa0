import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Bank, BankItem } from "./bank";

export type SeedSummary = { created: number; updated: number; unchanged: number; retired: number; restored: number };

export function itemContentHash(item: BankItem): string {
  return createHash("sha256").update(JSON.stringify(item)).digest("hex").slice(0, 16);
}

/** An item's facts as BankItem.factIds stores them; lookups by fact compare with the same text. */
export function storedFactIds(factIds: readonly string[]): string {
  return JSON.stringify(factIds);
}

function row(item: BankItem) {
  return {
    type: item.type,
    topic: item.topic,
    prompt: item.prompt,
    options: JSON.stringify(item.options),
    answer: item.answer,
    explanation: item.explanation,
    sources: JSON.stringify(item.sources),
    factIds: storedFactIds(item.factIds),
    subjects: JSON.stringify(item.subjects),
    statements: item.statements ? JSON.stringify(item.statements) : null,
    asOf: item.asOf ?? null,
    contentHash: itemContentHash(item),
    retiredAt: null,
  };
}

/**
 * Loads the bank into BankItem by id: new items are created, changed ones updated, and items that have
 * left the bank are retired (never deleted), so every learner's cards and history keep their item.
 * Only what changed is written, so running it at every start costs one read when nothing did.
 */
export async function seedBank(db: Db, bank: Bank, now: Date): Promise<SeedSummary> {
  const existing = new Map(
    (await db.bankItem.findMany({ select: { id: true, contentHash: true, retiredAt: true } })).map((item) => [item.id, item]),
  );
  const summary: SeedSummary = { created: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 };
  const writes = [];
  for (const item of bank.items) {
    const data = row(item);
    const stored = existing.get(item.id);
    if (!stored) {
      summary.created++;
      writes.push(db.bankItem.create({ data: { id: item.id, ...data } }));
    } else if (stored.contentHash !== data.contentHash || stored.retiredAt) {
      if (stored.retiredAt) summary.restored++;
      else summary.updated++;
      writes.push(db.bankItem.update({ where: { id: item.id }, data }));
    } else summary.unchanged++;
  }
  const inBank = new Set(bank.items.map((item) => item.id));
  const leaving = [...existing.values()].filter((item) => !inBank.has(item.id) && !item.retiredAt).map((item) => item.id);
  summary.retired = leaving.length;
  if (leaving.length > 0) writes.push(db.bankItem.updateMany({ where: { id: { in: leaving } }, data: { retiredAt: now } }));
  if (writes.length > 0) await db.$transaction(writes);
  return summary;
}
