import { afterAll, beforeAll, expect, it } from "vitest";
import type { Bank } from "@/lib/content/bank";
import { loadBank } from "@/lib/content/bank";
import { seedBank } from "@/lib/content/seed-bank";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const LATER = new Date("2026-11-21T10:00:00Z");

describeEachDatabase("seedBank", (provider) => {
  let database: TestDatabase;
  const bank = loadBank();
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("loads every item, then changes nothing on a second run", async () => {
    expect(await seedBank(database.db, bank, NOW)).toEqual({ created: bank.items.length, updated: 0, unchanged: 0, retired: 0, restored: 0 });
    expect(await seedBank(database.db, bank, NOW)).toMatchObject({ created: 0, updated: 0, unchanged: bank.items.length });
    const stored = await database.db.bankItem.findUniqueOrThrow({ where: { id: bank.items[0]!.id } });
    expect(JSON.parse(stored.options)).toEqual(bank.items[0]!.options);
    expect(JSON.parse(stored.sources)).toEqual(bank.items[0]!.sources);
    expect(stored.answer).toBe(bank.items[0]!.answer);
  });

  it("retires items that leave the bank without losing anyone's card, updates changed ones, restores returning ones", async () => {
    const [leaving, changing] = bank.items;
    const user = await database.db.user.create({ data: { email: `seed-${provider}@example.in`, passwordHash: "x" } });
    await database.db.card.create({ data: { userId: user.id, itemId: leaving!.id, due: NOW, reps: 3 } });

    const smaller: Bank = {
      ...bank,
      items: bank.items.slice(1).map((item) => (item.id === changing!.id ? { ...item, explanation: `${item.explanation} (revised)` } : item)),
    };
    expect(await seedBank(database.db, smaller, LATER)).toMatchObject({ retired: 1, updated: 1, created: 0 });
    const retired = await database.db.bankItem.findUniqueOrThrow({ where: { id: leaving!.id }, include: { cards: true } });
    expect(retired.retiredAt).toEqual(LATER);
    expect(retired.cards).toHaveLength(1);
    expect((await database.db.bankItem.findUniqueOrThrow({ where: { id: changing!.id } })).explanation).toMatch(/\(revised\)$/);

    expect(await seedBank(database.db, bank, LATER)).toMatchObject({ restored: 1, updated: 1, retired: 0 });
    expect((await database.db.bankItem.findUniqueOrThrow({ where: { id: leaving!.id } })).retiredAt).toBeNull();
    expect(await database.db.bankItem.count()).toBe(bank.items.length);
  });
});
