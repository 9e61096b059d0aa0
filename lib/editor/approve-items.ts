import type { Bank } from "@/lib/content/bank";
import { seedBank } from "@/lib/content/seed-bank";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { readApprovals, reviewState, servedBank, withApproved, writeApprovals } from "./approval";
import { assertContentEditable } from "./content-root";
import type { ServingPolicy } from "./serving-policy";

export type ApproveOptions = {
  contentRoot: string;
  bank: Bank;
  itemIds: readonly string[];
  editorId: string;
  now: Date;
  policy: ServingPolicy;
  editsAllowed: boolean;
};

/**
 * Records an editor's approval of bank items, as they are now, in the content's approvals file. Where
 * only approved items are served, the database's bank follows at once (no restart needed).
 */
export async function approveItems(db: Db, options: ApproveOptions): Promise<{ approved: number; pending: number }> {
  assertContentEditable(options.editsAllowed);
  const byId = new Map(options.bank.items.map((item) => [item.id, item]));
  const unknown = options.itemIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new NotFoundError(`Not in the bank: ${unknown.join(", ")}`);
  const editor = await db.user.findUniqueOrThrow({ where: { id: options.editorId }, select: { email: true } });
  const approvals = withApproved(
    readApprovals(options.contentRoot),
    options.itemIds.map((id) => byId.get(id)!),
    editor.email,
    options.now.toISOString().slice(0, 10),
  );
  writeApprovals(options.contentRoot, approvals);
  if (options.policy === "approved-only") await seedBank(db, servedBank(options.bank, approvals, options.policy), options.now);
  const state = reviewState(options.bank.items, approvals);
  return { approved: options.itemIds.length, pending: state.added.length + state.changed.length };
}
