import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { loadContent } from "@/lib/content/load";
import { VALID_FILES, writeContent } from "./fixture-content";

const FACTS = VALID_FILES["facts/meeting.yaml"]!.split("\n");

/** One edit of the facts file: drop, repeat or garble a line, or splice odd text into it. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), line: fc.nat(FACTS.length - 1) }),
  fc.record({ kind: fc.constant("repeat" as const), line: fc.nat(FACTS.length - 1) }),
  fc.record({
    kind: fc.constant("splice" as const),
    line: fc.nat(FACTS.length - 1),
    at: fc.nat(60),
    text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(":", "- ", "  ", "{", "]", "\t", "'", "#", "&a", "*a", "!!js", "\u202e", "2024-13-45")),
  }),
);

function apply(lines: string[], edits: { kind: "drop" | "repeat" | "splice"; line: number; at?: number; text?: string }[]): string {
  const result = [...lines];
  for (const change of edits) {
    const index = Math.min(change.line, result.length - 1);
    if (index < 0) break;
    if (change.kind === "drop") result.splice(index, 1);
    else if (change.kind === "repeat") result.splice(index, 0, result[index]!);
    else {
      const line = result[index]!;
      const at = Math.min(change.at ?? 0, line.length);
      result[index] = line.slice(0, at) + change.text + line.slice(at);
    }
  }
  return result.join("\n");
}

describe("content:check on broken files", () => {
  it("never crashes, and every error names a file, a line in it and a field", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = apply(FACTS, edits);
        const checked = checkContent(loadContent(writeContent({ "facts/meeting.yaml": text })));
        const lineCount = text.split("\n").length + 1;
        for (const error of checked.errors) {
          expect(error.file).toMatch(/\.(ya?ml)$/);
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.line).toBeLessThanOrEqual(Math.max(lineCount, 40));
          expect(error.field.length).toBeGreaterThan(0);
          expect(error.message.length).toBeGreaterThan(0);
        }
        // Whatever is broken, what passed is still sound: every kept fact's value is in its statement.
        for (const fact of checked.facts) expect(fact.statement).toContain(fact.value.textInStatement);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
