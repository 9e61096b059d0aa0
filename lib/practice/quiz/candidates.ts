import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { type Candidate, siblingKeysOf } from "@/lib/quiz/assemble";
import { NOT_WITHHELD } from "@/lib/reports/withheld";
import { QUIZ_TYPES } from "../items";

export const ALL_SEEN = "You have seen every question in the bank, and none is due again today. Come back tomorrow: questions return as they fall due.";

const FRESH_CANDIDATES = 400;
const MISTAKE_LOOKBACK = 500;

export const CANDIDATE_FIELDS = { id: true, topic: true, type: true, factIds: true, subjects: true } as const;

/** A bank row as a quiz candidate, kept apart from its siblings by the one rule of every quiz (siblingKeysOf). */
export function toCandidate(item: { id: string; topic: string; type: string; factIds: string; subjects: string }): Candidate {
  const siblingKeys = siblingKeysOf({ factIds: JSON.parse(item.factIds) as string[], subjects: JSON.parse(item.subjects) as string[] });
  return { itemId: item.id, topic: item.topic, type: item.type, siblingKeys };
}

/** Items asked in any of the user's quizzes made since `since` (the start of their day). */
export async function itemsAskedSince(db: Db, userId: string, since: Date): Promise<string[]> {
  const rows = await db.quizQuestion.findMany({ where: { quiz: { userId, startedAt: { gte: since } } }, select: { itemId: true } });
  return rows.map((row) => row.itemId);
}

/** Questions the user has answered before that fall due before `dueBefore` (the end of their day), most overdue first. */
export async function dueQuizCandidates(db: Db, userId: string, dueBefore: Date, size: number, exclude: string[]): Promise<Candidate[]> {
  const cards = await db.card.findMany({
    where: { userId, state: { not: State.New }, due: { lt: dueBefore }, itemId: { notIn: exclude }, item: { type: { in: QUIZ_TYPES }, retiredAt: null, ...NOT_WITHHELD } },
    orderBy: { due: "asc" },
    take: size,
    select: { item: { select: CANDIDATE_FIELDS } },
  });
  return cards.map((card) => toCandidate(card.item));
}

/**
 * Questions the user has never had rated (no card, or a card still new) and not asked today, a sample
 * of at most FRESH_CANDIDATES for assembleQuiz to spread over topics and formats. Taken in content-hash
 * order, which is fixed but unrelated to type or topic: ids start with the type ("mcq:…"), so id order
 * would fill the sample with the first formats alphabetically once the bank outgrows it.
 */
export async function freshQuizCandidates(db: Db, userId: string, exclude: string[]): Promise<Candidate[]> {
  const items = await db.bankItem.findMany({
    where: { type: { in: QUIZ_TYPES }, retiredAt: null, ...NOT_WITHHELD, id: { notIn: exclude }, cards: { none: { userId, state: { not: State.New } } } },
    orderBy: [{ contentHash: "asc" }, { id: "asc" }],
    take: FRESH_CANDIDATES,
    select: CANDIDATE_FIELDS,
  });
  return items.map((item) => toCandidate(item));
}

/** Questions whose latest answer was wrong, most recent first. */
export async function lastAnsweredWrong(db: Db, userId: string): Promise<Candidate[]> {
  const answers = await db.quizQuestion.findMany({
    where: { quiz: { userId }, answeredAt: { not: null }, item: { retiredAt: null, ...NOT_WITHHELD } },
    orderBy: { answeredAt: "desc" },
    take: MISTAKE_LOOKBACK,
    select: { correct: true, item: { select: CANDIDATE_FIELDS } },
  });
  const latest = new Map<string, { correct: boolean | null; candidate: Candidate }>();
  for (const answer of answers) {
    if (!latest.has(answer.item.id)) latest.set(answer.item.id, { correct: answer.correct, candidate: toCandidate(answer.item) });
  }
  return [...latest.values()].filter(({ correct }) => correct === false).map(({ candidate }) => candidate);
}
