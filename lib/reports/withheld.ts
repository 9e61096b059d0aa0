import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { ReportReason, ReportStatus } from "./reasons";

/** "Wrong answer" reports from this many different learners withhold an item until an editor decides. */
export const WRONG_ANSWER_REPORTS_TO_WITHHOLD = 3;

/**
 * The rule, in its one place: an item is withheld from quizzes and review queues while an editor has
 * withheld it, or while open "wrong answer" reports of it come from WRONG_ANSWER_REPORTS_TO_WITHHOLD
 * different learners. An editor's decision (dismiss, fixed) closes the reports, which releases it.
 * `openReports` are the item's open reports (status open or withheld).
 */
export function isWithheld(openReports: readonly { userId: string; reason: ReportReason | string; status: ReportStatus | string }[]): boolean {
  if (openReports.some((report) => report.status === "withheld")) return true;
  const learners = new Set(openReports.filter((report) => report.reason === "wrong-answer").map((report) => report.userId));
  return learners.size >= WRONG_ANSWER_REPORTS_TO_WITHHOLD;
}

/**
 * BankItem.withheldAt holds the rule's answer, kept by lib/reports in the transaction of every report
 * and decision, so that serving an item costs no extra query. Where items are chosen for learners:
 * spread NOT_WITHHELD into a Prisma BankItem filter, or put notWithheldSql(alias) in raw SQL.
 */
export const NOT_WITHHELD = { withheldAt: null } as const;

export function notWithheldSql(itemAlias: string): Prisma.Sql {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(itemAlias)) throw new Error(`not an SQL alias: ${itemAlias}`);
  return Prisma.raw(`${itemAlias}."withheldAt" IS NULL`);
}
