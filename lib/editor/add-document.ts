import fs from "node:fs";
import path from "node:path";
import { Document } from "yaml";
import { checkContent } from "@/lib/content/check";
import { loadContent } from "@/lib/content/load";
import { passageAt } from "@/lib/content/passages";
import { ConflictError, InvalidContentError, NotFoundError } from "@/lib/errors";
import type { NewDocumentInput } from "@/lib/validation/editor";
import { assertContentEditable } from "./content-root";
import { setStringList, YamlEditError } from "./yaml-edit";

function sourcesDir(contentRoot: string): string {
  return path.join(contentRoot, "sources");
}

/**
 * Adds a document to content/sources: its metadata as `<id>.yaml` and its text as `<id>.txt` (line
 * endings made \n, one final newline). The checker must accept it, or neither file is kept.
 */
export function addDocument(contentRoot: string, input: NewDocumentInput, editsAllowed: boolean): { id: string } {
  assertContentEditable(editsAllowed);
  const id = input.meta.id;
  const meta = path.join(sourcesDir(contentRoot), `${id}.yaml`);
  const text = path.join(sourcesDir(contentRoot), `${id}.txt`);
  if (fs.existsSync(meta) || fs.existsSync(text)) throw new ConflictError(`A document with the id ${id} exists already: choose another id.`, "document_exists");
  const fields = Object.fromEntries(Object.entries(input.meta).filter(([, value]) => value !== undefined));
  fs.writeFileSync(meta, new Document(fields).toString({ lineWidth: 0 }));
  fs.writeFileSync(text, `${input.text.replace(/\r\n?/g, "\n").trimEnd()}\n`);
  const problems = checkContent(loadContent(contentRoot)).errors.filter((error) => path.basename(error.file).startsWith(`${id}.`));
  if (problems.length > 0) {
    fs.rmSync(meta);
    fs.rmSync(text);
    throw new InvalidContentError("The document has problems: nothing was saved.", problems.map((error) => ({ field: error.field, message: error.message })));
  }
  return { id };
}

/** Marks lines of a document as page chrome (not content), in its `.yaml`, leaving the rest as written. */
export function markChrome(contentRoot: string, docId: string, locator: string, editsAllowed: boolean): { chrome: string[] } {
  assertContentEditable(editsAllowed);
  const file = path.join(sourcesDir(contentRoot), `${docId}.yaml`);
  if (!fs.existsSync(file)) throw new NotFoundError(`No document ${docId}.`);
  const document = loadContent(contentRoot).documents.find((candidate) => candidate.id === docId);
  if (!document) throw new ConflictError(`The document ${docId} does not load: run npm run content:check.`, "invalid_document");
  const passage = passageAt(document, locator);
  if ("error" in passage) throw new InvalidContentError("The chrome marking points nowhere: nothing was saved.", [{ field: "locator", message: passage.error }]);
  const chrome = [...(document.chrome ?? []).filter((existing) => existing !== locator), locator];
  try {
    fs.writeFileSync(file, setStringList(fs.readFileSync(file, "utf8"), "chrome", chrome));
  } catch (error) {
    if (error instanceof YamlEditError) throw new ConflictError(`${docId}.yaml: ${error.message}`, "unwritable_file");
    throw error;
  }
  return { chrome };
}
