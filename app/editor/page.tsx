import type { Metadata } from "next";
import path from "node:path";
import { z } from "zod";
import { DecisionBanner } from "@/components/editor/decision-banner";
import { EditorActions } from "@/components/editor/editor-actions";
import { ReportedItemView } from "@/components/editor/reported-item";
import { loadBank } from "@/lib/content/bank";
import { getDb } from "@/lib/db/client";
import { editorQueue } from "@/lib/reports/editor-queue";

export const metadata: Metadata = { title: "Reports · Editor" };

const searchSchema = z.object({ decided: z.string().max(300), action: z.enum(["dismiss", "withhold", "fixed"]) }).nullable().catch(null);

const DONE: Record<"dismiss" | "withhold" | "fixed", string> = {
  dismiss: "Dismissed: the learners who reported it see your reply, and the item is served again.",
  withhold: "Withheld: learners get this item in no quiz or review until you dismiss the reports or mark it fixed.",
  fixed: "Marked fixed: the learners who reported it see that it was fixed, and the item is served again.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The editors' queue of learners' reports, most reported item first (the layout admits editors only). */
export default async function EditorPage({ searchParams }: Props) {
  const decided = searchSchema.parse(await searchParams);
  const queue = await editorQueue(getDb(), { bank: loadBank(), contentRoot: path.resolve("content") });
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Reports</h1>
        <p className="muted">
          Problems learners reported, by item, most reported first. Check the item against its sources, then dismiss the reports
          with a reply (the answer stands), withhold the item from quizzes and reviews until it is fixed, or mark it fixed once the
          content is changed. Items with &quot;wrong answer&quot; reports from three learners are withheld until you decide.
        </p>
      </header>
      {decided && <DecisionBanner text={`${DONE[decided.action]} (${decided.decided})`} />}
      {queue.length === 0 ? (
        <p className="card">No open reports. Learners&apos; new reports will appear here.</p>
      ) : (
        queue.map((entry) => (
          <ReportedItemView key={entry.item.id} entry={entry}>
            <EditorActions itemId={entry.item.id} withheld={entry.item.withheld} />
          </ReportedItemView>
        ))
      )}
    </div>
  );
}
