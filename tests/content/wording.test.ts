import { describe, expect, it } from "vitest";
import type { Fact } from "@/lib/content/check";
import {
  asOf,
  BLANK,
  datedStatement,
  descriptionHead,
  fillSubject,
  lowerOpening,
  monthYear,
  numbered,
  readsAsPast,
  replaceValue,
  sentence,
  statementWithBlank,
  valueInSentence,
  withLeadingPhrase,
} from "@/lib/content/generate/wording";
import type { LoadedEntity } from "@/lib/content/load";

function fact(fields: Partial<Fact>): Fact {
  return {
    id: "f",
    statement: "India holds 2+2 dialogues with six partners.",
    topic: "International Relations > India-Japan",
    asOf: "2024-08-20",
    timeSensitive: false,
    subject: "india",
    subjectName: "India",
    relation: "partner-count",
    value: { type: "number", text: "six", textInStatement: "six" },
    traps: [],
    explains: [],
    doesNotExplain: [],
    sources: [],
    ...fields,
  } as Fact;
}

describe("dates", () => {
  it("reads a partial date as UPSC writes it", () => {
    expect(monthYear("2024-08-20")).toBe("August 2024");
    expect(monthYear("2022-09")).toBe("September 2022");
    expect(monthYear("2019")).toBe("2019");
  });

  it("puts 'As of' before a present state and keeps a name's capital", () => {
    expect(asOf("2024-08", "India holds 2+2 dialogues with six partners.")).toBe("As of August 2024, India held 2+2 dialogues with six partners.");
    expect(asOf("2024-08", "The Quad has four members.")).toBe("As of August 2024, the Quad had four members.");
    expect(withLeadingPhrase("In 2019", "Which country joined?")).toBe("In 2019, which country joined?");
    expect(lowerOpening("Japan is a member.")).toBe("Japan is a member.");
  });

  it("never puts 'As of' before a sentence in the past tense", () => {
    expect(readsAsPast("What was the value of Japan's trade with India in FY 2023-24?")).toBe(true);
    expect(readsAsPast("The treaty was signed in 1952 and is in force.")).toBe(false);
    expect(readsAsPast("India holds 2+2 dialogues with six partners.")).toBe(false);
    expect(readsAsPast("Japan’s bilateral trade with India totalled US$ 22.85 billion during FY 2023-24.")).toBe(true);
    expect(readsAsPast("Japan has joined sanctions against Russia.")).toBe(false);
    expect(readsAsPast("India holds a 2+2 dialogue with the United Kingdom.")).toBe(false);
    expect(asOf("2024-08", "What was the value of Japan's trade with India in FY 2023-24?")).toBe("What was the value of Japan's trade with India in FY 2023-24?");
  });

  it("dates only time-sensitive statements", () => {
    expect(datedStatement(fact({ timeSensitive: true }))).toBe("As of August 2024, India held 2+2 dialogues with six partners.");
    expect(datedStatement(fact({ timeSensitive: false }))).toBe("India holds 2+2 dialogues with six partners.");
    expect(statementWithBlank(fact({ timeSensitive: true }))).toBe(`As of August 2024, India held 2+2 dialogues with ${BLANK} partners.`);
  });
});

describe("names in sentences", () => {
  const quad = { name: "Quad", article: "the" as const };
  const japan = { name: "Japan", article: undefined };

  it("gives the subject its article only where the entity takes one and the template has none", () => {
    expect(fillSubject("Where was {subject} held?", quad)).toBe("Where was the Quad held?");
    expect(fillSubject("{subject} met in Tokyo.", quad)).toBe("The Quad met in Tokyo.");
    expect(fillSubject("Where was the {subject} held?", quad)).toBe("Where was the Quad held?");
    expect(fillSubject("What is the capital of {subject}?", japan)).toBe("What is the capital of Japan?");
    expect(fillSubject("What is {subject}?", "JCM")).toBe("What is JCM?");
  });

  it("writes an entity value with its article", () => {
    const entities = new Map<string, LoadedEntity>([["united-states", { id: "united-states", name: "United States", article: "the" } as LoadedEntity]]);
    expect(valueInSentence({ text: "United States", entityId: "united-states" }, entities)).toBe("the United States");
    expect(valueInSentence({ text: "Japan" }, entities)).toBe("Japan");
  });

  it("swaps a value with the articles it needs", () => {
    expect(replaceValue("The ISA is an India-led initiative.", "India", "China")).toBe("The ISA is a China-led initiative.");
    expect(replaceValue("It is a Japan-led initiative.", "Japan", "India")).toBe("It is an India-led initiative.");
    expect(replaceValue("The United States is a partner.", "United States", "Japan")).toBe("Japan is a partner.");
    expect(replaceValue("Japan is a partner.", "Japan", "the United States")).toBe("The United States is a partner.");
    expect(replaceValue("It met in the Tokyo area.", "Tokyo", BLANK)).toBe(`It met in the ${BLANK} area.`);
  });
});

describe("descriptions and layout", () => {
  it("finds the head noun a description gives its subject", () => {
    expect(descriptionHead("a bilateral naval exercise between India and Japan")).toBe("exercise");
    expect(descriptionHead("the first multilateral air exercise hosted by the Indian Air Force")).toBe("exercise");
    expect(descriptionHead("a Japanese initiative, announced in 2015, for investment in quality infrastructure in Asia")).toBe("initiative");
    expect(descriptionHead("a mechanism under which Japanese companies earn carbon credits")).toBe("mechanism");
    expect(descriptionHead("an agenda on the leading role of women")).toBe("agenda");
    expect(descriptionHead("a framework launched at the G20 Osaka summit of 2019")).toBe("framework");
  });

  it("numbers lines and ends sentences once", () => {
    expect(numbered(["A", "B"])).toBe("1. A\n2. B");
    expect(sentence("It met")).toBe("It met.");
    expect(sentence("Did it meet?")).toBe("Did it meet?");
  });
});
