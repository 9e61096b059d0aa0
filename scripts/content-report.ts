/** `npm run content:report`: per document, what the facts cite and what they do not; items per format and topic. */
import path from "node:path";
import { loadBank } from "@/lib/content/bank";
import { loadContent } from "@/lib/content/load";
import { contentReport, ranges } from "@/lib/content/report";

const root = path.resolve("content");
const report = contentReport(loadBank(), loadContent(root).documents);
console.log("Coverage by document");
for (const document of report.documents) {
  const total = document.covered.length + document.uncovered.length;
  console.log(`\n${document.doc}: ${document.title}`);
  console.log(`  ${document.unit} with facts (${document.covered.length}/${total}): ${ranges(document.covered)}`);
  console.log(`  ${document.unit} without facts: ${ranges(document.uncovered)}`);
  if (document.unit === "paragraphs") {
    console.log(`  lines outside numbered paragraphs (${document.unnumberedLines.length}): ${ranges(document.unnumberedLines)}`);
  }
}
const table = (title: string, counts: Record<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, value] of Object.entries(counts)) console.log(`  ${String(value).padStart(5)}  ${key}`);
};
table("Items per format", report.itemsPerType);
table("Items per topic", report.itemsPerTopic);
table("Facts per topic", report.factsPerTopic);
