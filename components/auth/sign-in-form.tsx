"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, type FieldErrors } from "@/components/forms/field-errors";
import { forgetSignedInPages } from "@/lib/client/signed-in-pages";
import { Field } from "./field";
import { accountSchemas, nextAuthClient, preloadAccountForms } from "./load-on-use";

export function SignInForm({ callbackPath, justRegistered }: { callbackPath: string; justRegistered: boolean }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"email" | "password">>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { credentialsSchema } = await accountSchemas();
    const parsed = credentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error.issues));
      setFormError(null);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const { signIn } = await nextAuthClient();
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.");
      return;
    }
    // Pages another account left in the service worker's cache must not be served to this one offline.
    await forgetSignedInPages();
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form className="card" onSubmit={onSubmit} onFocus={preloadAccountForms} noValidate aria-describedby={formError ? "signin-error" : undefined}>
      {justRegistered && !formError && <p className="alert alert-success">Account created. Sign in to start.</p>}
      {formError && (
        <p id="signin-error" className="alert alert-error" role="alert">
          {formError}
        </p>
      )}
      <Field id="email" label="Email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field id="password" label="Password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
