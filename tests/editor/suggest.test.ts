import { describe, expect, it } from "vitest";
import { findInSentence, suggestFact, type SuggestEntity, type SuggestRelation } from "@/lib/editor/suggest";

const entities: SuggestEntity[] = [
  { id: "india", name: "India", aliases: [], type: "country" },
  { id: "japan", name: "Japan", aliases: [], type: "country" },
  { id: "united-states", name: "United States", aliases: ["US"], type: "country" },
  { id: "new-delhi", name: "New Delhi", aliases: [], type: "place" },
  { id: "third-2plus2", name: "third India-Japan 2+2 ministerial meeting", aliases: ["third Japan-India 2+2"], type: "event" },
];
const relations: SuggestRelation[] = [
  { id: "held-on", label: "date held", valueType: "date" },
  { id: "venue", label: "venue", valueType: "place" },
  { id: "amount", label: "amount", valueType: "money" },
];

describe("suggestions from a selected sentence", () => {
  it("finds entities by name or alias, whole words only, and typed values, in sentence order", () => {
    const found = findInSentence("The third Japan-India 2+2 was held in New Delhi on 20 August 2024; the USA and US attended, with ₹5,000 crore and 12.5% more.", entities);
    expect(found.map((item) => [item.text, item.kind === "entity" ? item.entityId : item.type])).toEqual([
      ["third Japan-India 2+2", "third-2plus2"],
      ["New Delhi", "new-delhi"],
      ["20 August 2024", "date"],
      ["US", "united-states"],
      ["₹5,000 crore", "money"],
      ["12.5%", "percentage"],
    ]);
  });

  it("tells years, months and plain numbers apart", () => {
    const found = findInSentence("In September 2022, four partners; since 2019, 1,200 troops.", entities);
    expect(found.map((item) => [item.text, item.type])).toEqual([
      ["September 2022", "month"],
      ["2019", "year"],
      ["1,200", "number"],
    ]);
  });

  it("suggests the event as subject, and the first later value some relation takes", () => {
    expect(suggestFact("India and Japan held the third India-Japan 2+2 ministerial meeting in New Delhi on 20 August 2024.", entities, relations)).toMatchObject({
      subject: "third-2plus2",
      relation: "venue",
      value: { entity: "new-delhi" },
    });
    expect(suggestFact("Nothing to see here.", entities, relations)).toEqual({ found: [], subject: undefined, relation: undefined, value: undefined });
  });
});
