import { EXAM_ITEM_TYPES, RECALL_ITEM_TYPES, type Citation, type ItemType, type Option } from "@/lib/content/bank";

/** Flashcard-like items, reviewed on the Flashcards page; every other type is a quiz question. */
export const RECALL_TYPES: ItemType[] = [...RECALL_ITEM_TYPES];
export const QUIZ_TYPES: ItemType[] = [...EXAM_ITEM_TYPES];

/** A BankItem row's JSON columns, parsed. */
export function parseItem<T extends { options: string; sources: string; factIds: string }>(row: T) {
  return {
    ...row,
    options: JSON.parse(row.options) as Option[],
    sources: JSON.parse(row.sources) as Citation[],
    factIds: JSON.parse(row.factIds) as string[],
  };
}
