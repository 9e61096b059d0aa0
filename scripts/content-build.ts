/** `npm run content:build`: checks content/ and regenerates content/generated/bank.json. */
import fs from "node:fs";
import path from "node:path";
import { serialiseBank } from "@/lib/content/bank";
import { checkContent } from "@/lib/content/check";
import { buildBank, hashContentFiles } from "@/lib/content/generate/build";
import { loadContent } from "@/lib/content/load";

const root = path.resolve(process.argv[2] ?? "content");
const output = path.join(root, "generated", "bank.json");
const checked = checkContent(loadContent(root));
if (checked.errors.length > 0) {
  for (const error of checked.errors) console.error(`${error.file}:${error.line} ${error.field}: ${error.message}`);
  console.error(`\nNot built: ${checked.errors.length} content errors.`);
  process.exit(1);
}
const bank = buildBank(checked, hashContentFiles(root));
const text = serialiseBank(bank);
const unchanged = fs.existsSync(output) && fs.readFileSync(output, "utf8") === text;
if (!unchanged) {
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, text);
}
const perType = new Map<string, number>();
for (const item of bank.items) perType.set(item.type, (perType.get(item.type) ?? 0) + 1);
console.log(
  `${unchanged ? "Unchanged" : "Wrote"} ${path.relative(process.cwd(), output)}: ${bank.items.length} items from ${bank.facts.length} facts (` +
    [...perType].map(([type, count]) => `${type} ${count}`).join(", ") +
    ")",
);
