import { z } from "zod";
import { TOPIC_SEPARATOR } from "./topic-path";

export const VALUE_TYPES = [
  "year",
  "date",
  "month",
  "number",
  "money",
  "percentage",
  "place",
  "country",
  "person",
  "armed-service",
  "organisation",
  "grouping",
  "document",
  "event",
  "exercise",
  "dialogue",
  "policy",
  "technology",
  "text",
] as const;

export const valueTypeSchema = z.enum(VALUE_TYPES);
export type ValueType = z.infer<typeof valueTypeSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lower-case letters and digits joined by hyphens, e.g. veer-guardian");

/** YYYY-MM-DD, YYYY-MM or YYYY: content is often dated only to the month or year. */
export const partialDateSchema = z
  .union([z.string(), z.date(), z.number()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)))
  .pipe(z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "use YYYY-MM-DD, YYYY-MM or YYYY"));

export const documentKindSchema = z.enum(["official-statement", "news", "exam-notes"]);

export const documentMetaSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
  publisher: z.string().min(1),
  kind: documentKindSchema,
  eventsDate: partialDateSchema,
  published: partialDateSchema.optional(),
  paragraphs: z.literal("numbered").optional(),
  /**
   * Lines of the captured page that are not the document's content (adverts, newsletter boxes, "More like
   * this", site navigation): shown dimmed and labelled in the Library, never citable.
   */
  chrome: z.array(z.string().regex(/^(line \d+|lines \d+-\d+)$/, 'use "line N" or "lines N-M"')).optional(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const entitySchema = z.strictObject({
  id: idSchema,
  type: valueTypeSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** "the" when the name takes the definite article mid-sentence ("the United States", "the Quad"). */
  article: z.literal("the").optional(),
  /**
   * The fine kind that makes two entities interchangeable as a near-miss trap ("disputed territory",
   * "city", "port"). Places, organisations, events, documents, policies, dialogues, technologies and text
   * without a kind are never offered as a distractor: "Djibouti" is no trap for a disputed territory.
   */
  kind: z.string().trim().min(2).optional(),
  /**
   * An occurrence of a series that meets again (a Quad Foreign Ministers' Meeting, a G20 summit): a date is
   * asked of it only where the question names it by edition ("the second ..."), for "the Quad Foreign
   * Ministers' Meeting in Tokyo was held on _____" fits the one of 2020 as well as the one of 2024.
   */
  recurring: z.literal(true).optional(),
  /**
   * A person's terms in office, from the public record ("to" left out while in office). A wrong year for an
   * event that names the person lies within the term the true date lies in: no "President Kovind ... in 2007".
   */
  terms: z.array(z.strictObject({ office: z.string().trim().min(3), from: partialDateSchema, to: partialDateSchema.optional() })).min(1).optional(),
});
export type Entity = z.infer<typeof entitySchema>;

export const relationSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1),
  valueType: valueTypeSchema,
  cardinality: z.enum(["one", "many"]),
  question: z.string().trim().min(5),
  pairColumns: z.tuple([z.string().min(1), z.string().min(1)]).optional(),
  /**
   * The author vouches that another subject's value of this relation (within the same topic area) is a
   * plausible near miss, so a false statement may be made by swapping it in. Without it, false statements
   * come only from a fact's traps, numeric near misses and complete lists.
   */
  swap: z.boolean().default(false),
  /** Values are descriptions: questions read "Which one of the following best describes {subject}?". */
  describes: z.boolean().default(false),
  /** How a fact of this relation reads as an event in a chronology item, e.g. "Signing of the {subject}". */
  eventPhrase: z.string().trim().min(5).optional(),
});
export type Relation = z.infer<typeof relationSchema>;

export const LOCATOR_PATTERN = /^(para (\d+)|line (\d+)|lines (\d+)-(\d+))$/;

export const sourceRefSchema = z.strictObject({
  doc: idSchema,
  locator: z.string().regex(LOCATOR_PATTERN, 'use "para N", "line N" or "lines N-M"'),
  quote: z.string().trim().min(3, "quote the passage that supports the fact"),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const factValueSchema = z.union([
  z.strictObject({ entity: idSchema }),
  z.strictObject({ type: valueTypeSchema, text: z.string().trim().min(1) }),
]);
export type FactValue = z.infer<typeof factValueSchema>;

/**
 * A false variant of a fact, written by the author as a near miss an aspirant could believe, with the
 * reason it is false. Either the value swapped (the statement is rewritten around it) or a whole sentence.
 */
export const trapSchema = z.union([
  z.strictObject({ value: factValueSchema, why: z.string().trim().min(5) }),
  z.strictObject({ statement: z.string().trim().min(10), why: z.string().trim().min(5) }),
]);
export type TrapInput = z.infer<typeof trapSchema>;

export const factSchema = z.strictObject({
  id: idSchema,
  statement: z.string().trim().min(10),
  topic: z.string().trim().min(1).optional(),
  asOf: partialDateSchema,
  subject: idSchema,
  relation: idSchema,
  value: factValueSchema,
  timeSensitive: z.boolean().default(false),
  /**
   * Ids of facts this one is the reason for (Statement-II explains Statement-I), each with the link in
   * words where "A because B" would not read right ("2014 plus ten years is 2024").
   */
  explains: z.array(z.union([idSchema, z.strictObject({ fact: idSchema, why: z.string().trim().min(10) })])).default([]),
  /**
   * Ids of true facts close to this one that it does NOT explain: the author vouches for the pair, so a
   * Statement-I/II item can be keyed "Statement-II is not the correct explanation for Statement-I".
   */
  doesNotExplain: z.array(z.union([idSchema, z.strictObject({ fact: idSchema, why: z.string().trim().min(10) })])).default([]),
  question: z.string().trim().min(5).optional(),
  note: z.string().trim().min(1).optional(),
  /**
   * Worth recalling but no statement a paper-setter would set ("the call lasted about 65 minutes", who held
   * which portfolio on the day): drilled by flashcards and cloze only, never judged in a statement set.
   */
  cardOnly: z.boolean().default(false),
  /**
   * The source is wrong or imprecise here: what the public record says. The fact is shown in the Library
   * with this note and is never used in a question until it is corrected.
   */
  editorialNote: z.string().trim().min(10).optional(),
  /**
   * For a dated event told through the persons at it ("a Modi-Abe summit in Tokyo in October 2018"): the
   * span in which another date keeps the sentence possible (Abe was Prime Minister until September 2020).
   * A wrong date outside it is no trap: the record, not the item, rules it out.
   */
  possibleDates: z.strictObject({ from: partialDateSchema, to: partialDateSchema, why: z.string().trim().min(10) }).optional(),
  traps: z.array(trapSchema).default([]),
  sources: z.array(sourceRefSchema).min(1, "cite at least one source"),
});
export type FactInput = z.infer<typeof factSchema>;

/**
 * Whether `candidate` is `topic` or one of its subtopics ("Polity" covers "Polity > Parliament", not
 * "Polity2" or "polity"): compared exactly, as stored, never as a pattern.
 */
export function topicCovers(topic: string, candidate: string): boolean {
  return candidate === topic || candidate.startsWith(`${topic}${TOPIC_SEPARATOR}`);
}

export const factFileSchema = z.strictObject({
  topic: z.string().trim().min(1).optional(),
  /** What the file's facts are about, as it reads after "With reference to": statement sets use it. */
  about: z.string().trim().min(5).optional(),
  facts: z.array(z.unknown()),
});

/**
 * A list the author declares complete as of a date: the facts with this subject and relation are all its
 * members. Only then can "X is one of ..." be made false, and list-count and membership items be set.
 */
export const completeListSchema = z.strictObject({
  id: idSchema,
  subject: idSchema,
  relation: idSchema,
  asOf: partialDateSchema,
  /**
   * Whether membership can change over time (India's 2+2 partners): items then say "As of <asOf>". A list
   * of what one document named is fixed, and says no "as of".
   */
  timeSensitive: z.boolean().default(true),
  /** What the options are, plural: "countries", "groupings". */
  noun: z.string().trim().min(3),
  /** "With how many of the above countries does India hold a 2+2 ministerial dialogue?" */
  countQuestion: z.string().trim().min(10),
  /** "With which of the above countries does India hold a 2+2 ministerial dialogue?" */
  whichQuestion: z.string().trim().min(10),
  /**
   * "Name the countries with which India holds a 2+2 ministerial dialogue." Left out where the list is
   * complete only among the candidates it considers (India's groupings): then no card asks for all of it.
   */
  recallQuestion: z.string().trim().min(10).optional(),
  /**
   * Entities that are plausible but not members: the traps of list items. With `why`, what the record
   * says of it (explanations then say why it is not on the list, not merely that it is absent).
   */
  nonMembers: z.array(z.union([idSchema, z.strictObject({ entity: idSchema, why: z.string().trim().min(10) })])).min(1),
  /** Why the list is complete, and how it relates to the sources. */
  note: z.string().trim().min(10),
  sources: z.array(sourceRefSchema).min(1, "cite at least one source"),
});
export type CompleteList = z.infer<typeof completeListSchema>;
