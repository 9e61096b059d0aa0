import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { optionSchema, type Bank, type BankItem } from "@/lib/content/bank";
import { familyOf } from "@/lib/content/generate/formats";
import { itemContentHash } from "@/lib/content/seed-bank";
import type { ServingPolicy } from "./serving-policy";

/**
 * Editors' approvals of generated items live with the content, so they survive rebuilds and show in
 * diffs. JSON, not YAML: the bank's content hash covers the authored .yaml and .txt files, and approving
 * an item must not make the committed bank look stale.
 */
export const APPROVALS_FILE = "approvals.json";

/** What an approved item showed, kept so that a changed item can be shown beside the version approved. */
const approvedVersionSchema = z.strictObject({
  itemId: z.string(),
  /** itemContentHash of the whole item (wording, key, explanation, sources, topic): any change unapproves it. */
  hash: z.string(),
  approvedBy: z.string(),
  approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  prompt: z.string(),
  options: z.array(optionSchema),
  answer: z.string(),
  explanation: z.string(),
});
export type ApprovedVersion = z.infer<typeof approvedVersionSchema>;

/** Approved versions by item family (what an item asks, whatever its wording: lib/content/generate/formats). */
const approvalsSchema = z.strictObject({ version: z.literal(1), approved: z.record(z.string(), approvedVersionSchema) });
export type Approvals = z.infer<typeof approvalsSchema>;

export const NO_APPROVALS: Approvals = { version: 1, approved: {} };

export function approvalsFile(contentRoot: string): string {
  return path.join(contentRoot, APPROVALS_FILE);
}

/** The approvals under a content root; none when the file does not exist yet. */
export function readApprovals(contentRoot: string): Approvals {
  const file = approvalsFile(contentRoot);
  if (!fs.existsSync(file)) return NO_APPROVALS;
  const parsed = approvalsSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a valid approvals file: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

/** Families in order, one entry per block, a final newline: approving one item is a diff of a few lines. */
export function serialiseApprovals(approvals: Approvals): string {
  const approved = Object.fromEntries(Object.entries(approvals.approved).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, approved }, null, 2)}\n`;
}

export function writeApprovals(contentRoot: string, approvals: Approvals): void {
  const file = approvalsFile(contentRoot);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, serialiseApprovals(approvals));
  fs.renameSync(temporary, file);
}

export type ApprovalStatus = "approved" | "new" | "changed";

export function approvalStatus(item: BankItem, approvals: Approvals): ApprovalStatus {
  const approved = approvals.approved[familyOf(item.id)];
  if (!approved) return "new";
  return approved.hash === itemContentHash(item) ? "approved" : "changed";
}

/** The bank measured against the approvals: what an editor still has to look at. */
export type ReviewState = {
  approved: number;
  /** Items of a family never approved. */
  added: BankItem[];
  /** Items whose family was approved in another version: shown beside it, with what differs. */
  changed: { item: BankItem; approved: ApprovedVersion; differs: string[] }[];
  /** Approved families no longer in the bank (their entries stay until approvals are pruned). */
  gone: string[];
};

export function reviewState(items: readonly BankItem[], approvals: Approvals): ReviewState {
  const state: ReviewState = { approved: 0, added: [], changed: [], gone: [] };
  const families = new Set<string>();
  for (const item of items) {
    families.add(familyOf(item.id));
    const status = approvalStatus(item, approvals);
    if (status === "approved") state.approved++;
    else if (status === "new") state.added.push(item);
    else {
      const approved = approvals.approved[familyOf(item.id)]!;
      state.changed.push({ item, approved, differs: differences(approved, item) });
    }
  }
  state.gone = Object.keys(approvals.approved).filter((family) => !families.has(family)).sort();
  return state;
}

/** What an editor sees differ between the approved version and the item now (the hash covers sources too). */
function differences(approved: ApprovedVersion, item: BankItem): string[] {
  const keyText = (version: Pick<BankItem, "options" | "answer">) => version.options.find((option) => option.id === version.answer)?.text ?? version.answer;
  const differs = [
    approved.prompt !== item.prompt && "wording",
    JSON.stringify(approved.options) !== JSON.stringify(item.options) && "options",
    keyText(approved) !== keyText(item) && "key",
    approved.explanation !== item.explanation && "explanation",
  ].filter((field): field is string => typeof field === "string");
  return differs.length > 0 ? differs : ["sources, topic or subjects"];
}

/** The approvals with these items approved as they are now, by this editor, on this day (YYYY-MM-DD). */
export function withApproved(approvals: Approvals, items: readonly BankItem[], approvedBy: string, today: string): Approvals {
  const approved = { ...approvals.approved };
  for (const item of items) {
    approved[familyOf(item.id)] = {
      itemId: item.id,
      hash: itemContentHash(item),
      approvedBy,
      approvedOn: today,
      prompt: item.prompt,
      options: item.options,
      answer: item.answer,
      explanation: item.explanation,
    };
  }
  return { version: 1, approved };
}

/** The lines `content:build` prints about approvals: what is new or changed since an editor approved it. */
export function approvalReport(items: readonly BankItem[], approvals: Approvals, shown = 10): string[] {
  const state = reviewState(items, approvals);
  const lines = [`Approval: ${state.approved} approved, ${state.added.length} new and ${state.changed.length} changed since approval (review them at /editor/approvals)`];
  const list = (title: string, ids: string[]) => {
    if (ids.length === 0) return;
    lines.push(`${title} ${ids.length}:`, ...ids.slice(0, shown).map((id) => `  ${id}`));
    if (ids.length > shown) lines.push(`  ... and ${ids.length - shown} more`);
  };
  list("Not yet approved", state.added.map((item) => item.id));
  list("Changed since approval", state.changed.map(({ item, approved }) => `${approved.itemId} -> ${item.id}`));
  list("Approved but no longer in the bank", state.gone);
  return lines;
}

/**
 * The bank as learners get it under the policy. Items left out are retired when the bank is loaded into
 * the database (learners' cards and history stay), and restored once approved.
 */
export function servedBank(bank: Bank, approvals: Approvals, policy: ServingPolicy): Bank {
  if (policy === "all-items") return bank;
  return { ...bank, items: bank.items.filter((item) => approvalStatus(item, approvals) === "approved") };
}
