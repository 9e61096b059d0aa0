import "server-only";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Decision, ReportInput } from "./requests";
import { OPEN_REPORT_STATUSES, type ReportReason, type ReportStatus } from "./reasons";
import { isWithheld } from "./withheld";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What a learner sees of their own report of an item. */
export type MyReport = {
  id: string;
  itemId: string;
  reason: ReportReason;
  comment: string | null;
  status: ReportStatus;
  /** The editor's reply: why the answer stands, or what was fixed. */
  reply: string | null;
  updatedAt: Date;
  resolvedAt: Date | null;
};

const MY_REPORTS_LIMIT = 1000;

/** While a report is open its openKey is this, which the unique index allows once. */
function openKeyOf(userId: string, itemId: string): string {
  return `${userId} ${itemId}`;
}

/**
 * Locks the item's row for the rest of the transaction (PostgreSQL: a row lock; SQLite: the write lock),
 * so that reports and decisions on one item run one after the other and each sees the ones before it:
 * three learners reporting at the same moment still withhold the item. False for an unknown item.
 */
async function lockItem(tx: Tx, itemId: string): Promise<boolean> {
  const rows = await tx.$executeRaw`UPDATE "BankItem" SET "withheldAt" = "withheldAt" WHERE "id" = ${itemId}`;
  return rows > 0;
}

/** Recomputes BankItem.withheldAt from the item's open reports (the rule is isWithheld's). */
async function applyWithheldRule(tx: Tx, itemId: string, now: Date): Promise<boolean> {
  const open = await tx.itemReport.findMany({
    where: { itemId, status: { in: [...OPEN_REPORT_STATUSES] } },
    select: { userId: true, reason: true, status: true },
  });
  const withheld = isWithheld(open);
  await tx.bankItem.updateMany({
    where: { id: itemId, withheldAt: withheld ? null : { not: null } },
    data: { withheldAt: withheld ? now : null },
  });
  return withheld;
}

/**
 * A learner reports a problem with an item. One open report per user and item: a second report while
 * the first is open replaces its reason and comment (and keeps its id). NotFoundError for an unknown item.
 */
export async function reportItem(db: Db, userId: string, itemId: string, input: ReportInput, now: Date): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    if (!(await lockItem(tx, itemId))) throw new NotFoundError("No such item.");
    const openKey = openKeyOf(userId, itemId);
    const comment = input.comment ?? null;
    const report = await tx.itemReport.upsert({
      where: { openKey },
      create: { itemId, userId, reason: input.reason, comment, openKey, createdAt: now, updatedAt: now },
      update: { reason: input.reason, comment, updatedAt: now },
      select: { id: true },
    });
    await applyWithheldRule(tx, itemId, now);
    return report;
  });
}

/**
 * Deletes every report of a user (account deletion), inside the caller's transaction, and applies the
 * withheld rule again to the items that had an open one: a learner's "wrong answer" report no longer
 * counts once the learner is gone. An item whose only open reports were this user's, withheld by an
 * editor, is released with them.
 */
export async function deleteReportsOf(tx: Tx, userId: string, now: Date): Promise<void> {
  const open = await tx.itemReport.findMany({
    where: { userId, status: { in: [...OPEN_REPORT_STATUSES] } },
    select: { itemId: true },
    orderBy: { itemId: "asc" },
  });
  // Items in id order: two deletions at once take the item locks in the same order.
  for (const { itemId } of open) await lockItem(tx, itemId);
  await tx.itemReport.deleteMany({ where: { userId } });
  for (const { itemId } of open) await applyWithheldRule(tx, itemId, now);
}

/** The user's reports, the latest per item, newest first: what the items show as "Reported: …". */
export async function myReports(db: Db, userId: string): Promise<MyReport[]> {
  const rows = await db.itemReport.findMany({
    where: { userId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: MY_REPORTS_LIMIT,
    select: { id: true, itemId: true, reason: true, comment: true, status: true, reply: true, updatedAt: true, resolvedAt: true },
  });
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.itemId) && seen.add(row.itemId))
    .map((row) => ({ ...row, reason: row.reason as ReportReason, status: row.status as ReportStatus }));
}

/** The same, by item: what a page that shows many items' "Report a problem" passes to each. */
export async function myReportsByItem(db: Db, userId: string): Promise<Map<string, Pick<MyReport, "id" | "itemId" | "reason" | "comment" | "status" | "reply">>> {
  return new Map((await myReports(db, userId)).map(({ id, itemId, reason, comment, status, reply }) => [itemId, { id, itemId, reason, comment, status, reply }]));
}

export type DecisionResult = { itemId: string; reports: number; withheld: boolean };

/**
 * An editor's decision on an item's open reports: withhold it (the reports stay open, marked withheld),
 * dismiss them with a reply (the answer stands) or mark them fixed (after a content change). Dismissing
 * or fixing closes every open report of the item, which releases it to quizzes and queues.
 * NotFoundError for an unknown item; ConflictError when it has no open reports.
 */
export async function decideItem(db: Db, editorId: string, itemId: string, decision: Decision, now: Date): Promise<DecisionResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockItem(tx, itemId))) throw new NotFoundError("No such item.");
    const open = { itemId, status: { in: [...OPEN_REPORT_STATUSES] } };
    let changed: number;
    if (decision.action === "withhold") {
      const total = await tx.itemReport.count({ where: open });
      await tx.itemReport.updateMany({ where: { itemId, status: "open" }, data: { status: "withheld", updatedAt: now } });
      changed = total;
    } else {
      const closed = await tx.itemReport.updateMany({
        where: open,
        data: {
          status: decision.action === "dismiss" ? "dismissed" : "fixed",
          reply: decision.action === "dismiss" ? decision.reply : (decision.note ?? null),
          openKey: null,
          resolvedAt: now,
          resolvedById: editorId,
          updatedAt: now,
        },
      });
      changed = closed.count;
    }
    if (changed === 0) throw new ConflictError("This item has no open reports to decide.");
    return { itemId, reports: changed, withheld: await applyWithheldRule(tx, itemId, now) };
  });
}
