import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isSeq, parseDocument, type Node } from "yaml";

/**
 * Edits of authored YAML that leave every other byte as it was: comments, order, quoting, blank lines.
 * The new part is written by the `yaml` package's Document API; it is put in place as text, because a
 * whole Document re-stringified re-quotes and re-wraps what the author wrote. Every edit is parsed back
 * and compared before it is returned, so that a file is never written wrong.
 */
export class YamlEditError extends Error {}

/** `text` with `value` appended to the block sequence under the top-level `key` (`flowKeys` of it written inline). */
export function appendToSequence(text: string, key: string, value: Record<string, unknown>, flowKeys: readonly string[] = []): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new YamlEditError(`the file does not parse: ${document.errors[0]!.message}`);
  const sequence = document.get(key, true);
  if (!isSeq(sequence) || sequence.flow || !sequence.range) throw new YamlEditError(`the file has no list under "${key}:" to add to`);
  const [start, valueEnd] = sequence.range;
  const indent = text.slice(text.lastIndexOf("\n", start - 1) + 1, start);
  if (!/^ *$/.test(indent)) throw new YamlEditError(`the list under "${key}:" does not start on a line of its own`);

  const entry = new Document([value]);
  for (const flowKey of flowKeys) {
    const node = entry.getIn([0, flowKey], true) as Node | undefined;
    if (isMap(node) || isSeq(node)) node.flow = true;
  }
  const lines = entry.toString({ lineWidth: 0 }).trimEnd().split("\n");
  // Entries separated by a blank line stay so.
  const spaced = sequence.items.slice(1).some((item) => (item as Node).spaceBefore);
  const head = text.slice(0, valueEnd).replace(/\s*$/, "\n");
  const edited = `${head}${spaced ? "\n" : ""}${lines.map((line) => indent + line).join("\n")}\n${text.slice(valueEnd).replace(/^\n/, "")}`;

  const before = document.toJS() as Record<string, unknown[]>;
  const after = parseDocument(edited).toJS() as Record<string, unknown[]>;
  const expected = { ...before, [key]: [...before[key]!, JSON.parse(JSON.stringify(value))] };
  if (!isDeepStrictEqual(after, expected)) throw new YamlEditError(`adding to "${key}:" would change more than the new entry`);
  return edited;
}

/** `text` with the top-level `key` set to a list of strings, written inline (`key: ["a", "b"]`). */
export function setStringList(text: string, key: string, values: readonly string[]): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new YamlEditError(`the file does not parse: ${document.errors[0]!.message}`);
  const flow = `[${values.map((value) => JSON.stringify(value)).join(", ")}]`;
  const node = document.get(key, true);
  let edited: string;
  if (node === undefined) edited = `${text.replace(/\s*$/, "\n")}${key}: ${flow}\n`;
  else if ((isSeq(node) && node.flow) || !isSeq(node)) {
    const [start, end] = (node as Node).range!;
    edited = `${text.slice(0, start)}${flow}${text.slice(end)}`;
  } else throw new YamlEditError(`"${key}:" is a block list; write it inline as ${key}: [...]`);
  const after = parseDocument(edited).toJS() as Record<string, unknown>;
  if (!isDeepStrictEqual(after, { ...(document.toJS() as Record<string, unknown>), [key]: [...values] })) {
    throw new YamlEditError(`setting "${key}:" would change more than it`);
  }
  return edited;
}
