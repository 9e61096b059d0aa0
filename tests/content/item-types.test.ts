import { describe, expect, it } from "vitest";
import { formatName, ITEM_TYPES } from "@/lib/content/item-types";

describe("formatName", () => {
  it("names every format differently, so a learner can tell the rows of a by-format table apart", () => {
    const names = ITEM_TYPES.map(formatName);
    expect(new Set(names).size).toBe(ITEM_TYPES.length);
  });

  it("tells the 'how many' formats from the 'which' (codes) ones by what they ask", () => {
    expect(formatName("statements-how-many")).toBe("Statements: how many are correct");
    expect(formatName("statements-which")).toBe("Statements: which are correct (codes)");
    expect(formatName("list-count")).toBe("List: how many of the above");
    expect(formatName("membership")).toBe("List: which of the above (codes)");
  });

  it("gives a type it does not know by its own name", () => {
    expect(formatName("odd-one-out")).toBe("odd-one-out");
  });
});
