import { expect, it } from "vitest";
import { loadBank } from "@/lib/content/bank";
import { itemParamsSchema } from "@/lib/reports/requests";

// The report and editor routes take an item id in the path: every id the generator makes must pass,
// including its "family~hash" form, or reporting that item answers 400.
it("accepts every item id of the bank and refuses what is not an id", () => {
  const { items } = loadBank();
  expect(items.length).toBeGreaterThan(0);
  const refused = items.filter((item) => !itemParamsSchema.safeParse({ itemId: item.id }).success).map((item) => item.id);
  expect(refused).toEqual([]);
  for (const bad of ["", "mcq:a b", "mcq:a/b", "../etc", "mcq:<x>"]) expect(itemParamsSchema.safeParse({ itemId: bad }).success).toBe(false);
});
