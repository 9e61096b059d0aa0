"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { MAX_COMMENT_LENGTH, REPORT_REASON_LABELS, REPORT_REASONS, type ReportReason, type ReportStatus } from "@/lib/reports/reasons";
import "./reports.css";

export type MyReport = { id: string; itemId: string; reason: ReportReason; comment: string | null; status: ReportStatus; reply: string | null };

// The user's reports, fetched once for every item on the page (GET /api/reports) and kept for a minute.
const FRESH_MS = 60_000;
let mine: { at: number; reports: Promise<Map<string, MyReport>> } | null = null;

function myReports(): Promise<Map<string, MyReport>> {
  if (!mine || Date.now() - mine.at > FRESH_MS) {
    const reports = api<{ reports: MyReport[] }>("/api/reports")
      .then(({ reports }) => new Map(reports.map((report) => [report.itemId, report])))
      .catch(() => {
        mine = null;
        return new Map<string, MyReport>();
      });
    mine = { at: Date.now(), reports };
  }
  return mine.reports;
}

/** What became of the learner's report, on the item. */
function outcome(report: MyReport): string {
  switch (report.status) {
    case "open":
      return "Reported: an editor will look at it.";
    case "withheld":
      return "Reported: held back from quizzes and reviews while an editor checks it.";
    case "fixed":
      return report.reply ? `Reported: fixed. ${report.reply}` : "Reported: fixed.";
    case "dismissed":
      return `Reported: the answer stands, because ${report.reply ?? "an editor checked it against the source"}`;
  }
}

/**
 * "Report a problem" for one bank item (a quiz question once answered, a flashcard once revealed, a
 * Library fact's card): a dialog with the reason and an optional comment, then what became of the report.
 */
export function ReportProblem({
  itemId,
  about,
  initialReport,
}: {
  itemId: string;
  /** For screen readers where several items share a page: "for: …". */
  about?: string;
  /** The learner's report of this item as the server read it with the page (null: none). Given, the page does not ask for the reports after it loads. */
  initialReport?: MyReport | null;
}) {
  const [report, setReport] = useState<MyReport | null>(initialReport ?? null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [received, setReceived] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    // The page's copy is current until a report is sent from it (which fills the shared cache above).
    if (initialReport !== undefined && mine === null) return;
    let live = true;
    void myReports().then((reports) => {
      if (live) setReport(reports.get(itemId) ?? null);
    });
    return () => {
      live = false;
    };
  }, [itemId, initialReport]);

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  const pending = report && (report.status === "open" || report.status === "withheld") ? report : null;

  function start() {
    setReason(pending?.reason ?? null);
    setComment(pending?.comment ?? "");
    setError(null);
    setOpen(true);
  }

  function close() {
    dialog.current?.close();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason || busy) {
      if (!reason) setError("Choose what is wrong.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const trimmed = comment.trim();
      const { id: reportId } = await api<{ id: string }>(`/api/items/${encodeURIComponent(itemId)}/reports`, {
        body: trimmed ? { reason, comment: trimmed } : { reason },
      });
      const saved: MyReport = { id: reportId, itemId, reason, comment: trimmed || null, status: pending?.status ?? "open", reply: null };
      void myReports().then((reports) => reports.set(itemId, saved));
      setReport(saved);
      setReceived(true);
      close();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The report was not sent: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="report-problem">
      <p className="report-outcome" role="status">
        {received ? "Thank you: your report was received. An editor will look at it." : report ? outcome(report) : null}
      </p>
      <button ref={opener} type="button" className="link-button report-open" onClick={start} aria-haspopup="dialog">
        {pending ? "Change your report" : "Report a problem"}
        {about && <span className="visually-hidden"> for: {about}</span>}
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="report-dialog"
          aria-labelledby={`${id}-title`}
          // Keys typed here are the form's, not the flashcard session's shortcuts (1-4, Z, Space).
          onKeyDown={(event) => event.stopPropagation()}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        >
          <form onSubmit={(event) => void submit(event)} noValidate>
            <h2 id={`${id}-title`}>Report a problem</h2>
            <fieldset className="report-reasons">
              <legend>What is wrong?</legend>
              {REPORT_REASONS.map((value) => (
                <label key={value} className="option">
                  <input type="radio" name={`${id}-reason`} value={value} checked={reason === value}
                    onChange={() => {
                      setReason(value);
                      setError(null);
                    }}
                  />
                  <span>{REPORT_REASON_LABELS[value]}</span>
                </label>
              ))}
            </fieldset>
            <div className="form-field">
              <label htmlFor={`${id}-comment`}>Comment (optional)</label>
              <textarea
                id={`${id}-comment`}
                rows={4}
                maxLength={MAX_COMMENT_LENGTH}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                aria-describedby={`${id}-count`}
              />
              <span id={`${id}-count`} className="field-hint">
                What should it say, and where did you read it? {comment.length}/{MAX_COMMENT_LENGTH} characters.
              </span>
            </div>
            {error && (
              <p className="alert alert-error" role="alert">
                {error}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                Send report
              </button>
              <button type="button" className="button button-secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        </dialog>
      )}
    </div>
  );
}
