import { z } from "zod";

export const memoryModelQuerySchema = z.strictObject({
  // Share of the facts studied by exam day that should be remembered on it: what "the lowest retention
  // meeting the target" is measured against.
  examDayTarget: z.coerce.number().min(0.5, "Use at least 0.5.").max(0.99, "Use at most 0.99.").optional(),
});
