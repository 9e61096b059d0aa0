"use client";

import { CONFIDENCE_HINTS, CONFIDENCE_KEYS, CONFIDENCE_LABELS, CONFIDENCE_LEVELS, type Confidence } from "@/lib/strategy/confidence";
import type { JudgedMark } from "@/lib/practice/quiz/view";
import "./strategy.css";

/** Formats whose prompt numbers statements (pairs, list entries) the learner may judge one by one. */
export const STATEMENT_ITEM_TYPES: readonly string[] = ["statements-which", "statements-how-many", "match-pairs", "list-count", "membership"];

/** The numbered lines of a statement item's prompt ("1. …"), without their numbers. */
export function numberedStatements(prompt: string): string[] {
  return prompt
    .split("\n")
    .map((line) => /^\d+\.\s+(.*)$/.exec(line)?.[1])
    .filter((text): text is string => text !== undefined);
}

/** How a verdict reads in each format: statements are true or false, pairs matched or not, entries in or out. */
function verdictWords(type: string): { yes: string; no: string; noun: string } {
  if (type === "match-pairs") return { yes: "Matched", no: "Not matched", noun: "pair" };
  if (type === "list-count" || type === "membership") return { yes: "Yes", no: "No", noun: "entry" };
  return { yes: "True", no: "False", noun: "statement" };
}

/** The confidence picker: one tap, or S, F, G; optional; a second tap on the chosen level clears it. */
export function ConfidencePicker({ value, onChange, disabled }: { value: Confidence | null; onChange: (value: Confidence | null) => void; disabled: boolean }) {
  return (
    <fieldset className="confidence-picker" disabled={disabled}>
      <legend>
        How sure are you? <span className="muted">(optional; keys S, F, G)</span>
      </legend>
      <div className="choice-row">
        {CONFIDENCE_LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className="choice-pill"
            aria-pressed={value === level}
            aria-keyshortcuts={CONFIDENCE_KEYS[level].toUpperCase()}
            title={CONFIDENCE_HINTS[level]}
            onClick={() => onChange(value === level ? null : level)}
          >
            {CONFIDENCE_LABELS[level]}
            <span className="choice-hint"> · {CONFIDENCE_HINTS[level]}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Before choosing an option, the learner may judge each statement (as aspirants mark them on paper);
 * each verdict then rates that statement's fact alone. After the answer, each verdict shows whether it
 * was right.
 */
export function StatementMarker({
  type,
  prompt,
  marks,
  onChange,
  judged,
  disabled,
}: {
  type: string;
  prompt: string;
  marks: ReadonlyMap<number, boolean>;
  onChange: (marks: Map<number, boolean>) => void;
  judged: readonly JudgedMark[] | null;
  disabled: boolean;
}) {
  const statements = numberedStatements(prompt);
  const words = verdictWords(type);
  if (statements.length === 0) return null;
  if (judged) {
    if (judged.length === 0) return null;
    return (
      <ul className="statement-verdicts" aria-label={`Your verdict on each ${words.noun}`}>
        {judged.map((mark) => (
          <li key={mark.index} className={mark.right ? "verdict-right" : "verdict-wrong"}>
            <span aria-hidden="true">{mark.right ? "✓" : "✗"}</span> {words.noun[0]!.toUpperCase() + words.noun.slice(1)} {mark.index + 1}: you said{" "}
            {mark.judgedTrue ? words.yes.toLowerCase() : words.no.toLowerCase()}, {mark.right ? "right" : "wrong"}.
          </li>
        ))}
      </ul>
    );
  }
  const set = (index: number, verdict: boolean) => {
    const next = new Map(marks);
    if (next.get(index) === verdict) next.delete(index);
    else next.set(index, verdict);
    onChange(next);
  };
  return (
    <fieldset className="statement-marker" disabled={disabled}>
      <legend>
        Mark each {words.noun} <span className="muted">(optional: each verdict trains that fact alone)</span>
      </legend>
      <ol className="statement-marks">
        {statements.map((text, index) => (
          <li key={index}>
            <span className="statement-number" title={text}>
              {index + 1}
            </span>
            <span className="choice-row" role="group" aria-label={`${words.noun} ${index + 1}: ${text}`}>
              <button type="button" className="choice-pill" aria-pressed={marks.get(index) === true} onClick={() => set(index, true)}>
                {words.yes}
              </button>
              <button type="button" className="choice-pill" aria-pressed={marks.get(index) === false} onClick={() => set(index, false)}>
                {words.no}
              </button>
            </span>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
