import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Bank, Citation, Option } from "@/lib/content/bank";
import { quoteContext, type QuoteInContext } from "@/lib/content/library";
import type { Db } from "@/lib/db/client";
import { OPEN_REPORT_STATUSES, type ReportReason, type ReportStatus } from "./reasons";

export type QueueReport = { id: string; reason: ReportReason; comment: string | null; status: ReportStatus; createdAt: Date; updatedAt: Date };

export type QueueFact = { id: string; statement: string; asOf: string | null; note: string | null; editorialNote: string | null };

/** One reported item as an editor reviews it: what learners saw, the facts and passages behind it, the reports. */
export type ReportedItem = {
  item: {
    id: string;
    type: string;
    topic: string;
    prompt: string;
    options: Option[];
    /** The key (an option id), or a flashcard's or cloze's answer text. */
    answer: string;
    explanation: string;
    asOf: string | null;
    retired: boolean;
    withheld: boolean;
  };
  facts: QueueFact[];
  /** Each source quoted in its document, a few lines either side (the Library's view). */
  passages: QuoteInContext[];
  reports: QueueReport[];
  counts: { reports: number; wrongAnswer: number };
};

/** The content the item's facts and passages are read from: the bank and the folder it was built from. */
export type ContentSource = { bank: Bank; contentRoot: string };

const OPEN_REPORTS_LIMIT = 5000;

/**
 * The editors' queue: every item with open reports, most reported first (then most "wrong answer"
 * reports, then the longest waiting), each with its content, facts, source passages in context and
 * every report with its comment. Reports are anonymous here: editors judge the item, not the learner.
 */
export async function editorQueue(db: Db, content: ContentSource): Promise<ReportedItem[]> {
  const reports = await db.itemReport.findMany({
    where: { status: { in: [...OPEN_REPORT_STATUSES] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: OPEN_REPORTS_LIMIT,
    select: { id: true, itemId: true, reason: true, comment: true, status: true, createdAt: true, updatedAt: true },
  });
  const byItem = new Map<string, QueueReport[]>();
  for (const { itemId, ...report } of reports) {
    const list = byItem.get(itemId) ?? [];
    list.push({ ...report, reason: report.reason as ReportReason, status: report.status as ReportStatus });
    byItem.set(itemId, list);
  }
  if (byItem.size === 0) return [];
  const items = await db.bankItem.findMany({ where: { id: { in: [...byItem.keys()] } } });
  const facts = new Map(content.bank.facts.map((fact) => [fact.id, fact]));
  const titles = new Map(content.bank.documents.map((document) => [document.id, document.title]));
  const documents = new Map<string, string[] | null>();
  const linesOf = (doc: string) => {
    if (!documents.has(doc)) {
      const file = path.join(content.contentRoot, "sources", `${doc}.txt`);
      documents.set(doc, fs.existsSync(file) ? fs.readFileSync(file, "utf8").split(/\r?\n/) : null);
    }
    return documents.get(doc)!;
  };
  const queue = items.map((item): ReportedItem => {
    const itemReports = byItem.get(item.id)!;
    const sources = JSON.parse(item.sources) as Citation[];
    return {
      item: {
        id: item.id,
        type: item.type,
        topic: item.topic,
        prompt: item.prompt,
        options: JSON.parse(item.options) as Option[],
        answer: item.answer,
        explanation: item.explanation,
        asOf: item.asOf,
        retired: item.retiredAt !== null,
        withheld: item.withheldAt !== null,
      },
      facts: (JSON.parse(item.factIds) as string[]).map((id) => {
        const fact = facts.get(id);
        return { id, statement: fact?.statement ?? "(no longer in the bank)", asOf: fact?.asOf ?? null, note: fact?.note ?? null, editorialNote: fact?.editorialNote ?? null };
      }),
      passages: sources.map((source) => {
        const lines = linesOf(source.doc);
        return {
          ...source,
          documentTitle: titles.get(source.doc) ?? source.doc,
          context: lines ? quoteContext(lines, source.quote) : { firstLine: 1, text: source.quote, marked: null },
        };
      }),
      reports: itemReports,
      counts: { reports: itemReports.length, wrongAnswer: itemReports.filter((report) => report.reason === "wrong-answer").length },
    };
  });
  const waitingSince = (entry: ReportedItem) => Math.min(...entry.reports.map((report) => report.createdAt.getTime()));
  return queue.sort(
    (a, b) =>
      b.counts.reports - a.counts.reports ||
      b.counts.wrongAnswer - a.counts.wrongAnswer ||
      waitingSince(a) - waitingSince(b) ||
      a.item.id.localeCompare(b.item.id),
  );
}
