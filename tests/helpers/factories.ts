import { randomBytes } from "node:crypto";
import { storedFactIds } from "@/lib/content/seed-bank";
import type { Db } from "@/lib/db/client";

export async function createUser(db: Db, settings: { timeZone?: string; newCardsPerDay?: number; dailyQuizSize?: number; examDate?: string | null } = {}) {
  const email = `user-${randomBytes(5).toString("hex")}@example.in`;
  return db.user.create({ data: { email, passwordHash: "not-used", settings: { create: settings } }, select: { id: true, email: true } });
}

type ItemSeed = { id: string; type?: string; topic?: string; answer?: string; factIds?: string[]; subjects?: string[]; contentHash?: string };

/** Bank items with plausible content: four options a-d for quiz types, the key in `answer`. */
export async function createItems(db: Db, items: ItemSeed[]) {
  await db.bankItem.createMany({
    data: items.map((item) => {
      const type = item.type ?? "flashcard";
      const recall = type === "flashcard" || type === "cloze";
      return {
        id: item.id,
        type,
        topic: item.topic ?? "Topic A",
        prompt: `Question ${item.id}?`,
        options: JSON.stringify(recall ? [] : ["a", "b", "c", "d"].map((id) => ({ id, text: `Option ${id}` }))),
        answer: item.answer ?? (recall ? `Answer ${item.id}` : "b"),
        explanation: `Because ${item.id}.`,
        sources: JSON.stringify([{ doc: "doc-1", locator: "line 1", quote: `Quote for ${item.id}` }]),
        factIds: storedFactIds(item.factIds ?? [item.id.split(":").at(-1)!]),
        subjects: JSON.stringify(item.subjects ?? []),
        contentHash: item.contentHash ?? "test",
      };
    }),
  });
}
