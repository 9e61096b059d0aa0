import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ITEM_TYPES } from "./item-types";
import { documentMetaSchema } from "./schema";

export { EXAM_ITEM_TYPES, ITEM_TYPES, RECALL_ITEM_TYPES, type ItemType } from "./item-types";
export const itemTypeSchema = z.enum(ITEM_TYPES);

export const optionSchema = z.object({ id: z.string(), text: z.string() });
export type Option = z.infer<typeof optionSchema>;

export const citationSchema = z.object({ doc: z.string(), locator: z.string(), quote: z.string() });
export type Citation = z.infer<typeof citationSchema>;

export const bankItemSchema = z.object({
  id: z.string(),
  type: itemTypeSchema,
  prompt: z.string(),
  options: z.array(optionSchema),
  /** The correct option's id, or for flashcards and cloze the answer text. */
  answer: z.string(),
  explanation: z.string(),
  sources: z.array(citationSchema),
  topic: z.string(),
  factIds: z.array(z.string()),
  /**
   * The things (entity ids) the item is about: its facts' subjects and, for a description, those of the
   * descriptions it offers. Two questions about one thing never share a quiz: one would give the other away.
   */
  subjects: z.array(z.string()).default([]),
  /**
   * Statement items only (which / how many / pairs / list count / membership): each numbered statement,
   * pair or entry in the prompt's order, the fact it rests on (null for an entry there only to be false)
   * and whether it is true, so that a learner's verdict on each rates that fact alone. Gives the key away:
   * never sent before an answer.
   */
  statements: z.array(z.object({ factId: z.string().nullable(), correct: z.boolean() })).optional(),
  /** The newest as-of date of the facts the item uses. */
  asOf: z.string().optional(),
});
export type BankItem = z.infer<typeof bankItemSchema>;
export type ItemStatement = NonNullable<BankItem["statements"]>[number];

export const bankFactSchema = z.object({
  id: z.string(),
  statement: z.string(),
  topic: z.string(),
  asOf: z.string(),
  timeSensitive: z.boolean(),
  note: z.string().optional(),
  /** The source is wrong or imprecise: what the record says. Such a fact is shown, never asked. */
  editorialNote: z.string().optional(),
  sources: z.array(citationSchema),
});
export type BankFact = z.infer<typeof bankFactSchema>;

export const bankSchema = z.object({
  version: z.literal(1),
  /** Hash of the content the bank was built from: tells a stale bank apart. */
  contentHash: z.string(),
  documents: z.array(documentMetaSchema),
  facts: z.array(bankFactSchema),
  items: z.array(bankItemSchema),
});
export type Bank = z.infer<typeof bankSchema>;

export const BANK_FILE = path.join("content", "generated", "bank.json");

let cached: { file: string; mtimeMs: number; bank: Bank } | undefined;

/** The generated question bank, validated once and cached until the file changes. */
export function loadBank(file = path.resolve(BANK_FILE)): Bank {
  const { mtimeMs } = fs.statSync(file);
  if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.bank;
  const bank = bankSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  cached = { file, mtimeMs, bank };
  return bank;
}

/** The bank as committed: stable key order and a final newline, so rebuilds diff cleanly. */
export function serialiseBank(bank: Bank): string {
  return `${JSON.stringify(bank, null, 2)}\n`;
}
