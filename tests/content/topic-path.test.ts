import { describe, expect, it } from "vitest";
import { topicCovers } from "@/lib/content/schema";
import { TOPIC_SEPARATOR, topicLeaf, topicLevels, topicTail } from "@/lib/content/topic-path";

describe("topic paths", () => {
  const topic = "International Relations > India-Japan > 2+2 dialogue";

  it("reads a topic's levels, broadest first", () => {
    expect(topicLevels(topic)).toEqual(["International Relations", "India-Japan", "2+2 dialogue"]);
    expect(topicLevels("Polity")).toEqual(["Polity"]);
  });

  it("names a topic by its narrowest level, and shows its last levels joined by ›", () => {
    expect(topicLeaf(topic)).toBe("2+2 dialogue");
    expect(topicLeaf("Polity")).toBe("Polity");
    expect(topicTail(topic, 2)).toBe("India-Japan › 2+2 dialogue");
    expect(topicTail("Polity", 2)).toBe("Polity");
  });

  it("splits only on the separator, so a level may hold a bare '>' or '-'", () => {
    expect(topicLeaf("Economy > Growth >5% years")).toBe("Growth >5% years");
  });

  it("is the separator the content's subtopic rule uses", () => {
    expect(topicCovers("Polity", `Polity${TOPIC_SEPARATOR}Parliament`)).toBe(true);
    expect(topicCovers("Polity", "Polity>Parliament")).toBe(false);
  });
});
