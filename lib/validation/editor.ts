import { z } from "zod";
import { documentMetaSchema } from "@/lib/content/schema";
import { itemParamsSchema } from "@/lib/reports/requests";

/** Approving items: their ids as the bank has them, at most a page of them at once. */
export const approveSchema = z.strictObject({
  itemIds: z.array(itemParamsSchema.shape.itemId).min(1, "name at least one item").max(100),
});

/** A facts file under content/facts/, by name: nothing else may be written. */
export const factFileNameSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/, "name a file of content/facts, like defence-exercises.yaml");

/**
 * A fact draft from the document page. The fact itself is checked by the content's own schema (and the
 * checker), so that the preview shows the same messages as `content:check`; here only its shape.
 */
export const factDraftSchema = z.strictObject({
  file: factFileNameSchema,
  fact: z.record(z.string(), z.unknown()),
});
export type FactDraftInput = z.infer<typeof factDraftSchema>;

export const documentParamsSchema = z.strictObject({ doc: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "not a document id") });

/** A new document: its metadata (the content schema's) and its text, as pasted. */
export const newDocumentSchema = z.strictObject({
  meta: documentMetaSchema.omit({ chrome: true }),
  text: z.string().trim().min(20, "paste the document's text").max(60_000),
});
export type NewDocumentInput = z.infer<typeof newDocumentSchema>;

/** Lines of a document marked as page chrome (not content). */
export const chromeSchema = z.strictObject({
  locator: z.string().regex(/^(line \d+|lines \d+-\d+)$/, 'use "line N" or "lines N-M"'),
});

