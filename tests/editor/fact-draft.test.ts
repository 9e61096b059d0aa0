import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { loadContent } from "@/lib/content/load";
import { addDocument, markChrome } from "@/lib/editor/add-document";
import { documentForAuthoring } from "@/lib/editor/document-authoring";
import { previewFactDraft, saveFactDraft } from "@/lib/editor/fact-draft";
import { ConflictError, InvalidContentError } from "@/lib/errors";
import { copyOfContent } from "./content-copy";

/** A fact from an uncovered paragraph of the PW notes (line 22), as an author would draft it. */
const QUOTE = "The Ministers had a wide-ranging discussion on regional and global issues focusing on the shared Indo-Pacific region.";
const draft = {
  file: "joint-statement-2024.yaml",
  fact: {
    id: "third-2plus2-indo-pacific-discussion",
    statement: "At the third India-Japan 2+2 ministerial meeting, the Ministers discussed regional and global issues focusing on the shared Indo-Pacific region.",
    asOf: "2024-08",
    subject: "third-india-japan-2plus2",
    relation: "areas-emphasised",
    value: { type: "text", text: "the shared Indo-Pacific region" },
    sources: [{ doc: "pw-2024-2plus2-notes", locator: "line 22", quote: QUOTE }],
  },
};

describe("a fact draft", () => {
  it("previews the items it would make, with no problems, and what it changes in other items", () => {
    const root = copyOfContent();
    const preview = previewFactDraft(root, draft);
    expect(preview.problems).toEqual([]);
    expect(preview.items.length).toBeGreaterThan(0);
    for (const item of preview.items) expect(item.factIds).toContain(draft.fact.id);
    // An open text value ("the shared Indo-Pacific region") is asked in statements, never as a recall card that
    // several answers would fill.
    const types = preview.items.map((item) => item.type);
    expect(types.some((type) => type.startsWith("statements-"))).toBe(true);
    expect(types).not.toContain("cloze");
    // The topic gains a fact, so its statement sets are dealt again.
    expect(preview.changes.retired.length).toBeGreaterThan(0);
  });

  it("lists every problem of a bad draft, in the checker's words", () => {
    const root = copyOfContent();
    const bad = previewFactDraft(root, { file: draft.file, fact: { id: "Bad Id", statement: "short", sources: [] } });
    expect(bad.problems.map((problem) => problem.field)).toEqual(["id", "statement", "asOf", "subject", "relation", "value", "sources"]);
    expect(bad.items).toEqual([]);
    const misquoted = previewFactDraft(root, { ...draft, fact: { ...draft.fact, sources: [{ ...draft.fact.sources[0]!, quote: QUOTE.replace("wide-ranging", "wide–ranging") }] } });
    expect(misquoted.problems).toHaveLength(1);
    expect(misquoted.problems[0]!.message).toMatch(/differs only in quote marks or dashes/);
    const taken = previewFactDraft(root, { ...draft, fact: { ...draft.fact, id: "second-two-plus-two-venue-tokyo" } });
    expect(taken.problems.map((problem) => problem.message).join(" ")).toMatch(/second-two-plus-two-venue-tokyo/);
  });

  it("is saved at the end of its file, every other byte kept, and content:check passes on the result", () => {
    const root = copyOfContent();
    const file = path.join(root, "facts", draft.file);
    const before = fs.readFileSync(file, "utf8");
    expect(saveFactDraft(root, draft, true)).toMatchObject({ file: `facts/${draft.file}`, id: draft.fact.id });
    const after = fs.readFileSync(file, "utf8");
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after.slice(before.trimEnd().length)).toBe(
      [
        "",
        "",
        `  - id: ${draft.fact.id}`,
        `    statement: ${draft.fact.statement}`,
        "    asOf: 2024-08",
        "    subject: third-india-japan-2plus2",
        "    relation: areas-emphasised",
        "    value: { type: text, text: the shared Indo-Pacific region }",
        "    sources:",
        "      - doc: pw-2024-2plus2-notes",
        "        locator: line 22",
        `        quote: ${QUOTE}`,
        "",
      ].join("\n"),
    );
    const checked = checkContent(loadContent(root));
    expect(checked.errors).toEqual([]);
    expect(checked.facts.map((fact) => fact.id)).toContain(draft.fact.id);
    expect(execFileSync("node_modules/.bin/tsx", ["scripts/content-check.ts", root], { encoding: "utf8" })).toMatch(/^Content OK/);
    expect(documentForAuthoring(root, "pw-2024-2plus2-notes")!.paragraphs.find((paragraph) => paragraph.line === 22)).toMatchObject({
      uncovered: false,
      facts: [{ id: draft.fact.id, file: draft.file }],
    });
  });

  it("is not saved with problems, nor where content is read-only", () => {
    const root = copyOfContent();
    const file = path.join(root, "facts", draft.file);
    const before = fs.readFileSync(file, "utf8");
    expect(() => saveFactDraft(root, { ...draft, fact: { ...draft.fact, subject: "nobody" } }, true)).toThrow(InvalidContentError);
    expect(() => saveFactDraft(root, draft, false)).toThrow(ConflictError);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });
});

describe("the document page's data", () => {
  it("marks paragraphs cited by facts, uncovered substantive ones, and chrome", () => {
    const view = documentForAuthoring(path.resolve("content"), "pw-2024-2plus2-notes")!;
    const line = (n: number) => view.paragraphs.find((paragraph) => paragraph.line === n)!;
    expect(line(22)).toMatchObject({ uncovered: true, facts: [], chrome: false });
    expect(line(1)).toMatchObject({ chrome: true, uncovered: false });
    expect(view.paragraphs.some((paragraph) => paragraph.facts.length > 0)).toBe(true);
    expect(view.factFiles[0]!.citingThisDocument).toBeGreaterThan(0);
    expect(documentForAuthoring(path.resolve("content"), "no-such-document")).toBeNull();
  });

  it("marks a line as chrome in the document's yaml, keeping the rest of the file", () => {
    const root = copyOfContent();
    const file = path.join(root, "sources", "pw-2024-2plus2-notes.yaml");
    const before = fs.readFileSync(file, "utf8");
    expect(markChrome(root, "pw-2024-2plus2-notes", "line 22", true).chrome.at(-1)).toBe("line 22");
    const after = fs.readFileSync(file, "utf8");
    const withoutChrome = (text: string) => text.split("\n").filter((yamlLine) => !yamlLine.startsWith("chrome:"));
    expect(withoutChrome(after)).toEqual(withoutChrome(before));
    expect(after).toMatch(/^chrome: \[.*"line 22"\]$/m);
    expect(documentForAuthoring(root, "pw-2024-2plus2-notes")!.paragraphs.find((paragraph) => paragraph.line === 22)!.chrome).toBe(true);
    expect(() => markChrome(root, "pw-2024-2plus2-notes", "line 999", true)).toThrow(InvalidContentError);
  });
});

describe("a new document", () => {
  const input = {
    meta: { id: "mea-2025-test-statement", title: "A test statement", publisher: "MEA", kind: "official-statement" as const, eventsDate: "2025-01-10" },
    text: "India and Japan held talks in Tokyo on 10 January 2025.\r\nThe talks covered trade.\r\n",
  };

  it("is written as its .yaml and .txt, and the checker accepts it", () => {
    const root = copyOfContent();
    expect(addDocument(root, input, true)).toEqual({ id: input.meta.id });
    expect(fs.readFileSync(path.join(root, "sources", `${input.meta.id}.txt`), "utf8")).toBe("India and Japan held talks in Tokyo on 10 January 2025.\nThe talks covered trade.\n");
    const content = loadContent(root);
    expect(checkContent(content).errors).toEqual([]);
    expect(content.documents.find((document) => document.id === input.meta.id)).toMatchObject({ title: "A test statement", eventsDate: "2025-01-10" });
    expect(() => addDocument(root, input, true)).toThrow(ConflictError);
  });

  it("is refused where content is read-only", () => {
    const root = copyOfContent();
    expect(() => addDocument(root, input, false)).toThrow(ConflictError);
    expect(fs.existsSync(path.join(root, "sources", `${input.meta.id}.yaml`))).toBe(false);
  });
});
