import fs from "node:fs";
import path from "node:path";

type BankItem = { type: string; prompt: string; options: { id: string; text: string }[]; answer: string; topic: string };

const bank = JSON.parse(fs.readFileSync(path.join(process.cwd(), "content", "generated", "bank.json"), "utf8")) as { items: BankItem[] };

/**
 * The key of a quiz question as the bank has it, found by its prompt and options: lets a test answer
 * right or wrong on purpose, which the API never allows before the answer.
 */
export function keyOf(question: { prompt: string; options: { id: string; text: string }[] }): string {
  const options = JSON.stringify(question.options);
  const item = bank.items.find((candidate) => candidate.prompt === question.prompt && JSON.stringify(candidate.options) === options);
  if (!item) throw new Error(`No bank item has the prompt ${JSON.stringify(question.prompt.slice(0, 60))}`);
  return item.answer;
}

/** An option of the question that is not its key. */
export function wrongOptionOf(question: { prompt: string; options: { id: string; text: string }[] }): string {
  const key = keyOf(question);
  return question.options.find((option) => option.id !== key)!.id;
}
