import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { buildBank } from "@/lib/content/generate/build";
import { keyStandsOutByLength, whyWrong } from "@/lib/content/generate/formats";
import { asOf, pastTense, withoutInnerScope } from "@/lib/content/generate/wording";
import { loadContent } from "@/lib/content/load";

// The seventh round of examiners' findings (issue #13, reviews of seeds 9411 and 9412 of the round 4-6 bank):
// each cause pinned by known-bad input, and where the rule holds over a whole bank, by the bank built from the real content.
const realContent = checkContent(loadContent(path.resolve("content")));
const realBank = buildBank(realContent, "test");
const statementSets = () => realBank.items.filter((item) => item.type === "statements-which" || item.type === "statements-how-many");

describe("1. after 'As of <a past month>' every present verb of the sentence is past", () => {
  it("turns both clauses of a compound sentence", () => {
    expect(pastTense("Japan has joined sanctions against Russia, while India has refused to join them.")).toBe(
      "Japan had joined sanctions against Russia, while India had refused to join them.",
    );
    expect(asOf("2024-08-20", "Japan has joined it and India is outside it.")).toBe("As of August 2024, Japan had joined it and India was outside it.");
  });

  it("holds over the real bank: no 'As of' sentence keeps a present auxiliary", () => {
    const lines = realBank.items.flatMap((item) => [item.prompt, ...item.options.map((option) => option.text)].join("\n").split("\n"));
    const dated = lines.filter((line) => /As of [A-Z][a-z]+ \d{4},/.test(line));
    expect(dated.length).toBeGreaterThan(0);
    for (const line of dated) expect(line).not.toMatch(/\b(has|have|is|are)\b/);
  });
});

describe("2. the stem's occasion is not rewritten as 'the meeting' in a sentence already about a meeting", () => {
  const about = "the third India-Japan 2+2 Foreign and Defence Ministerial Meeting (New Delhi, August 2024)";
  it("keeps 'before the third 2+2' when the subject is 'The meeting of ...'", () => {
    const text = "The meeting of Prime Minister Modi with Japan's Foreign and Defence Ministers before the third 2+2 lasted approximately 65 minutes.";
    const rewritten = withoutInnerScope(text, about);
    expect(rewritten).not.toMatch(/meeting\b.*\bthe meeting\b/i);
    expect(rewritten).toBe(text);
  });

  it("still rewrites a sentence with no other meeting in it", () => {
    expect(withoutInnerScope("Prime Minister Modi received the Ministers the day before the third 2+2.", about)).toBe(
      "Prime Minister Modi received the Ministers the day before the meeting.",
    );
  });

  it("holds over the real bank", () => {
    for (const item of statementSets()) expect(item.prompt, item.id).not.toMatch(/\bmeeting\b[^.\n]*\bbefore the meeting\b/i);
  });
});

describe("3. spaced dates with no event of their own are refuted once, as a paper-setter says it", () => {
  const summit = realContent.facts.find((fact) => fact.id === "modi-abe-summit-october-2018")!;

  it("names the wrong months together after the fact and its short source, not the document title thrice", () => {
    const line = whyWrong([{ text: "August 2018" }, { text: "April 2018" }, { text: "June 2018" }], summit, realContent)!;
    expect(line).toBe(
      " The idea of an India-Japan 2+2 ministerial meeting was initiated at a Modi-Abe summit in Tokyo in October 2018 (exam notes, line 14), not in April 2018, June 2018 or August 2018.",
    );
    expect(line).not.toMatch(/dates it to/);
  });

  it("holds over the real bank: no explanation makes a document the subject of 'dates it to', and none refutes a date twice the same way", () => {
    for (const item of realBank.items) expect(item.explanation, item.id).not.toMatch(/\) dates it to /);
    const mcq = realBank.items.find((item) => item.id.startsWith("mcq:modi-abe-summit-october-2018~"))!;
    expect(mcq.explanation.match(/\(exam notes, line 14\)/g)).toHaveLength(1);
  });
});

describe("4. a best-description key is not conspicuously longer than every trap", () => {
  it("knows the WPS key of round 6 (139 characters against 93 at most) stands out, and a balanced set does not", () => {
    const traps = [{ text: "a".repeat(93) }, { text: "b".repeat(77) }, { text: "c".repeat(69) }];
    expect(keyStandsOutByLength("a set of commitments on the leading role of women in preventing conflicts, delivering relief and recovery efforts and forging lasting peace", traps)).toBe(true);
    expect(keyStandsOutByLength("k".repeat(100), traps)).toBe(false);
  });

  it("holds over the real bank, with the format still made", () => {
    const items = realBank.items.filter((item) => item.type === "best-description");
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const item of items) {
      const key = item.options.find((option) => option.id === item.answer)!.text;
      expect(keyStandsOutByLength(key, item.options.filter((option) => option.id !== item.answer)), item.id).toBe(false);
    }
  });
});

describe("5. an implied fact needs the fact's own claim, not only its two names", () => {
  const examItems = realBank.items.filter((item) => item.type !== "flashcard" && item.type !== "cloze");
  const keyCounts = new Map<string, number>();
  for (const item of examItems) for (const key of item.subjects) if (key.startsWith("fact:")) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);

  // An eighth, not a tenth, since source quotes are read too (examiner 13201): "India has 2+2 dialogues with
  // four key strategic partners - US, Australia, Japan, and Russia", cited by many statement sets, does tell
  // that Japan is a partner (17 of 167). A runaway matcher, as in round 6, still fails by far.
  it("no fact key is shared by more than an eighth of the exam items (round 6: 119 of 178 shared one)", () => {
    expect(examItems.length).toBeGreaterThan(150);
    for (const [key, count] of keyCounts) expect(count, key).toBeLessThanOrEqual(examItems.length / 8);
  });

  it("a sentence naming India and Japan does not state 'Japan is the largest bilateral donor to India'; one saying so does", () => {
    const donor = "fact:japan-largest-bilateral-donor";
    const naming = examItems.filter((item) => /\bIndia\b/.test(item.prompt) && /\bJapan\b/.test(item.prompt) && !/largest bilateral donor/.test(item.prompt + item.explanation));
    expect(naming.length).toBeGreaterThan(50);
    for (const item of naming) expect(item.subjects, item.id).not.toContain(donor);
    const stating = realBank.items.filter((item) => /largest bilateral donor/.test([item.prompt, ...item.options.map((option) => option.text), item.explanation].join(" ")));
    expect(stating.length).toBeGreaterThan(1);
    for (const item of stating) expect(item.subjects.includes(donor) || item.factIds.includes("japan-largest-bilateral-donor"), item.id).toBe(true);
  });
});

describe("6. content and template seams the round-7 examiners found", () => {
  const everyText = (item: (typeof realBank.items)[number]) => [item.prompt, ...item.options.map((option) => option.text), item.explanation].join("\n");

  it("no stem carries the notes' heading 'and the suggested way forward'", () => {
    for (const item of realBank.items) expect(item.prompt, item.id).not.toMatch(/suggested way forward/);
  });

  it("the filler 'The Act East Policy was announced by India.' is in no statement set", () => {
    for (const item of statementSets()) expect(item.prompt, item.id).not.toContain("The Act East Policy was announced by India");
  });

  it("the Working Group is spelt 'Counter-Terrorism' as MEA writes it; the source's quote stays verbatim", () => {
    for (const item of realBank.items) expect(item.prompt + item.options.map((option) => option.text).join(" "), item.id).not.toMatch(/CounterTerrorism/);
    expect(realContent.entities.get("jwg-counter-terrorism")?.name ?? [...realContent.entities.values()].find((entity) => /Working Group on Counter/.test(entity.name))!.name).toMatch(/Counter-Terrorism$/);
  });

  it("no statement carries its own explanation after a colon (the Osaka Track statement)", () => {
    for (const item of statementSets()) expect(item.prompt, item.id).not.toMatch(/e-commerce: India/);
  });

  it("Kamikawa's '10th year' remark is dated to the ministers' call on Prime Minister Modi, not to the 2+2", () => {
    const fact = realContent.facts.find((candidate) => candidate.id === "partnership-tenth-year-2024")!;
    expect(fact.statement).toMatch(/^Calling on Prime Minister Modi/);
  });

  it("no MCQ or best-description explanation opens 'X is correct:' where its statement already says X", () => {
    for (const item of realBank.items.filter((candidate) => candidate.type === "mcq" || candidate.type === "best-description")) {
      const opening = /^(.+?) is correct: (.+?\.)(?: |$)/.exec(item.explanation);
      if (opening) expect(opening[2]!.toLowerCase(), item.id).not.toContain(opening[1]!.toLowerCase());
    }
    expect(everyText(realBank.items.find((item) => item.id.startsWith("best-description:jcm-description~"))!)).not.toMatch(/is correct: The Joint Crediting Mechanism/);
  });
});

describe("6b. the 2+2 order is asked with four countries, not 'where does X stand' with ordinals", () => {
  it("no item asks 'In order of starting the dialogue' or offers First/Second/Third/Fourth as countries' ranks", () => {
    for (const item of realBank.items) expect(item.prompt, item.id).not.toMatch(/In order of starting the dialogue/);
    const first = realBank.items.find((item) => item.id.startsWith("mcq:us-first-two-plus-two-partner~"))!;
    expect(first.prompt).toBe("With which country did India hold its first 2+2 ministerial dialogue?");
    expect(first.options.map((option) => option.text).sort()).toEqual(["Australia", "Japan", "Russia", "United States"]);
  });
});
