/**
 * `npm run content:build`: checks content/, regenerates content/generated/bank.json, fails on any item
 * the linter strikes out, and prints what the rebuild added, reworded, re-keyed and retired.
 */
import fs from "node:fs";
import path from "node:path";
import { bankSchema, serialiseBank, type BankItem } from "@/lib/content/bank";
import { checkContent } from "@/lib/content/check";
import { buildBank, hashContentFiles } from "@/lib/content/generate/build";
import { bankChanges } from "@/lib/content/generate/changes";
import { lintBank } from "@/lib/content/generate/lint";
import { loadContent } from "@/lib/content/load";
import { approvalReport, readApprovals } from "@/lib/editor/approval";

const root = path.resolve(process.argv[2] ?? "content");
const output = path.join(root, "generated", "bank.json");
const checked = checkContent(loadContent(root));
if (checked.errors.length > 0) {
  for (const error of checked.errors) console.error(`${error.file}:${error.line} ${error.field}: ${error.message}`);
  console.error(`\nNot built: ${checked.errors.length} content errors.`);
  process.exit(1);
}
const bank = buildBank(checked, hashContentFiles(root));
const problems = lintBank(bank.items, { entities: checked.entities.values() });
if (problems.length > 0) {
  for (const problem of problems) console.error(`${problem.itemId} ${problem.rule}: ${problem.message}`);
  console.error(`\nNot built: the item linter found ${problems.length} problems (fix the content or the generator, never the items).`);
  process.exit(1);
}

const previous: BankItem[] = fs.existsSync(output) ? bankSchema.parse(JSON.parse(fs.readFileSync(output, "utf8"))).items : [];
const changes = bankChanges(previous, bank.items);
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
const SHOWN = 10;
const list = (title: string, lines: string[]) => {
  if (lines.length === 0) return;
  console.log(`${title} ${lines.length}:`);
  for (const line of lines.slice(0, SHOWN)) console.log(`  ${line}`);
  if (lines.length > SHOWN) console.log(`  ... and ${lines.length - SHOWN} more`);
};
console.log(`Items unchanged: ${changes.unchanged}`);
list("Added", changes.added.map((item) => item.id));
list("Reworded", changes.reworded.map(({ before, after }) => `${before.id} -> ${after.id}`));
list("Re-keyed", changes.rekeyed.map(({ before, after }) => `${before.id} -> ${after.id}`));
list("Retired", changes.retired.map((item) => item.id));
for (const line of approvalReport(bank.items, readApprovals(root))) console.log(line);
