"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { MAX_REPLY_LENGTH } from "@/lib/reports/reasons";

type Decision = { action: "dismiss"; reply: string } | { action: "withhold" } | { action: "fixed"; note?: string };

/** An editor's three decisions on an item's open reports (POST /api/editor/items/{itemId}/decision). */
export function EditorActions({ itemId, withheld }: { itemId: string; withheld: boolean }) {
  const router = useRouter();
  const id = useId();
  const [reply, setReply] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function decide(decision: Decision) {
    setBusy(true);
    setMessage(null);
    try {
      await api(`/api/editor/items/${encodeURIComponent(itemId)}/decision`, { body: decision });
      // The page says what was done, above the refreshed list (a dismissed or fixed item leaves it).
      router.replace(`/editor?decided=${encodeURIComponent(itemId)}&action=${decision.action}`, { scroll: false });
      router.refresh();
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : "Not saved: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="editor-actions">
      <h3>Decide</h3>
      <form
        className="form-field"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reply.trim()) setMessage("Write why the answer stands: the learners will read it.");
          else void decide({ action: "dismiss", reply: reply.trim() });
        }}
      >
        <label htmlFor={`${id}-reply`}>The answer stands, because…</label>
        <textarea id={`${id}-reply`} rows={3} maxLength={MAX_REPLY_LENGTH} value={reply} onChange={(event) => setReply(event.target.value)} />
        <button type="submit" className="button" disabled={busy}>
          Dismiss with this reply
        </button>
      </form>
      <form
        className="form-field"
        onSubmit={(event) => {
          event.preventDefault();
          void decide(note.trim() ? { action: "fixed", note: note.trim() } : { action: "fixed" });
        }}
      >
        <label htmlFor={`${id}-note`}>What was fixed (optional, shown to the learners)</label>
        <textarea id={`${id}-note`} rows={2} maxLength={MAX_REPLY_LENGTH} value={note} onChange={(event) => setNote(event.target.value)} />
        <button type="submit" className="button button-secondary" disabled={busy}>
          Mark fixed
        </button>
      </form>
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || withheld}
          onClick={() => void decide({ action: "withhold" })}
        >
          {withheld ? "Withheld" : "Withhold from learners"}
        </button>
      </p>
      {message && (
        <p className="alert alert-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
