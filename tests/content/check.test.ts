import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { loadContent } from "@/lib/content/load";
import { factsWith, VALID_FILES, writeContent } from "./fixture-content";

const check = (overrides: Record<string, string> = {}) => {
  const root = writeContent(overrides);
  const errors = checkContent(loadContent(root)).errors;
  // Files are named relative to the working directory; compare by the part inside the content root.
  return errors.map((error) => ({ ...error, file: error.file.slice(error.file.lastIndexOf(path.basename(root)) + path.basename(root).length + 1) }));
};

describe("content:check", () => {
  it("accepts valid content", () => {
    expect(check()).toEqual([]);
  });

  it.each([
    ["a YAML syntax error", factsWith("    subject: meeting", "    subject: [meeting"), { file: "facts/meeting.yaml", field: "(yaml)" }],
    ["a missing as-of date", factsWith("    asOf: 2024-08-20\n    subject: meeting", "    subject: meeting"), { file: "facts/meeting.yaml", line: 3, field: "facts[0].asOf", message: expect.stringMatching(/expected|Invalid/) }],
    ["a malformed as-of date", factsWith("    asOf: 2022-09\n    subject: jimex", "    asOf: Sept 2022\n    subject: jimex"), { line: 25, field: "facts[2].asOf", message: "use YYYY-MM-DD, YYYY-MM or YYYY" }],
    ["an unknown document", factsWith("      - doc: notes-2022\n        locator: line 3", "      - doc: notes-2023\n        locator: line 3"), { line: 31, field: "facts[2].sources[0].doc", message: expect.stringMatching(/^unknown document "notes-2023"; the documents are: notes-2022, statement-2024$/) }],
    ["a quote not in its document", factsWith("quote: JIMEX is a naval exercise.", "quote: JIMEX is a large naval exercise."), { line: 33, field: "facts[2].sources[0].quote", message: "not found in notes-2022: quotes must be verbatim (only white space may differ)" }],
    ["a quote at the wrong line", factsWith("        locator: line 3", "        locator: line 2"), { line: 33, field: "facts[2].sources[0].quote", message: "not found at line 2 of notes-2022; it is at line 3" }],
    ["a quote in the wrong paragraph", factsWith("        locator: para 2", "        locator: para 1"), { field: "facts[1].sources[0].quote", message: "not found at para 1 of statement-2024; it is at line 3" }],
    ["a locator past the end", factsWith("        locator: line 3", "        locator: lines 3-9"), { field: "facts[2].sources[0].locator", message: 'notes-2022 has 4 lines; "lines 3-9" is past its end' }],
    ["a paragraph in a document without numbered paragraphs", factsWith("        locator: line 3", "        locator: para 3"), { field: "facts[2].sources[0].locator", message: 'notes-2022 has no numbered paragraphs: cite "line N" instead' }],
    ["a malformed locator", factsWith("        locator: line 3", "        locator: page 3"), { field: "facts[2].sources[0].locator", message: 'use "para N", "line N" or "lines N-M"' }],
    ["an unknown subject entity", factsWith("    subject: jimex", "    subject: jimex-2"), { line: 26, field: "facts[2].subject", message: 'unknown entity "jimex-2"' }],
    ["an unknown value entity", factsWith("value: { entity: navy }", "value: { entity: army }"), { field: "facts[2].value.entity", message: 'unknown entity "army"' }],
    ["an unknown relation", factsWith("    relation: venue", "    relation: location"), { line: 7, field: "facts[0].relation", message: 'unknown relation "location"' }],
    ["a value missing from its statement", factsWith("statement: JIMEX is a naval exercise.", "statement: JIMEX is an exercise."), { line: 24, field: "facts[2].statement", message: 'does not contain the value "Navy" (or an alias: naval)' }],
    ["an explains link to an unknown fact", factsWith("explains: [veer-guardian-service]", "explains: [veer-guardian]"), { field: "facts[2].explains[0]", message: 'unknown fact "veer-guardian"' }],
    ["an unknown field", factsWith("    timeSensitive: true\n    subject: india\n    relation: partner-count\n    value: { type: number, text: four }", "    timeSensitive: true\n    subject: india\n    relation: partner-count\n    valu: 4\n    value: { type: number, text: four }"), { field: "facts[3]", message: 'Unrecognized key: "valu"' }],
    ["a document id that is not its file name", { "sources/notes-2022.yaml": VALID_FILES["sources/notes-2022.yaml"]!.replace("id: notes-2022", "id: notes-22") }, { file: "sources/notes-2022.yaml", line: 1, field: "id", message: 'must equal the file name "notes-2022"' }],
    ["a relation without a value type", { "relations/extra.yaml": "- id: extra\n  label: extra\n  cardinality: one\n  question: What is {subject}?" }, { file: "relations/extra.yaml", line: 1, field: "[0].valueType" }],
    ["a cited line marked as page chrome", { "sources/notes-2022.yaml": VALID_FILES["sources/notes-2022.yaml"]! + '\nchrome: ["line 1", "line 3"]' }, { line: 32, field: "facts[2].sources[0].locator", message: "cites line 3 of notes-2022, which its .yaml marks as page chrome (not the document's content)" }],
  ])("reports %s with its file, line and field", (_, overrides, expected) => {
    const errors = check(overrides);
    expect(errors).toContainEqual(expect.objectContaining({ file: "facts/meeting.yaml", ...expected }));
  });

  it("says where a quote differs only by quote marks or dashes", () => {
    const errors = check({
      "sources/notes-2022.txt": ["Notes", "India has 2+2 dialogues with four partners.", "JIMEX is a ‘naval’ exercise."].join("\n"),
      ...factsWith("quote: JIMEX is a naval exercise.", "quote: \"JIMEX is a 'naval' exercise.\""),
    });
    expect(errors).toContainEqual(
      expect.objectContaining({ field: "facts[2].sources[0].quote", message: expect.stringMatching(/^differs only in quote marks or dashes: the document has "‘" where the quote has "'"/) }),
    );
  });

  it("explains a YAML mistake in plain words", () => {
    const errors = check(factsWith("statement: JIMEX is a naval exercise.", "statement: JIMEX: a naval exercise."));
    expect(errors).toContainEqual(expect.objectContaining({ file: "facts/meeting.yaml", field: "(yaml)", message: expect.stringMatching(/put the whole value in double quotes/) }));
  });

  it("reports a misspelt document id once, however many facts cite it", () => {
    const text = VALID_FILES["facts/meeting.yaml"]!.replaceAll("doc: notes-2022", "doc: notes-2023");
    const errors = check({ "facts/meeting.yaml": text }).filter((error) => error.message.includes("notes-2023"));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("cited 2 times");
  });

  it("reports two entities that share a spelling", () => {
    const errors = check({ "entities/extra.yaml": "- id: jimex-exercise\n  type: exercise\n  name: Japan-India Maritime Exercise\n  aliases: [JIMEX]" });
    expect(errors).toContainEqual(expect.objectContaining({ file: "entities/extra.yaml", field: "[0].aliases", message: expect.stringMatching(/^"JIMEX" also names entity "jimex"/) }));
  });

  it("checks that a document's page chrome points into it, and accepts chrome nobody cites", () => {
    const withChrome = (chrome: string) => ({ "sources/notes-2022.yaml": `${VALID_FILES["sources/notes-2022.yaml"]!}\nchrome: ${chrome}` });
    expect(check(withChrome('["line 1"]'))).toEqual([]);
    expect(check(withChrome('["lines 4-9"]'))).toContainEqual(
      expect.objectContaining({ file: "sources/notes-2022.yaml", field: "chrome[0]", message: 'notes-2022 has 4 lines; "lines 4-9" is past its end' }),
    );
    expect(check(withChrome('["page 1"]'))).toContainEqual(expect.objectContaining({ file: "sources/notes-2022.yaml", message: 'use "line N" or "lines N-M"' }));
  });

  it("reports duplicate ids across files, naming where the first one is", () => {
    const duplicate = VALID_FILES["facts/meeting.yaml"]!.split("  - id: veer-guardian-service")[0]!;
    const errors = check({ "facts/again.yaml": duplicate });
    expect(errors).toContainEqual(
      expect.objectContaining({ file: "facts/meeting.yaml", line: 3, field: "facts[0].id", message: expect.stringMatching(/^duplicate fact id "meeting-venue" \(first defined in .*again\.yaml:3\)$/) }),
    );
  });

  it("reports undated contradictions, and accepts the same change when both versions are dated", () => {
    const undated = check(factsWith("    asOf: 2024-08-20\n    timeSensitive: true\n    subject: india", "    asOf: 2024-08-20\n    subject: india"));
    expect(undated).toContainEqual(
      expect.objectContaining({ field: "facts[4].value", message: expect.stringMatching(/^contradicts fact "partners-2022" .*"six" vs "four"/) }),
    );
    expect(check()).toEqual([]);
  });

  it("reports every error of a file at once, sorted by line", () => {
    const errors = check({
      "facts/meeting.yaml": VALID_FILES["facts/meeting.yaml"]!.replace("    relation: venue", "    relation: location").replace("value: { entity: navy }", "value: { entity: army }").replace("asOf: 2022-09\n    timeSensitive", "asOf: 22\n    timeSensitive"),
    });
    expect(errors.map((error) => error.field)).toEqual(["facts[0].relation", "facts[2].value.entity", "facts[3].asOf"]);
  });

  it("exits non-zero and prints file:line field: message for each error", async () => {
    const root = writeContent(factsWith("    relation: venue", "    relation: location"));
    const run = promisify(execFile)("node_modules/.bin/tsx", ["scripts/content-check.ts", root]);
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/meeting\.yaml:7 facts\[0\]\.relation: unknown relation "location"\n\n1 error in /) });
  });

  it("prints a summary and exits zero on valid content", async () => {
    const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["scripts/content-check.ts", writeContent()]);
    expect(stdout).toContain("Content OK: 2 documents, 8 entities, 3 relations, 5 facts.");
  });
});
