import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { buildBank, withImpliedFacts } from "@/lib/content/generate/build";
import { nearMissOrders, stemSettles } from "@/lib/content/generate/formats";
import { seededRandom } from "@/lib/content/generate/random";
import { factSchema } from "@/lib/content/schema";
import { loadContent } from "@/lib/content/load";
import type { BankItem } from "@/lib/content/bank";
import { siblingKeysOf } from "@/lib/quiz/assemble";

// The ninth round of examiners' findings (issue #13, reviews of seeds 12801 and 12802 of the round-8 bank):
// each generator cause pinned by known-bad input, and where the rule holds over a whole bank, by the bank built from the real content.
const realContent = checkContent(loadContent(path.resolve("content")));
const realBank = buildBank(realContent, "test");
const itemById = (prefix: string) => realBank.items.find((item) => item.id.startsWith(prefix))!;

describe("1. a printed line that tells another fact's description in other words keeps the two items apart", () => {
  it("a card whose question says Indian forces 'obtain supplies and services under the ACSA' is a sibling of the item asking what the ACSA is", () => {
    const card = itemById("flashcard:acsa-india-access-djibouti");
    const badCard = { ...card, id: "flashcard:known-bad~0", prompt: "In which country is Japan's only overseas military base, where Indian forces can obtain supplies and services under the India-Japan ACSA?" };
    const [marked] = withImpliedFacts([badCard], realContent.facts, realContent);
    expect(marked!.subjects).toContain("fact:acsa-description");
  });

  it("the same card worded without the description implies nothing of it, and the real card is so worded", () => {
    const card = itemById("flashcard:acsa-india-access-djibouti");
    expect(card.prompt).not.toMatch(/supplies and services/i);
    const [marked] = withImpliedFacts([card], realContent.facts, realContent);
    expect(marked!.subjects).not.toContain("fact:acsa-description");
  });
});

describe("2. a stem naming a relationship settles a trap that moves one of the pair away", () => {
  it("'JIMEX is held with Australia' is settled under 'India-Japan defence cooperation', not under a stem naming no pair", () => {
    expect(stemSettles("India-Japan defence cooperation and military exercises", "Japan", "Australia")).toBe(true);
    expect(stemSettles("India-Japan defence cooperation and military exercises", "Japan", "the United States")).toBe(true);
    expect(stemSettles("India's bilateral military exercises", "Japan", "Australia")).toBe(false);
    // A swap between things that are not the pair is untouched by the rule.
    expect(stemSettles("India-Japan defence cooperation and military exercises", "the Indian Navy", "the Indian Air Force")).toBe(false);
  });

  it("in the real bank no statement under an 'India-Japan' stem is false by moving Japan to another country", () => {
    const otherCountries = [...realContent.entities.values()].filter((entity) => entity.type === "country" && !["india", "japan"].includes(entity.id)).flatMap((entity) => [entity.name, ...entity.aliases]);
    expect(otherCountries).toContain("Australia");
    const sets = realBank.items.filter((item) => (item.type === "statements-which" || item.type === "statements-how-many") && /^With reference to [^,]*India-Japan/.test(item.prompt));
    expect(sets.length).toBeGreaterThan(5);
    for (const item of sets) {
      const lines = item.prompt.split("\n").filter((line) => /^\d\. /.test(line));
      item.statements!.forEach((statement, index) => {
        const fact = realContent.facts.find((one) => one.id === statement.factId)!;
        if (!statement.correct && fact.value.text === "Japan") expect(otherCountries.filter((name) => new RegExp(`\\b${name}\\b`).test(lines[index]!)), item.id).toEqual([]);
      });
    }
  });
});

describe("3. cardOnly facts are drilled by cards, never judged as statements", () => {
  it("the flag defaults to false", () => {
    const parsed = factSchema.parse({ id: "x-fact", statement: "A statement long enough.", asOf: "2024", subject: "x", relation: "y", value: { entity: "z" }, sources: [{ doc: "d", locator: "line 1", quote: "a quoted passage" }] });
    expect(parsed.cardOnly).toBe(false);
  });

  it("the real content's trivia (the 65-minute call, the four portfolios) has cards and no statement set or pairs item", () => {
    const cardOnly = realContent.facts.filter((fact) => fact.cardOnly).map((fact) => fact.id);
    expect(cardOnly).toEqual(expect.arrayContaining(["modi-meeting-duration", "kamikawa-portfolio", "kihara-portfolio", "jaishankar-portfolio", "rajnath-singh-portfolio"]));
    for (const id of cardOnly) {
      const asking = realBank.items.filter((item) => item.factIds.includes(id));
      expect(asking.some((item) => item.type === "flashcard" || item.type === "cloze"), id).toBe(true);
      expect(asking.filter((item) => item.type.startsWith("statements") || item.type === "assertion-reason" || item.type === "match-pairs").map((item) => item.id), id).toEqual([]);
    }
  });
});

describe("4. every stem covers its statements", () => {
  it("no statement set puts a way-forward fact under 'the challenges in India-Japan relations' alone, nor the IFC-IOR under defence cooperation", () => {
    for (const item of realBank.items.filter((one) => one.type.startsWith("statements"))) {
      expect(item.prompt, item.id).not.toMatch(/^With reference to the challenges in India-Japan relations,/);
      if (/^With reference to India-Japan defence cooperation/.test(item.prompt)) expect(item.prompt, item.id).not.toMatch(/IFC-IOR/);
    }
  });
});

describe("5. a chronology item's options do not point to the key (seed 13102: all five solved knowing no date)", () => {
  const swaps = (a: readonly string[], b: readonly string[]) => {
    let count = 0;
    for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (b.indexOf(a[i]!) > b.indexOf(a[j]!)) count++;
    return count;
  };
  const samePlaces = (a: readonly string[], b: readonly string[]) => a.filter((event, index) => b[index] === event).length;
  /** Whether the key is the one order closest to all others, or the one with most events in the others' places. */
  const keyStandsOut = (key: readonly string[], wrong: readonly (readonly string[])[]) => {
    const all = [key, ...wrong];
    const centrality = (option: readonly string[]) => all.reduce((sum, other) => sum + swaps(option, other), 0);
    const typicality = (option: readonly string[]) => all.reduce((sum, other) => sum + (other === option ? 0 : samePlaces(option, other)), 0);
    return wrong.every((option) => centrality(option) > centrality(key)) || wrong.every((option) => typicality(option) < typicality(key));
  };

  it("the three single swaps of neighbours, as round 8 offered them, make the key stand out", () => {
    expect(keyStandsOut(["1", "2", "3", "4"], [["2", "1", "3", "4"], ["1", "3", "2", "4"], ["1", "2", "4", "3"]])).toBe(true);
  });

  it("nearMissOrders never lets the key stand out, with or without obvious pairs", () => {
    const obviousPairs = [() => false, (earlier: number, later: number) => earlier === 1 && later === 2, (earlier: number, later: number) => earlier === 3 && later === 4];
    for (const obvious of obviousPairs)
      for (let run = 0; run < 10; run++) {
        const wrong = nearMissOrders([1, 2, 3, 4], obvious, seededRandom(`balance-${run}`));
        expect(wrong).toHaveLength(3);
        expect(keyStandsOut(["1", "2", "3", "4"], wrong.map((order) => order.map(String)))).toBe(false);
      }
  });

  it("holds over the real bank, which still has chronology items", () => {
    const items = realBank.items.filter((item) => item.type === "chronology");
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      const key = item.options.find((option) => option.id === item.answer)!.text.split("-");
      const wrong = item.options.filter((option) => option.id !== item.answer).map((option) => option.text.split("-"));
      expect(keyStandsOut(key, wrong), item.id).toBe(false);
    }
  });
});

describe("4. what a quiz shows after an answer (explanation and source quotes) keeps apart the items it answers (examiner 13201)", () => {
  const keysOf = (item: BankItem) => new Set(siblingKeysOf(item));
  const shareAKey = (one: BankItem, other: BankItem) => [...keysOf(one)].some((key) => keysOf(other).has(key));
  const venueQuestion = itemById("mcq:third-2plus2-venue");

  it("#8's quote 'who arrived in New Delhi', read with the arrival it backs, tells the third 2+2's city (#30)", () => {
    const [chronology, venue] = withImpliedFacts([reportedChronology, venueQuestion], realContent.facts, realContent);
    expect(chronology!.subjects).toContain("fact:third-2plus2-venue");
    expect(shareAKey(chronology!, venue!)).toBe(true);
  });

  it("the same chronology without its quotes (its events say 'in India') implies no venue", () => {
    const [chronology] = withImpliedFacts([{ ...reportedChronology, sources: [] }], realContent.facts, realContent);
    expect(chronology!.subjects).not.toContain("fact:third-2plus2-venue");
  });

  it("#42's quote of the joint statement ('held the third Japan-India 2+2 ... in New Delhi') tells the venue (#30)", () => {
    const [statements, venue] = withImpliedFacts([reportedPartnerStatements, venueQuestion], realContent.facts, realContent);
    expect(statements!.subjects).toContain("fact:third-2plus2-venue");
    expect(shareAKey(statements!, venue!)).toBe(true);
  });

  it("#34's explanation and quotes of notes lines 98-99 never share a quiz with #22, the count of India's groupings", () => {
    const [japanGroupings, indiaCount] = withImpliedFacts([reportedJapanGroupings, reportedIndiaGroupingsCount], realContent.facts, realContent);
    expect(shareAKey(japanGroupings!, indiaCount!)).toBe(true);
  });

  it("in the real bank, every item whose quotes name the third 2+2's city is kept apart from the venue question", () => {
    const quoting = realBank.items.filter((item) => item.id !== venueQuestion.id && item.sources.some((source) => /third (India-Japan|Japan-India) 2\+2.* in New Delhi/.test(source.quote)));
    expect(quoting.length).toBeGreaterThan(0);
    for (const item of quoting) expect(shareAKey(item, venueQuestion), item.id).toBe(true);
  });
});

// #8 of the report, as the bank of content 437b751fb8740efa printed it.
const reportedChronology: BankItem = {
  "id": "chronology:6f7b3db0c6~665e1906",
  "type": "chronology",
  "topic": "International Relations > India-Japan > 2+2 dialogue > Third 2+2 meeting",
  "prompt": "Consider the following events:\n1. Arrival of Japan's Foreign and Defence Ministers in India for the third India-Japan 2+2\n2. First signing of the India-Japan Memorandum of Cooperation on Japanese Language\n3. President Ram Nath Kovind's visit to Japan for the Enthronement Ceremony of the Emperor of Japan\n4. Beginning of Japanese loans and grant assistance to India\nWhich one of the following is the correct chronological order of the above events, starting with the earliest?",
  "options": [
    {
      "id": "a",
      "text": "4-2-1-3"
    },
    {
      "id": "b",
      "text": "4-2-3-1"
    },
    {
      "id": "c",
      "text": "4-3-1-2"
    },
    {
      "id": "d",
      "text": "4-3-2-1"
    }
  ],
  "answer": "b",
  "explanation": "In order: Beginning of Japanese loans and grant assistance to India (1958); first signing of the India-Japan Memorandum of Cooperation on Japanese Language (2017); President Ram Nath Kovind's visit to Japan for the Enthronement Ceremony of the Emperor of Japan (2019); arrival of Japan's Foreign and Defence Ministers in India for the third India-Japan 2+2 (19 August 2024).",
  "sources": [
    {
      "doc": "raksha-2024-third-2plus2",
      "locator": "line 21",
      "quote": "Japan’s Foreign Minister Kamikawa Yoko and Defence Minister Kihara Minoru who arrived in New Delhi on August 19, 2024"
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 86",
      "quote": "Both sides renewed the Memorandum of Cooperation (MoC) on Japanese Language originally signed in 2017, focusing on higher-level language learning."
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 84",
      "quote": "The Indian President Ram Nath Kovind visited Japan in October 2019 to attend the Enthronement Ceremony of the Emperor of Japan."
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 110",
      "quote": "Japan has extended bilateral loans and grant assistance to India since 1958."
    }
  ],
  "factIds": [
    "japanese-ministers-arrived-19-august",
    "moc-japanese-language-2017",
    "kovind-enthronement-visit-2019",
    "japanese-oda-since-1958"
  ],
  "subjects": [],
  "asOf": "2024-08"
};

// #42 of the report, as the bank of content 437b751fb8740efa printed it.
const reportedPartnerStatements: BankItem = {
  "id": "statements-which:f886880911~a103521d",
  "type": "statements-which",
  "topic": "International Relations > India-Japan > 2+2 dialogue format",
  "prompt": "With reference to the 2+2 format of foreign and defence dialogues and India's 2+2 partners, consider the following statements:\n1. As of August 2024, Japan was one of India's 2+2 ministerial dialogue partners.\n2. BECA was the first of the foundational defence agreements that India signed with the United States.\n3. The idea of an India-Japan 2+2 ministerial meeting was initiated at a Modi-Abe summit in Tokyo in April 2019.\nWhich of the statements given above is/are correct?",
  "options": [
    {
      "id": "a",
      "text": "1 only"
    },
    {
      "id": "b",
      "text": "2 only"
    },
    {
      "id": "c",
      "text": "1 and 2 only"
    },
    {
      "id": "d",
      "text": "1 and 3 only"
    }
  ],
  "answer": "a",
  "explanation": "Statement 1 is correct: “Japan is the 2nd country with which India has 2+2 ministerial dialogue (after the USA)” (India-Japan 2+2 Meet (exam notes, with background on India-Japan relations), line 91). Statement 2 is incorrect: The first was the General Security of Military Information Agreement (GSOMIA, 2002), followed by LEMOA (2016) and COMCASA (2018); BECA, signed in October 2020, was the last of the four. “India and the US have signed Troika Pacts like Logistics Exchange Memorandum of Agreement (LEMOA), Communications Compatibility and Security Agreement (COMCASA), Basic Exchange and Cooperation Agreement (BECA)” (India-Japan 2+2 Meet (exam notes, with background on India-Japan relations), line 62). Statement 3 is incorrect: The idea of an India-Japan 2+2 ministerial meeting was initiated at a Modi-Abe summit in Tokyo in October 2018. “the summit meeting between Modi and Abe in Tokyo in October 2018” (Second India-Japan 2+2 ministerial dialogue, Tokyo (exam notes), line 14).",
  "sources": [
    {
      "doc": "mofa-2024-joint-statement",
      "locator": "para 1",
      "quote": "held the third Japan-India 2+2 Foreign and Defence Ministerial Meeting in New Delhi on 20 August 2024"
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 91",
      "quote": "Japan is the 2nd country with which India has 2+2 ministerial dialogue (after the USA)."
    },
    {
      "doc": "notes-2022-second-2plus2",
      "locator": "line 8",
      "quote": "India has 2+2 dialogues with four key strategic partners — US, Australia, Japan, and Russia."
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 62",
      "quote": "India and the US have signed Troika Pacts like Logistics Exchange Memorandum of Agreement (LEMOA), Communications Compatibility and Security Agreement (COMCASA), Basic Exchange and Cooperation Agreement (BECA)."
    },
    {
      "doc": "notes-2022-second-2plus2",
      "locator": "line 14",
      "quote": "the summit meeting between Modi and Abe in Tokyo in October 2018"
    }
  ],
  "factIds": [
    "india-two-plus-two-partner-japan",
    "beca-signed-with-us",
    "modi-abe-summit-october-2018"
  ],
  "subjects": [],
  "asOf": "2024-08"
};

// #34 of the report, as the bank of content 437b751fb8740efa printed it.
const reportedJapanGroupings: BankItem = {
  "id": "membership:japan-groupings-with-india~57e6c6b8",
  "type": "membership",
  "topic": "International Relations > India-Japan > Background > Common groupings and initiatives",
  "prompt": "Consider the following groupings and initiatives:\n1. Quad\n2. AIIB\n3. International Solar Alliance\nAs of August 2024, which of the above did Japan belong to?\nSelect the correct answer using the code given below.",
  "options": [
    {
      "id": "a",
      "text": "1 and 2 only"
    },
    {
      "id": "b",
      "text": "2 and 3 only"
    },
    {
      "id": "c",
      "text": "1 and 3 only"
    },
    {
      "id": "d",
      "text": "1, 2 and 3"
    }
  ],
  "answer": "c",
  "explanation": "1. Yes: Both India and Japan are members of the Quad. 2. No: Japan has stayed out of the China-backed Asian Infrastructure Investment Bank, of which India is a founding member. 3. Yes: Japan has joined the International Solar Alliance, an India-led initiative.",
  "sources": [
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 98",
      "quote": "Both India and Japan are members of Quad, G20 and G-4, International Thermonuclear Experimental Reactor (ITER)."
    },
    {
      "doc": "mofa-2024-joint-statement",
      "locator": "para 4",
      "quote": "The Ministers valued their cooperation in Quad"
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 64",
      "quote": "cooperation within the Quadrilateral Security Dialogue (QUAD) forum with Japan, Australia, and the United States"
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 99",
      "quote": "Japan has also joined India-led initiatives such as the International Solar Alliance (ISA)"
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 99",
      "quote": "Japan has also joined India-led initiatives such as the International Solar Alliance (ISA), Coalition for Disaster Resilient Infrastructure (CDRI) and Leadership Group for Industry Transition (LeadIT)."
    }
  ],
  "factIds": [
    "japan-member-quad",
    "japan-member-g20",
    "japan-member-g4",
    "japan-member-iter",
    "japan-member-isa",
    "japan-member-cdri",
    "japan-member-leadit"
  ],
  "subjects": [],
  "asOf": "2024-08"
};

// #22 of the report, as the bank of content 437b751fb8740efa printed it.
const reportedIndiaGroupingsCount: BankItem = {
  "id": "list-count:india-groupings-in-notes~9690483e",
  "type": "list-count",
  "topic": "International Relations > India-Japan > Background > Common groupings and initiatives",
  "prompt": "Consider the following groupings and initiatives:\n1. AIIB\n2. International Solar Alliance\n3. ITER\n4. LeadIT\nAs of August 2024, how many of the above did India belong to?",
  "options": [
    {
      "id": "a",
      "text": "Only one"
    },
    {
      "id": "b",
      "text": "Only two"
    },
    {
      "id": "c",
      "text": "Only three"
    },
    {
      "id": "d",
      "text": "All four"
    }
  ],
  "answer": "d",
  "explanation": "1. Yes: India is a member of the AIIB but has not joined the China-led Belt and Road Initiative. 2. Yes: India is a member of the International Solar Alliance. 3. Yes: India is a member of the International Thermonuclear Experimental Reactor project. 4. Yes: India is a member of the Leadership Group for Industry Transition.",
  "sources": [
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 128",
      "quote": "India has not joined the China-led Belt and Road Initiative (BRI), while a member of Quad & AIIB."
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 99",
      "quote": "India-led initiatives such as the International Solar Alliance (ISA)"
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 98",
      "quote": "Both India and Japan are members of Quad, G20 and G-4, International Thermonuclear Experimental Reactor (ITER)."
    },
    {
      "doc": "pw-2024-2plus2-notes",
      "locator": "line 99",
      "quote": "India-led initiatives such as the International Solar Alliance (ISA), Coalition for Disaster Resilient Infrastructure (CDRI) and Leadership Group for Industry Transition (LeadIT)."
    }
  ],
  "factIds": [
    "india-member-quad",
    "india-member-g20",
    "india-member-g4",
    "india-member-iter",
    "india-member-isa",
    "india-member-cdri",
    "india-member-leadit",
    "india-member-aiib"
  ],
  "subjects": [],
  "asOf": "2024-08"
};
