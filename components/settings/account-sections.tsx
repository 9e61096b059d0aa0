"use client";

import { useState, type FormEvent } from "react";
import { FormAlert, messageOf, type Errors } from "@/components/auth/password-forms";
import { Field } from "@/components/auth/field";
import { accountSchemas } from "@/components/auth/load-on-use";
import { api } from "@/lib/client/api";
import { offlineReviews } from "@/lib/client/offline-reviews";
import { forgetSignedInPages } from "@/lib/client/signed-in-pages";
import "./account.css";

/** Where the browser goes once the account is deleted: a public page that says so. */
export const ACCOUNT_DELETED_PATH = "/account-deleted";

/** Settings: "Sign out everywhere". Every session of the account ends, this one too; then the sign-in page. */
export function SignOutEverywhereSection() {
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function signOutEverywhere() {
    setError(undefined);
    setPending(true);
    try {
      await api("/api/account/sessions", { method: "DELETE" });
      await forgetSignedInPages();
      window.location.assign("/signin");
    } catch (failure) {
      setError(messageOf(failure).form);
      setPending(false);
    }
  }

  return (
    <section id="sessions" className="card render-when-near" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in devices</h2>
      <p>
        Signed in on a shared computer, or lost a phone? Sign out everywhere ends every session of your account at once, this one
        included. Signing out (in the menu) ends only the session on this device.
      </p>
      <FormAlert id="sessions-status" error={error} />
      <button type="button" className="button button-secondary" onClick={signOutEverywhere} disabled={pending}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </section>
  );
}

/** Settings: deleting the account, after the offer of an export and a confirmation (the email or the password). */
export function DeleteAccountSection({ userId }: { userId: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const confirmation = new FormData(event.currentTarget).get("confirmation");
    // The schema (and zod) load when the form is first focused, not with Settings.
    const { accountDeletionSchema, CONFIRM_DELETION_MESSAGE } = await accountSchemas();
    const parsed = accountDeletionSchema.safeParse({ confirmation });
    if (!parsed.success) return setErrors({ confirmation: parsed.error.issues[0]?.message ?? CONFIRM_DELETION_MESSAGE });
    setErrors({});
    setPending(true);
    try {
      await api("/api/account", { method: "DELETE", body: parsed.data });
      // Nothing is left to sync to: the device's copy and kept pages of the account go too.
      await Promise.all([offlineReviews(userId).forgetAll(), forgetSignedInPages()]).catch(() => {});
      window.location.assign(ACCOUNT_DELETED_PATH);
    } catch (failure) {
      setErrors(messageOf(failure));
      setPending(false);
    }
  }

  return (
    <section id="delete-account" className="card danger-zone render-when-near" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">Delete your account</h2>
      <p>
        This deletes your account and everything in it for good: settings, flashcard progress, review log, quizzes and your reports
        on questions. It cannot be undone.
      </p>
      <ol className="steps">
        <li>
          Keep a copy first, if you want one:{" "}
          <a href="/api/export/data.json" download>
            all my data (JSON)
          </a>{" "}
          or{" "}
          <a href="/api/export/reviews.csv" download>
            my review log (CSV)
          </a>
          .
        </li>
        <li>
          <form onSubmit={onSubmit} onFocus={() => void accountSchemas()} noValidate>
            <FormAlert id="delete-account-status" error={errors.form} />
            <Field
              id="confirmation"
              label="To confirm, type your email address or your password"
              type="password"
              autoComplete="off"
              required
              error={errors.confirmation}
            />
            <button type="submit" className="button button-danger" disabled={pending}>
              {pending ? "Deleting…" : "Delete my account and all its data"}
            </button>
          </form>
        </li>
      </ol>
    </section>
  );
}
