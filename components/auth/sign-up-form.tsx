"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, type FieldErrors, type FieldIssue } from "@/components/forms/field-errors";
import { Field } from "./field";
import { accountSchemas, nextAuthClient, preloadAccountForms } from "./load-on-use";

type FieldName = "name" | "email" | "password";

/** `minPasswordLength`: from the page, so that the account schemas load only when the form is used. */
export function SignUpForm({ minPasswordLength }: { minPasswordLength: number }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<FieldName>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: form.get("email"), password: form.get("password") };
    const { registrationSchema } = await accountSchemas();
    const parsed = registrationSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error.issues));
      setFormError(null);
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    try {
      const response = await fetch("/api/register", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(parsed.data),
      });
      if (response.status === 409) {
        setFieldErrors({ email: (await response.json()).message });
        return;
      }
      if (response.status === 400) {
        setFieldErrors(fieldErrorsOf<FieldName>(((await response.json()).issues ?? []) as FieldIssue[]));
        return;
      }
      if (response.status === 429) {
        setFormError((await response.json()).message);
        return;
      }
      if (!response.ok) {
        setFormError("We could not create your account just now. Please try again.");
        return;
      }
      const { signIn } = await nextAuthClient();
      const result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      if (!result || result.error) {
        router.push("/signin?registered=1");
        return;
      }
      router.replace("/app/today");
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card" onSubmit={onSubmit} onFocus={preloadAccountForms} noValidate>
      {formError && (
        <p className="alert alert-error" role="alert">
          {formError}
        </p>
      )}
      <Field id="name" label="Name (optional)" type="text" autoComplete="name" error={fieldErrors.name} />
      <Field id="email" label="Email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={`At least ${minPasswordLength} characters.`}
        error={fieldErrors.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
