"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH, registrationSchema } from "@/lib/validation/account";
import { Field } from "./field";

type FieldName = "name" | "email" | "password";
type FieldErrors = Partial<Record<FieldName, string>>;
type Issue = { path: (string | number)[]; message: string };

function errorsByField(issues: Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0]) as FieldName;
    errors[field] ??= issue.message;
  }
  return errors;
}

export function SignUpForm() {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: form.get("email"), password: form.get("password") };
    const parsed = registrationSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(errorsByField(parsed.error.issues as Issue[]));
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
        setFieldErrors(errorsByField((await response.json()).issues ?? []));
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
    <form className="card" onSubmit={onSubmit} noValidate>
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
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldErrors.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
