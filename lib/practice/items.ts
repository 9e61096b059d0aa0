import type { Citation, ItemType, Option } from "@/lib/content/bank";

/** Flashcard-like items, reviewed on the Flashcards page; every other type is a quiz question. */
export const RECALL_TYPES: ItemType[] = ["flashcard", "cloze"];
export const QUIZ_TYPES: ItemType[] = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];

/** A BankItem row's JSON columns, parsed. */
export function parseItem<T extends { options: string; sources: string; factIds: string }>(row: T) {
  return {
    ...row,
    options: JSON.parse(row.options) as Option[],
    sources: JSON.parse(row.sources) as Citation[],
    factIds: JSON.parse(row.factIds) as string[],
  };
}
