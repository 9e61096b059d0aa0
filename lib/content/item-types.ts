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

/** How each format is named to a learner. */
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  flashcard: "Flashcard",
  cloze: "Fill in the blank",
  mcq: "Single answer",
  "statements-which": "Statements",
  "statements-how-many": "How many statements",
  "match-pairs": "Match the pairs",
  "assertion-reason": "Statement-I and Statement-II",
  "list-count": "How many of the above",
  membership: "Which of the above",
  chronology: "Chronological order",
  "best-description": "Best description",
};

