import { z } from "zod";
import { MAX_COMMENT_LENGTH, MAX_REPLY_LENGTH, REPORT_REASONS, type ReportReason } from "./reasons";

/**
 * Bank item ids: "mcq:aagc-full-form", "assertion-reason:a--b:does-not-explain", "statements-which:0792c7ca1a",
 * and as the generator now makes them, the family and a hash of the wording: "mcq:aagc-full-form~1f2e3d4c".
 */
export const itemParamsSchema = z.strictObject({
  itemId: z.string().min(1).max(300).regex(/^[A-Za-z0-9:._~-]+$/, "not an item id"),
});

export const reportSchema = z.strictObject({
  reason: z.enum(REPORT_REASONS),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT_LENGTH)
    .optional()
    .transform((comment) => comment || undefined),
});
export type ReportInput = { reason: ReportReason; comment?: string };

export const decisionSchema = z.discriminatedUnion("action", [
  // The answer stands: the reply tells the learners why.
  z.strictObject({ action: z.literal("dismiss"), reply: z.string().trim().min(1).max(MAX_REPLY_LENGTH) }),
  z.strictObject({ action: z.literal("withhold") }),
  // After a content change; the note, if any, is shown to the learners.
  z.strictObject({ action: z.literal("fixed"), note: z.string().trim().max(MAX_REPLY_LENGTH).optional() }),
]);
export type Decision = z.infer<typeof decisionSchema>;
