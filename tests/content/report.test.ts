import path from "node:path";
import { expect, it } from "vitest";
import { loadBank } from "@/lib/content/bank";
import { loadContent } from "@/lib/content/load";
import { contentReport } from "@/lib/content/report";

it("counts the unnumbered lines before a numbered document's first paragraph (the page's heading and date)", () => {
  const documents = loadContent(path.resolve("content")).documents;
  const report = contentReport(loadBank(), documents);
  const statement = report.documents.find((document) => document.doc === "mofa-2024-joint-statement")!;
  expect(statement.unit).toBe("paragraphs");
  expect(statement.unnumberedLines).toEqual([1, 3]);
  // A document cited by line has no such count: each of its lines is a unit.
  expect(report.documents.find((document) => document.doc === "pw-2024-2plus2-notes")!.unnumberedLines).toEqual([]);
});
