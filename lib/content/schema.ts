import { z } from "zod";

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
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const entitySchema = z.strictObject({
  id: idSchema,
  type: valueTypeSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});
export type Entity = z.infer<typeof entitySchema>;

export const relationSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1),
  valueType: valueTypeSchema,
  cardinality: z.enum(["one", "many"]),
  question: z.string().trim().min(5),
  pairColumns: z.tuple([z.string().min(1), z.string().min(1)]).optional(),
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

export const factSchema = z.strictObject({
  id: idSchema,
  statement: z.string().trim().min(10),
  topic: z.string().trim().min(1).optional(),
  asOf: partialDateSchema,
  subject: idSchema,
  relation: idSchema,
  value: factValueSchema,
  timeSensitive: z.boolean().default(false),
  explains: z.array(idSchema).default([]),
  question: z.string().trim().min(5).optional(),
  note: z.string().trim().min(1).optional(),
  sources: z.array(sourceRefSchema).min(1, "cite at least one source"),
});
export type FactInput = z.infer<typeof factSchema>;

export const TOPIC_SEPARATOR = " > ";

/**
 * Whether `candidate` is `topic` or one of its subtopics ("Polity" covers "Polity > Parliament", not
 * "Polity2" or "polity"): compared exactly, as stored, never as a pattern.
 */
export function topicCovers(topic: string, candidate: string): boolean {
  return candidate === topic || candidate.startsWith(`${topic}${TOPIC_SEPARATOR}`);
}

export const factFileSchema = z.strictObject({
  topic: z.string().trim().min(1).optional(),
  facts: z.array(z.unknown()),
});
