import type { ValueType } from "@/lib/content/schema";

/** What the suggestions need of the content: plain data, so that the browser can run them as the author selects. */
export type SuggestEntity = { id: string; name: string; aliases: readonly string[]; type: ValueType };
export type SuggestRelation = { id: string; label: string; valueType: ValueType };

/** Something found in the selected sentence: an entity by one of its spellings, or a typed value. */
export type Found = { start: number; text: string } & ({ kind: "entity"; entityId: string; type: ValueType } | { kind: "value"; type: ValueType });

export type FactSuggestion = {
  found: Found[];
  subject?: string;
  relation?: string;
  value?: { entity: string } | { type: ValueType; text: string };
};

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";

/** Value types read from the words of a sentence, most specific first: a date is not also a year. */
const VALUE_PATTERNS: [ValueType, RegExp][] = [
  ["date", new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS}),? \\d{4}\\b|\\b(?:${MONTHS}) \\d{1,2},? \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`, "g")],
  ["month", new RegExp(`\\b(?:${MONTHS}) \\d{4}\\b`, "g")],
  [
    "money",
    /(?:₹|Rs\.?|INR|US\$|\$|USD|¥|JPY)\s?\d[\d,.]*(?:\s(?:lakh|crore|million|billion|trillion))?|\b\d[\d,.]*\s(?:lakh|crore|million|billion|trillion)?\s?(?:yen|dollars|rupees)\b/g,
  ],
  ["percentage", /\b\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/g],
  ["year", /\b(?:19|20)\d{2}\b/g],
  ["number", /\b\d[\d,]*(?:\.\d+)?\b/g],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Keeps the first and longest of overlapping finds, in sentence order. */
function withoutOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.text.length - a.text.length);
  const kept: Found[] = [];
  for (const candidate of sorted) {
    const last = kept.at(-1);
    if (last && candidate.start < last.start + last.text.length) continue;
    kept.push(candidate);
  }
  return kept;
}

/** Entities named in the sentence (by name or alias, as written) and the typed values in it. */
export function findInSentence(sentence: string, entities: readonly SuggestEntity[]): Found[] {
  const found: Found[] = [];
  for (const entity of entities) {
    for (const spelling of [entity.name, ...entity.aliases]) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(spelling)}(?![\\p{L}\\p{N}])`, "gu");
      for (const match of sentence.matchAll(pattern)) found.push({ kind: "entity", entityId: entity.id, type: entity.type, start: match.index, text: match[0] });
    }
  }
  // Entities first: "the 2+2 of 2019" names an event before it holds a year.
  const entityFinds = withoutOverlaps(found);
  const values: Found[] = [];
  for (const [type, pattern] of VALUE_PATTERNS) {
    for (const match of sentence.matchAll(pattern)) {
      const text = match[0].trim();
      const start = match.index;
      const overlaps = [...entityFinds, ...values].some((other) => start < other.start + other.text.length && other.start < start + text.length);
      if (!overlaps) values.push({ kind: "value", type, start, text });
    }
  }
  return [...entityFinds, ...values].sort((a, b) => a.start - b.start);
}

/** Types that are things a fact is about, rather than what is said of them. */
const SUBJECT_TYPES: readonly ValueType[] = ["event", "exercise", "dialogue", "document", "policy", "organisation", "grouping", "technology", "person"];

/**
 * A first guess at a fact's subject, relation and value from the sentence an author selected: the subject
 * is the first named thing (an event, exercise, dialogue...), the value the first other entity or typed
 * value after it that some relation takes, and the relation the first whose value type fits it. The author corrects.
 */
export function suggestFact(sentence: string, entities: readonly SuggestEntity[], relations: readonly SuggestRelation[]): FactSuggestion {
  const found = findInSentence(sentence, entities);
  const named = found.filter((item): item is Extract<Found, { kind: "entity" }> => item.kind === "entity");
  const subject = named.find((item) => SUBJECT_TYPES.includes(item.type)) ?? named[0];
  const takes = (type: ValueType) => relations.find((relation) => relation.valueType === type);
  const candidates = found.filter((item) => item !== subject && !(item.kind === "entity" && item.entityId === subject?.entityId) && takes(item.type));
  // What is said of a subject usually follows it: "the meeting was held in New Delhi".
  const valueFind = candidates.find((item) => !subject || item.start > subject.start) ?? candidates[0];
  return {
    found,
    subject: subject?.entityId,
    relation: valueFind ? takes(valueFind.type)?.id : undefined,
    value: valueFind ? (valueFind.kind === "entity" ? { entity: valueFind.entityId } : { type: valueFind.type, text: valueFind.text }) : undefined,
  };
}
