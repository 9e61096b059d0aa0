import { z } from "zod";
import { LOCATOR_PATTERN } from "@/lib/content/schema";

/** An empty form field ("?q=") means no filter. */
const optionalText = (max: number, what: string) =>
  z
    .string({ error: `Give ${what} once.` })
    .trim()
    .max(max, `Use at most ${max} characters for ${what}.`)
    .optional()
    .transform((value) => value || undefined);

/** The Library's query string: ?q=words&topic=Topic&page=2. */
export const libraryQuerySchema = z.object({
  q: optionalText(100, "the search"),
  topic: optionalText(200, "the topic"),
  page: z.coerce.number({ error: "The page must be a number." }).int("The page must be a whole number.").min(1, "Pages start at 1.").max(10_000).default(1),
});

/** A document page's query string: ?cite=lines 12-14 marks the passage a citation points at. */
export const documentQuerySchema = z.object({
  cite: z.string({ error: "Give one citation." }).regex(LOCATOR_PATTERN, 'A citation is "para N", "line N" or "lines N-M".').optional(),
});

export const documentParamsSchema = z.object({ doc: z.string().regex(/^[a-z0-9-]+$/).max(100) });
