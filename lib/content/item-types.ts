/** The formats of the question bank, without the bank itself: safe to import in the browser. */
export const ITEM_TYPES = [
  "flashcard",
  "cloze",
  "mcq",
  "statements-which",
  "statements-how-many",
  "match-pairs",
  "assertion-reason",
  "list-count",
  "membership",
  "chronology",
  "best-description",
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Items answered by recalling a text; the others are answered by choosing an option. */
export const RECALL_ITEM_TYPES: readonly ItemType[] = ["flashcard", "cloze"];

/** Items in the formats of the Prelims paper: the quiz and mock papers are made of these. */
export const EXAM_ITEM_TYPES: readonly ItemType[] = ITEM_TYPES.filter((type) => !RECALL_ITEM_TYPES.includes(type));

/**
 * How each format is named to a learner: by what its question asks, as UPSC aspirants tell the Prelims
 * types apart ("how many" statements since 2023 against the older "which" with codes; a list asked by
 * count or by codes). The one home of these names: every page that names a format uses formatName.
 */
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  flashcard: "Flashcard",
  cloze: "Fill in the blank",
  mcq: "Direct question",
  "statements-which": "Statements: which are correct (codes)",
  "statements-how-many": "Statements: how many are correct",
  "match-pairs": "Pairs: how many correctly matched",
  "assertion-reason": "Statement-I and Statement-II",
  "list-count": "List: how many of the above",
  membership: "List: which of the above (codes)",
  chronology: "Chronological order",
  "best-description": "Which best describes",
};

function isItemType(type: string): type is ItemType {
  return (ITEM_TYPES as readonly string[]).includes(type);
}

/** A format's name for a type read as text (a quiz question's, a report's); an unknown type by itself. */
export function formatName(type: string): string {
  return isItemType(type) ? ITEM_TYPE_LABELS[type] : type;
}
