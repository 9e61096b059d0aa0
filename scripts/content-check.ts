/** `npm run content:check`: validates content/ and prints every error as file:line field: message. */
import path from "node:path";
import { checkContent } from "@/lib/content/check";
import { loadContent } from "@/lib/content/load";

const root = path.resolve(process.argv[2] ?? "content");
const checked = checkContent(loadContent(root));
for (const error of checked.errors) console.error(`${error.file}:${error.line} ${error.field}: ${error.message}`);
if (checked.errors.length > 0) {
  console.error(`\n${checked.errors.length} error${checked.errors.length === 1 ? "" : "s"} in ${path.relative(process.cwd(), root) || root}/`);
  process.exit(1);
}
console.log(
  `Content OK: ${checked.documents.length} documents, ${checked.entities.size} entities, ${checked.relations.size} relations, ${checked.facts.length} facts.`,
);
