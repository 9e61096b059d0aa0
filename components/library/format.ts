import type { DocumentMeta } from "@/lib/content/schema";
import { monthYear } from "@/lib/content/generate/wording";

const KINDS: Record<DocumentMeta["kind"], string> = {
  "official-statement": "Official statement",
  news: "News report",
  "exam-notes": "Exam notes",
};

export function documentKind(kind: DocumentMeta["kind"]): string {
  return KINDS[kind];
}

const dayFormat = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2024-08-20" -> "20 Aug 2024"; "2024-08" -> "August 2024"; "2024" -> "2024". */
export function partialDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayFormat.format(new Date(`${date}T00:00:00Z`)) : monthYear(date);
}
