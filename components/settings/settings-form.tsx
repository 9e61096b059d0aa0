"use client";

import { useState, type FormEvent } from "react";
import { fieldErrorsOf, type FieldErrors, type FieldIssue } from "@/components/forms/field-errors";
import { timeZoneChoices } from "@/lib/calendar/time-zones";

export type SettingsValues = {
  examDate: string | null;
  examName: string | null;
  timeZone: string;
  newCardsPerDay: number;
  dailyQuizSize: number;
  desiredRetention: number;
};


/**
 * Settings, saved through PUT /api/settings, which validates and answers field by field. The time zone
 * is a text field with the zones as suggestions (a datalist), made on the field's first focus: a select
 * of all 418 zones was more than half of the page's elements, and every one had to be sent, parsed and
 * hydrated on each visit for a field most learners never change. The suggestions come from
 * lib/calendar/time-zones (current names: the browser's own list says "Asia/Calcutta", not "Asia/Kolkata")
 * with the stored zone among them; the server checks whatever is typed.
 */
export function SettingsForm({ initial }: { initial: SettingsValues }) {
  const [timeZones, setTimeZones] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof SettingsValues>>({});
  const [status, setStatus] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body: SettingsValues = {
      examDate: text("examDate") || null,
      examName: text("examName") || null,
      timeZone: text("timeZone"),
      newCardsPerDay: Number(text("newCardsPerDay")),
      dailyQuizSize: Number(text("dailyQuizSize")),
      desiredRetention: Number(text("desiredRetention")) / 100,
    };
    setPending(true);
    setStatus(null);
    try {
      const response = await fetch("/api/settings", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (response.status === 400) {
        const fieldErrors = fieldErrorsOf<keyof SettingsValues>(((await response.json()).issues ?? []) as FieldIssue[]);
        // The stored retention is a fraction; the field asks for a percentage, and so does its message.
        if (fieldErrors.desiredRetention) fieldErrors.desiredRetention = "Choose a retention between 70% and 99%.";
        setErrors(fieldErrors);
        setStatus({ kind: "error", text: "Some settings need fixing: see the messages below each field." });
        return;
      }
      if (!response.ok) {
        setStatus({ kind: "error", text: "Your settings could not be saved just now. Please try again." });
        return;
      }
      setErrors({});
      setStatus({ kind: "saved", text: "Settings saved." });
    } finally {
      setPending(false);
    }
  }

  const describedBy = (field: keyof SettingsValues, hint?: boolean) =>
    [hint && `${field}-hint`, errors[field] && `${field}-error`].filter(Boolean).join(" ") || undefined;
  const error = (field: keyof SettingsValues) =>
    errors[field] && (
      <span id={`${field}-error`} className="field-error">
        {errors[field]}
      </span>
    );

  return (
    <form className="card settings-form" onSubmit={onSubmit} noValidate>
      <div role="status" aria-live="polite">
        {status && <p className={`alert ${status.kind === "saved" ? "alert-success" : "alert-error"}`}>{status.text}</p>}
      </div>
      <fieldset>
        <legend>Your exam</legend>
        <div className="form-field">
          <label htmlFor="examDate">Exam date</label>
          <input id="examDate" name="examDate" type="date" defaultValue={initial.examDate ?? ""} aria-describedby={describedBy("examDate", true)} aria-invalid={errors.examDate ? true : undefined} />
          <span id="examDate-hint" className="field-hint">
            Today, Progress and the review schedule count down to this day. Leave empty if you have not decided.
          </span>
          {error("examDate")}
        </div>
        <div className="form-field">
          <label htmlFor="examName">Exam name (optional)</label>
          <input id="examName" name="examName" type="text" maxLength={100} defaultValue={initial.examName ?? ""} placeholder="UPSC CSE Prelims 2027" aria-describedby={describedBy("examName")} aria-invalid={errors.examName ? true : undefined} />
          {error("examName")}
        </div>
      </fieldset>
      <fieldset>
        <legend>Daily practice</legend>
        <div className="form-field">
          <label htmlFor="newCardsPerDay">New flashcards per day</label>
          <input id="newCardsPerDay" name="newCardsPerDay" type="number" min={0} max={500} step={1} defaultValue={initial.newCardsPerDay} aria-describedby={describedBy("newCardsPerDay")} aria-invalid={errors.newCardsPerDay ? true : undefined} />
          {error("newCardsPerDay")}
        </div>
        <div className="form-field">
          <label htmlFor="dailyQuizSize">Questions in the daily quiz</label>
          <input id="dailyQuizSize" name="dailyQuizSize" type="number" min={5} max={100} step={1} defaultValue={initial.dailyQuizSize} aria-describedby={describedBy("dailyQuizSize")} aria-invalid={errors.dailyQuizSize ? true : undefined} />
          {error("dailyQuizSize")}
        </div>
        <div className="form-field">
          <label htmlFor="desiredRetention">Desired retention (%)</label>
          <input id="desiredRetention" name="desiredRetention" type="number" min={70} max={99} step={1} defaultValue={Math.round(initial.desiredRetention * 100)} aria-describedby={describedBy("desiredRetention", true)} aria-invalid={errors.desiredRetention ? true : undefined} />
          <span id="desiredRetention-hint" className="field-hint">
            How likely you want to be to recall a card when it comes due. Higher means more reviews.
          </span>
          {error("desiredRetention")}
        </div>
        <div className="form-field">
          <label htmlFor="timeZone">Time zone</label>
          <input
            id="timeZone"
            name="timeZone"
            type="text"
            list="timeZone-choices"
            autoComplete="off"
            spellCheck={false}
            required
            defaultValue={initial.timeZone}
            onFocus={() => setTimeZones((shown) => shown ?? timeZoneChoices(initial.timeZone))}
            aria-describedby={describedBy("timeZone", true)}
            aria-invalid={errors.timeZone ? true : undefined}
          />
          <datalist id="timeZone-choices">{timeZones?.map((zone) => <option key={zone} value={zone} />)}</datalist>
          <span id="timeZone-hint" className="field-hint">
            Your day, streak and daily quiz start at midnight here. Type a city or region to see matching zones, such as Asia/Kolkata.
          </span>
          {error("timeZone")}
        </div>
      </fieldset>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
