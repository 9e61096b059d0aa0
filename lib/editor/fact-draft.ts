import fs from "node:fs";
import path from "node:path";
import type { BankItem } from "@/lib/content/bank";
import { checkContent, type CheckedContent } from "@/lib/content/check";
import { buildBank, hashContentFiles } from "@/lib/content/generate/build";
import { bankChanges } from "@/lib/content/generate/changes";
import { lintBank, type LintProblem } from "@/lib/content/generate/lint";
import { fieldName, loadContent, normaliseTopic, type ContentError, type LoadedContent, type LoadedFact, type Located } from "@/lib/content/load";
import { factSchema } from "@/lib/content/schema";
import { ConflictError, InvalidContentError, NotFoundError } from "@/lib/errors";
import { assertContentEditable } from "./content-root";
import { factFileDefaults } from "./document-authoring";
import { appendToSequence, YamlEditError } from "./yaml-edit";

export type FactDraft = { file: string; fact: Record<string, unknown> };

export type Problem = { field: string; message: string };

/** What saving a draft would do: its problems, the items it makes, the linter's findings, other items it changes. */
export type DraftPreview = {
  problems: Problem[];
  items: BankItem[];
  lint: LintProblem[];
  changes: { added: BankItem[]; reworded: { before: BankItem; after: BankItem }[]; rekeyed: { before: BankItem; after: BankItem }[]; retired: BankItem[] };
};

const DRAFT_FILE = "(draft)";
const NO_CHANGES: DraftPreview["changes"] = { added: [], reworded: [], rekeyed: [], retired: [] };

/** Where the checker locates the draft's problems: field names only, no file lines (it has none yet). */
const draftLocated: Located = { file: DRAFT_FILE, line: 1, lineOf: () => 1, fieldName: (field) => field };

type Baseline = { hash: string; content: LoadedContent; checked: CheckedContent; items: BankItem[] };
let baseline: Baseline | undefined;

/** The content as it is, checked and built: rebuilt only when a content file changed. */
function currentContent(contentRoot: string): Baseline {
  const hash = `${contentRoot}\u0000${hashContentFiles(contentRoot)}`;
  if (baseline?.hash === hash) return baseline;
  const content = loadContent(contentRoot);
  const checked = checkContent(content);
  const items = checked.errors.length === 0 ? buildBank(checked, "baseline").items : [];
  baseline = { hash, content, checked, items };
  return baseline;
}

function factsFile(contentRoot: string, file: string): string {
  const full = path.join(contentRoot, "facts", file);
  if (path.dirname(full) !== path.join(contentRoot, "facts") || !fs.existsSync(full)) throw new NotFoundError(`content/facts has no file ${file}`);
  return full;
}

const errorText = (error: ContentError) => `${error.file}:${error.line} ${error.field}: ${error.message}`;

/**
 * Everything saving the draft would do, found with the content's own schema, checker, generator and
 * linter (`content:check` and `content:build` give the same verdicts): the draft's problems, the items
 * the fact would make, what the linter says of new or changed items, and what changes in other items
 * (statement sets regroup when a topic gains a fact).
 */
export function previewFactDraft(contentRoot: string, draft: FactDraft): DraftPreview {
  const defaults = factFileDefaults(contentRoot, path.basename(factsFile(contentRoot, draft.file)));
  const current = currentContent(contentRoot);
  const empty = (problems: Problem[]): DraftPreview => ({ problems, items: [], lint: [], changes: NO_CHANGES });
  if (current.checked.errors.length > 0) {
    return empty(current.checked.errors.map((error) => ({ field: "(content)", message: `the content has errors already; fix them first: ${errorText(error)}` })));
  }
  const parsed = factSchema.safeParse(draft.fact);
  if (!parsed.success) return empty(parsed.error.issues.map((issue) => ({ field: fieldName(issue.path.map((key) => (typeof key === "number" ? key : String(key)))) || "(fact)", message: issue.message })));
  const topic = parsed.data.topic ?? defaults.topic;
  if (!topic) return empty([{ field: "topic", message: `no topic: give the fact a topic (${draft.file} has no default topic)` }]);
  const fact: LoadedFact = { ...parsed.data, topic: normaliseTopic(topic), about: defaults.about, located: draftLocated };

  const checked = checkContent({ ...current.content, facts: [...current.content.facts, fact], errors: [] });
  const known = new Set(current.checked.errors.map(errorText));
  const problems = checked.errors.filter((error) => !known.has(errorText(error))).map((error) => ({ field: error.field, message: error.file === DRAFT_FILE ? error.message : `${error.message} (${error.file}:${error.line})` }));
  if (problems.length > 0) return empty(problems);
  // A fact with an editorial note is shown in the Library, never asked: it makes no items.
  if (checked.heldBack.some((held) => held.id === fact.id)) return empty([]);

  const items = buildBank(checked, "preview").items;
  const before = new Set(current.items.map((item) => item.id));
  const mine = items.filter((item) => item.factIds.includes(fact.id));
  const changes = bankChanges(current.items, items);
  return {
    problems: [],
    items: mine,
    lint: lintBank(items.filter((item) => !before.has(item.id)), { entities: checked.entities.values() }),
    changes: { ...changes, added: changes.added.filter((item) => !item.factIds.includes(fact.id)) },
  };
}

/** The fact's fields in the order authors write them, and only those given. */
const FIELD_ORDER = ["id", "statement", "topic", "asOf", "subject", "relation", "value", "timeSensitive", "question", "note", "sources"];
const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);

/**
 * Appends the draft to its facts file, leaving the rest of the file as it was, once the checker finds
 * no problem in it (the linter's findings are shown, not enforced: `content:build` enforces them).
 */
export function saveFactDraft(contentRoot: string, draft: FactDraft, editsAllowed: boolean): { file: string; id: string; items: number } {
  assertContentEditable(editsAllowed);
  const preview = previewFactDraft(contentRoot, draft);
  if (preview.problems.length > 0) throw new InvalidContentError("The fact has problems: nothing was saved.", preview.problems);
  const file = factsFile(contentRoot, draft.file);
  const ordered = Object.fromEntries(
    Object.entries(draft.fact)
      .filter(([, value]) => value !== undefined && value !== "")
      .sort(([a], [b]) => rank(a) - rank(b)),
  );
  try {
    fs.writeFileSync(file, appendToSequence(fs.readFileSync(file, "utf8"), "facts", ordered, ["value"]));
  } catch (error) {
    if (error instanceof YamlEditError) throw new ConflictError(`content/facts/${draft.file}: ${error.message}`, "unwritable_file");
    throw error;
  }
  return { file: `facts/${draft.file}`, id: String(draft.fact.id), items: preview.items.length };
}
