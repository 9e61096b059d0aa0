"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { VALUE_TYPES } from "@/lib/content/schema";
import { formatName } from "@/lib/content/item-types";
import type { DocumentForAuthoring } from "@/lib/editor/document-authoring";
import type { DraftPreview } from "@/lib/editor/fact-draft";
import { findInSentence, suggestFact, type Found } from "@/lib/editor/suggest";
import { ItemVersion } from "./item-version";

type Selected = { quote: string; locator: string };

type Draft = {
  file: string;
  id: string;
  statement: string;
  topic: string;
  asOf: string;
  subject: string;
  relation: string;
  /** "entity" or a value type. */
  valueKind: string;
  valueEntity: string;
  valueText: string;
  question: string;
  locator: string;
  quote: string;
};

const PREVIEW_DELAY_MS = 500;

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .replace(/-$/, "");
}

/** The fact as the content's YAML has it, from the form: empty optional fields left out. */
function factOf(draft: Draft, doc: string): Record<string, unknown> {
  return {
    id: draft.id,
    statement: draft.statement,
    ...(draft.topic.trim() ? { topic: draft.topic.trim() } : {}),
    asOf: draft.asOf,
    subject: draft.subject,
    relation: draft.relation,
    value: draft.valueKind === "entity" ? { entity: draft.valueEntity } : { type: draft.valueKind, text: draft.valueText },
    ...(draft.question.trim() ? { question: draft.question.trim() } : {}),
    sources: [{ doc, locator: draft.locator, quote: draft.quote }],
  };
}

/** A paragraph as a quote: its words without the list bullet or number in front. */
function paragraphQuote(text: string): string {
  return collapse(text).replace(/^(?:[•\-–]|\d+\.)\s+/, "");
}

/** The lines a selection inside the document covers, read from the paragraphs' data-line. */
function selectedInDocument(container: HTMLElement): Selected | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const lineOf = (node: Node | null) => {
    const element = node instanceof Element ? node : node?.parentElement;
    const paragraph = element?.closest<HTMLElement>("[data-line]");
    return paragraph && container.contains(paragraph) ? Number(paragraph.dataset.line) : null;
  };
  const first = lineOf(selection.anchorNode);
  const last = lineOf(selection.focusNode);
  const quote = collapse(selection.toString());
  if (first === null || last === null || quote.length < 3) return null;
  const [from, to] = first <= last ? [first, last] : [last, first];
  return { quote, locator: from === to ? `line ${from}` : `lines ${from}-${to}` };
}

/**
 * The authoring page's working part: the document paragraph by paragraph with the facts citing each, and
 * a fact draft that a text selection starts (exact quote and locator, suggested subject, relation and
 * value), previewed live by the generator and the linter, saved into the chosen facts file.
 */
export function DocumentAuthoring({ view, editable }: { view: DocumentForAuthoring; editable: boolean }) {
  const router = useRouter();
  const formId = useId();
  const documentRef = useRef<HTMLDivElement>(null);
  const draftHeadingRef = useRef<HTMLHeadingElement>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [found, setFound] = useState<Found[]>([]);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const entityName = new Map(view.entities.map((entity) => [entity.id, entity.name]));

  useEffect(() => {
    const onSelectionChange = () => {
      const container = documentRef.current;
      const inDocument = container && selectedInDocument(container);
      // The last selection in the document is kept: pressing the button must not lose it.
      if (inDocument) setSelected(inDocument);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, []);

  useEffect(() => {
    if (!draft) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setPreviewing(true);
      try {
        const fact = factOf(draft, view.meta.id);
        const response = await fetch("/api/editor/drafts/preview", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ file: draft.file, fact }),
          signal: controller.signal,
        });
        const body = await response.json();
        if (response.ok) setPreview(body as DraftPreview);
        else setPreview({ problems: [{ field: "(request)", message: body.message ?? `Preview failed (${response.status})` }], items: [], lint: [], changes: { added: [], reworded: [], rekeyed: [], retired: [] } });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setPreview(null);
      } finally {
        if (!controller.signal.aborted) setPreviewing(false);
      }
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft, view.meta.id]);

  function startDraft(from: Selected) {
    const suggestion = suggestFact(from.quote, view.entities, view.relations);
    setFound(findInSentence(from.quote, view.entities));
    const value = suggestion.value;
    setDraft({
      file: view.factFiles[0]?.name ?? "",
      id: slug([suggestion.subject, suggestion.relation].filter(Boolean).join("-") || from.quote.split(" ").slice(0, 6).join(" ")),
      statement: from.quote,
      topic: "",
      asOf: view.meta.eventsDate,
      subject: suggestion.subject ?? "",
      relation: suggestion.relation ?? "",
      valueKind: value && "entity" in value ? "entity" : (value?.type ?? "entity"),
      valueEntity: value && "entity" in value ? value.entity : "",
      valueText: value && "text" in value ? value.text : "",
      question: "",
      locator: from.locator,
      quote: from.quote,
    });
    setPreview(null);
    setMessage(null);
    // Keyboard and screen-reader users land on the draft they just started.
    requestAnimationFrame(() => draftHeadingRef.current?.focus());
  }

  const update = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((current) => (current ? { ...current, [field]: event.target.value } : current));

  async function save() {
    if (!draft) return;
    setSaving(true);
    setMessage(null);
    try {
      const fact = factOf(draft, view.meta.id);
      const saved = await api<{ file: string; id: string; items: number }>("/api/editor/facts", { body: { file: draft.file, fact } });
      setMessage({ kind: "success", text: `Saved ${saved.id} to content/${saved.file} (${saved.items} items). Run npm run content:build to regenerate the bank.` });
      setDraft(null);
      setPreview(null);
      router.refresh();
    } catch (caught) {
      const text =
        caught instanceof ApiError
          ? [caught.message, ...(caught.body.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`)].join(" ")
          : "Not saved: check your connection and try again.";
      setMessage({ kind: "error", text });
    } finally {
      setSaving(false);
    }
  }

  async function markChrome(line: number) {
    setMessage(null);
    try {
      await api(`/api/editor/documents/${view.meta.id}/chrome`, { body: { locator: `line ${line}` } });
      router.refresh();
    } catch (caught) {
      setMessage({ kind: "error", text: caught instanceof ApiError ? caught.message : "Not saved: check your connection and try again." });
    }
  }

  return (
    <div className="authoring">
      <section className="card authoring-document" aria-labelledby={`${formId}-text`}>
        <h2 id={`${formId}-text`}>The text</h2>
        <p className="muted">Select a sentence (or part of one) to start a fact from it.</p>
        <div ref={documentRef}>
          {view.paragraphs.map((paragraph, index) => (
            <div
              key={paragraph.line}
              data-line={paragraph.line}
              className={`doc-paragraph${paragraph.chrome ? " doc-chrome" : ""}${paragraph.uncovered ? " doc-uncovered" : ""}`}
            >
              <span className="doc-line-number" data-number={paragraph.line} aria-hidden="true" />
              <div className="doc-body">
                <p className="doc-text">{paragraph.text}</p>
                {/* One label for a run of chrome, as the Library does. */}
                {paragraph.chrome && !view.paragraphs[index - 1]?.chrome && <p className="doc-label">Not content (page chrome)</p>}
                {paragraph.uncovered && <p className="doc-label doc-label-uncovered">No fact cites this paragraph</p>}
                {paragraph.facts.length > 0 && (
                  <ul className="doc-facts" aria-label={`Facts citing line ${paragraph.line}`}>
                    {paragraph.facts.map((fact) => (
                      <li key={fact.id}>
                        <code>{fact.id}</code> {fact.statement}
                      </li>
                    ))}
                  </ul>
                )}
                {!paragraph.chrome && paragraph.facts.length === 0 && (
                  <p className="doc-actions">
                    {/* The keyboard's way to a draft: the whole paragraph as the quote, to be trimmed. */}
                    <button type="button" className="link-button" onClick={() => startDraft({ quote: paragraphQuote(paragraph.text), locator: `line ${paragraph.line}` })}>
                      Draft a fact from line {paragraph.line}
                    </button>
                    {editable && (
                      <button type="button" className="link-button" onClick={() => void markChrome(paragraph.line)}>
                        Mark line {paragraph.line} as not content
                      </button>
                    )}
                  </p>
                )}
              </div>
            </div>
          ))}
        </div>
      </section>

      <section className="card authoring-draft" aria-labelledby={`${formId}-draft`}>
        <h2 id={`${formId}-draft`} ref={draftHeadingRef} tabIndex={-1}>
          Fact draft
        </h2>
        <p className="muted">{selected ? `Selected (${selected.locator}): “${selected.quote}”` : "Nothing selected in the text yet."}</p>
        <button type="button" className="button" disabled={!selected} onClick={() => selected && startDraft(selected)}>
          Start a fact from the selection
        </button>
        {message && (
          <p className={`alert ${message.kind === "error" ? "alert-error" : "alert-success"}`} role={message.kind === "error" ? "alert" : "status"}>
            {message.text}
          </p>
        )}
        {draft && (
          <form
            className="draft-form"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            {found.length > 0 && (
              <p className="found">
                Found in the sentence:{" "}
                {found.map((item, index) => (
                  <span key={`${item.start}-${index}`} className="badge">
                    {item.text} <span className="muted">({item.kind === "entity" ? item.entityId : item.type})</span>
                  </span>
                ))}
              </p>
            )}
            <div className="form-field">
              <label htmlFor={`${formId}-file`}>Facts file</label>
              <select id={`${formId}-file`} value={draft.file} onChange={update("file")}>
                {view.factFiles.map((file) => (
                  <option key={file.name} value={file.name}>
                    {file.name} ({file.facts} facts{file.citingThisDocument > 0 ? `, ${file.citingThisDocument} citing this document` : ""})
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor={`${formId}-id`}>Fact id</label>
              <input id={`${formId}-id`} value={draft.id} onChange={update("id")} />
            </div>
            <div className="form-field">
              <label htmlFor={`${formId}-statement`}>Statement (a true sentence that holds the value)</label>
              <textarea id={`${formId}-statement`} rows={3} value={draft.statement} onChange={update("statement")} />
            </div>
            <div className="draft-row">
              <div className="form-field">
                <label htmlFor={`${formId}-asof`}>As of (YYYY-MM-DD, YYYY-MM or YYYY)</label>
                <input id={`${formId}-asof`} value={draft.asOf} onChange={update("asOf")} />
              </div>
              <div className="form-field">
                <label htmlFor={`${formId}-topic`}>Topic (empty: the file&apos;s)</label>
                <input
                  id={`${formId}-topic`}
                  value={draft.topic}
                  placeholder={view.factFiles.find((file) => file.name === draft.file)?.topic ?? ""}
                  onChange={update("topic")}
                />
              </div>
            </div>
            <div className="form-field">
              <label htmlFor={`${formId}-subject`}>Subject</label>
              <select id={`${formId}-subject`} value={draft.subject} onChange={update("subject")}>
                <option value="">Choose an entity</option>
                {view.entities.map((entity) => (
                  <option key={entity.id} value={entity.id}>
                    {entity.name} ({entity.type})
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor={`${formId}-relation`}>Relation</label>
              <select id={`${formId}-relation`} value={draft.relation} onChange={update("relation")}>
                <option value="">Choose a relation</option>
                {view.relations.map((relation) => (
                  <option key={relation.id} value={relation.id}>
                    {relation.label} (takes a {relation.valueType})
                  </option>
                ))}
              </select>
            </div>
            <div className="draft-row">
              <div className="form-field">
                <label htmlFor={`${formId}-value-kind`}>Value is</label>
                <select id={`${formId}-value-kind`} value={draft.valueKind} onChange={update("valueKind")}>
                  <option value="entity">an entity</option>
                  {VALUE_TYPES.map((type) => (
                    <option key={type} value={type}>
                      a {type}
                    </option>
                  ))}
                </select>
              </div>
              {draft.valueKind === "entity" ? (
                <div className="form-field">
                  <label htmlFor={`${formId}-value-entity`}>Value</label>
                  <select id={`${formId}-value-entity`} value={draft.valueEntity} onChange={update("valueEntity")}>
                    <option value="">Choose an entity</option>
                    {view.entities.map((entity) => (
                      <option key={entity.id} value={entity.id}>
                        {entity.name} ({entity.type})
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <div className="form-field">
                  <label htmlFor={`${formId}-value-text`}>Value</label>
                  <input id={`${formId}-value-text`} value={draft.valueText} onChange={update("valueText")} />
                </div>
              )}
            </div>
            <div className="form-field">
              <label htmlFor={`${formId}-question`}>Question (optional: the relation&apos;s otherwise)</label>
              <input id={`${formId}-question`} value={draft.question} onChange={update("question")} />
            </div>
            <fieldset className="draft-source">
              <legend>Source: {view.meta.id}</legend>
              <div className="form-field">
                <label htmlFor={`${formId}-locator`}>Locator</label>
                <input id={`${formId}-locator`} value={draft.locator} onChange={update("locator")} />
              </div>
              <div className="form-field">
                <label htmlFor={`${formId}-quote`}>Quote (word for word)</label>
                <textarea id={`${formId}-quote`} rows={3} value={draft.quote} onChange={update("quote")} />
              </div>
            </fieldset>
            <DraftPreviewView preview={preview} busy={previewing} entityName={entityName} />
            {editable ? (
              <button type="submit" className="button" disabled={saving}>
                {saving ? "Saving…" : `Save to content/facts/${draft.file}`}
              </button>
            ) : (
              <p className="muted">Saving is off on this server: content is read-only here.</p>
            )}
          </form>
        )}
      </section>
    </div>
  );
}

/** What the draft would do, as the generator and the linter say, refreshed as the draft changes. */
function DraftPreviewView({ preview, busy, entityName }: { preview: DraftPreview | null; busy: boolean; entityName: Map<string, string> }) {
  if (!preview) return <p className="muted">{busy ? "Checking the draft…" : "The preview appears as you write."}</p>;
  const { problems, items, lint, changes } = preview;
  const changed = changes.reworded.length + changes.rekeyed.length + changes.retired.length + changes.added.length;
  return (
    <section className="draft-preview" aria-label="Preview" aria-busy={busy}>
      {problems.length > 0 ? (
        <>
          <h3>Problems ({problems.length})</h3>
          <ul className="draft-problems">
            {problems.map((problem, index) => (
              <li key={index}>
                <strong>{problem.field}</strong>: {problem.message}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="alert alert-success" role="status">
          The checker finds no problem in this fact.
        </p>
      )}
      {lint.length > 0 && (
        <>
          <h3>Linter ({lint.length}): content:build refuses while these stand</h3>
          <ul className="draft-problems">
            {lint.map((problem, index) => (
              <li key={index}>
                <code>{problem.itemId}</code> {problem.rule}: {problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {problems.length === 0 && (
        <>
          <h3>Items it would make ({items.length})</h3>
          {items.map((item) => (
            <div key={item.id} className="draft-item">
              <p className="muted item-id">
                <code>{item.id}</code>
                {item.subjects.length > 0 && ` · about ${item.subjects.map((subject) => entityName.get(subject) ?? subject).join(", ")}`}
              </p>
              <ItemVersion item={item} heading={formatName(item.type)} />
            </div>
          ))}
          <h3>Changes to existing items ({changed})</h3>
          {changed === 0 ? (
            <p className="muted">None: every other item stays as it is.</p>
          ) : (
            <ul className="draft-changes">
              {changes.reworded.length > 0 && <li>{changes.reworded.length} reworded: {changes.reworded.map(({ before }) => before.id).join(", ")}</li>}
              {changes.rekeyed.length > 0 && <li>{changes.rekeyed.length} re-keyed: {changes.rekeyed.map(({ before }) => before.id).join(", ")}</li>}
              {changes.retired.length > 0 && <li>{changes.retired.length} retired (regrouped or replaced): {changes.retired.map((item) => item.id).join(", ")}</li>}
              {changes.added.length > 0 && <li>{changes.added.length} new in their place: {changes.added.map((item) => item.id).join(", ")}</li>}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
