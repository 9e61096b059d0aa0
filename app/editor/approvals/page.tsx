import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { z } from "zod";
import { ApproveButton } from "@/components/editor/approve-button";
import { ItemVersion } from "@/components/editor/item-version";
import { loadBank, type BankItem } from "@/lib/content/bank";
import { formatName } from "@/lib/content/item-types";
import { APPROVALS_FILE, readApprovals, reviewState, type ApprovedVersion } from "@/lib/editor/approval";
import { contentEditsAllowed, contentRootFrom, READ_ONLY_CONTENT_MESSAGE } from "@/lib/editor/content-root";
import { servingPolicyFrom } from "@/lib/editor/serving-policy";
import "@/components/editor/editor.css";

export const metadata: Metadata = { title: "Approvals · Editor" };

const PAGE_SIZE = 20;
const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(1000).catch(1) }).catch({ page: 1 });

type Entry = { item: BankItem; approved?: ApprovedVersion; differs?: string[] };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Generated items an editor has not approved as they now are: changed ones beside the approved version, then new ones. */
export default async function ApprovalsPage({ searchParams }: Props) {
  const { page } = searchSchema.parse(await searchParams);
  const state = reviewState(loadBank().items, readApprovals(contentRootFrom(process.env)));
  const entries: Entry[] = [...state.changed, ...state.added.map((item) => ({ item }))];
  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const shown = entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const editable = contentEditsAllowed(process.env);
  const servesAll = servingPolicyFrom(process.env) === "all-items";
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Approvals</h1>
        <p className="muted">
          Every generated item waits here until an editor approves it as it is. A rebuild that changes an approved item puts it back
          here, beside the version approved. Approvals are kept in <code>content/{APPROVALS_FILE}</code>, with the content.
        </p>
        <p>
          <strong>{state.approved}</strong> approved · <strong>{state.changed.length}</strong> changed since approval ·{" "}
          <strong>{state.added.length}</strong> never approved.{" "}
          {servesAll
            ? "Learners are served every item, approved or not (SERVE_UNAPPROVED_ITEMS)."
            : "Learners are served approved items only (SERVE_UNAPPROVED_ITEMS=false)."}
        </p>
      </header>
      {!editable && (
        <p className="card notice" role="note">
          {READ_ONLY_CONTENT_MESSAGE}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="card">Every item in the bank is approved as it is.</p>
      ) : (
        <>
          {editable && <ApproveButton itemIds={shown.map((entry) => entry.item.id)} label={`Approve the ${shown.length} items on this page`} />}
          {shown.map(({ item, approved, differs }) => (
            <article key={item.id} className="card approval-item" aria-label={`${approved ? "Changed" : "New"} item ${item.id}`}>
              <p className="reported-meta">
                <span className="badge">{approved ? "Changed" : "New"}</span> <span className="badge">{formatName(item.type)}</span>{" "}
                <span className="muted">{item.topic}</span>
              </p>
              <p className="muted item-id">
                <code>{item.id}</code>
              </p>
              {differs && <p>Changed since approval: {differs.join(", ")}.</p>}
              <div className={approved ? "approval-columns" : undefined}>
                {approved && <ItemVersion item={approved} heading={`Approved ${approved.approvedOn} by ${approved.approvedBy}`} />}
                <ItemVersion item={item} heading={approved ? "Now" : "The item"} />
              </div>
              <p className="muted">Facts: {item.factIds.join(", ")}</p>
              {editable && <ApproveButton itemIds={[item.id]} label="Approve" />}
            </article>
          ))}
          {pages > 1 && (
            <nav className="pagination" aria-label="Pages">
              {page > 1 && <IntentLink href={`/editor/approvals?page=${page - 1}`}>Previous page</IntentLink>}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages && <IntentLink href={`/editor/approvals?page=${page + 1}`}>Next page</IntentLink>}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
