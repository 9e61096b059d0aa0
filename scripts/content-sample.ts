/**
 * `npm run content:sample -- [--seed S] [--size 45]`: a seeded sample of the bank stratified by format, as
 * ../shared/REVIEWING.md asks (types in alphabetical order, each format's items sorted by id, the same number
 * from each format where it has enough), printed for a paper-setter to read against the sources. Each item
 * says which other sampled items no quiz ever puts beside it (the quiz's sibling rule), since REVIEWING.md
 * counts a giveaway across items only within one quiz.
 */
import { parseArgs } from "node:util";
import { loadBank } from "@/lib/content/bank";
import { sampleByFormat } from "@/lib/content/sample";
import { siblingKeysOf } from "@/lib/quiz/assemble";

const { values } = parseArgs({ options: { seed: { type: "string", default: "review" }, size: { type: "string", default: "45" } } });
const bank = loadBank();
const sample = sampleByFormat(bank.items, Number(values.size), values.seed!);
const facts = new Map(bank.facts.map((fact) => [fact.id, fact]));
const keys = sample.map((item) => new Set(siblingKeysOf(item)));
const keptApart = (index: number) =>
  sample.flatMap((_, other) => (other !== index && [...keys[index]!].some((key) => keys[other]!.has(key)) ? [`#${other + 1}`] : []));
console.log(`Seed "${values.seed}", ${sample.length} items of ${bank.items.length}, content ${bank.contentHash}\n`);
sample.forEach((item, index) => {
  console.log(`#${index + 1} [${item.id}] (${item.type}; topic ${item.topic}; as of ${item.asOf ?? "?"})`);
  console.log(item.prompt);
  for (const option of item.options) console.log(`  (${option.id}) ${option.text}${option.id === item.answer ? "   <- key" : ""}`);
  if (item.options.length === 0) console.log(`  Answer: ${item.answer}`);
  console.log(`  Explanation: ${item.explanation}`);
  for (const source of item.sources) console.log(`  Source: ${source.doc}, ${source.locator}: "${source.quote}"`);
  // Notes of the facts the item cites (a list item's factIds are every member, for the quiz's sibling keys).
  const cited = (id: string) => facts.get(id)!.sources.some((source) => item.sources.some((shown) => shown.doc === source.doc && shown.locator === source.locator && shown.quote === source.quote));
  for (const id of item.factIds) if (facts.get(id)?.note && cited(id)) console.log(`  Note (${id}): ${facts.get(id)!.note}`);
  const apart = keptApart(index);
  if (apart.length > 0) console.log(`  Never in one quiz with: ${apart.join(", ")} (they share a fact or subject)`);
  console.log("");
});
