"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { api, ApiError } from "@/lib/client/api";

const KINDS = [
  { value: "official-statement", label: "Official statement" },
  { value: "news", label: "News report" },
  { value: "exam-notes", label: "Exam notes" },
] as const;

/** Adds a source document (POST /api/editor/documents): its text as pasted and its metadata, then opens it. */
export function NewDocumentForm() {
  const router = useRouter();
  const formId = useId();
  const [fields, setFields] = useState({ id: "", title: "", publisher: "", kind: "news", eventsDate: "", published: "", numbered: false, text: "" });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const set = (field: keyof typeof fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [field]: event.target.value }));

  async function submit() {
    setBusy(true);
    setErrors([]);
    try {
      const meta = {
        id: fields.id.trim(),
        title: fields.title.trim(),
        publisher: fields.publisher.trim(),
        kind: fields.kind,
        eventsDate: fields.eventsDate.trim(),
        ...(fields.published.trim() ? { published: fields.published.trim() } : {}),
        ...(fields.numbered ? { paragraphs: "numbered" } : {}),
      };
      const { id } = await api<{ id: string }>("/api/editor/documents", { body: { meta, text: fields.text } });
      router.push(`/editor/documents/${id}`);
    } catch (caught) {
      setErrors(
        caught instanceof ApiError
          ? [caught.message, ...(caught.body.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`)]
          : ["Not saved: check your connection and try again."],
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>Add a document</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="draft-row">
          <div className="form-field">
            <label htmlFor={`${formId}-id`}>Id (lower case, hyphens: the file name)</label>
            <input id={`${formId}-id`} value={fields.id} onChange={set("id")} placeholder="mea-2025-joint-statement" required />
          </div>
          <div className="form-field">
            <label htmlFor={`${formId}-kind`}>Kind</label>
            <select id={`${formId}-kind`} value={fields.kind} onChange={set("kind")}>
              {KINDS.map((kind) => (
                <option key={kind.value} value={kind.value}>
                  {kind.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-field">
          <label htmlFor={`${formId}-title`}>Title</label>
          <input id={`${formId}-title`} value={fields.title} onChange={set("title")} required />
        </div>
        <div className="form-field">
          <label htmlFor={`${formId}-publisher`}>Publisher</label>
          <input id={`${formId}-publisher`} value={fields.publisher} onChange={set("publisher")} required />
        </div>
        <div className="draft-row">
          <div className="form-field">
            <label htmlFor={`${formId}-events`}>Date of the events (YYYY-MM-DD, YYYY-MM or YYYY)</label>
            <input id={`${formId}-events`} value={fields.eventsDate} onChange={set("eventsDate")} required />
          </div>
          <div className="form-field">
            <label htmlFor={`${formId}-published`}>Published (optional)</label>
            <input id={`${formId}-published`} value={fields.published} onChange={set("published")} />
          </div>
        </div>
        <div className="checkbox-field">
          <input
            id={`${formId}-numbered`}
            type="checkbox"
            checked={fields.numbered}
            onChange={(event) => setFields((current) => ({ ...current, numbered: event.target.checked }))}
          />
          <label htmlFor={`${formId}-numbered`}>Its paragraphs are numbered (&quot;1. …&quot;): facts may cite &quot;para N&quot;</label>
        </div>
        <div className="form-field">
          <label htmlFor={`${formId}-text`}>Text (pasted as published, one paragraph a line)</label>
          <textarea id={`${formId}-text`} rows={10} value={fields.text} onChange={set("text")} required />
        </div>
        {errors.length > 0 && (
          <div className="alert alert-error" role="alert">
            {errors.map((error, index) => (
              <p key={index}>{error}</p>
            ))}
          </div>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Adding…" : "Add the document"}
        </button>
      </form>
    </section>
  );
}
