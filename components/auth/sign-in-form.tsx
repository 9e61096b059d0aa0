"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { credentialsSchema } from "@/lib/validation/account";
import { Field } from "./field";

type FieldErrors = Partial<Record<"email" | "password", string>>;

export function SignInForm({ callbackPath, justRegistered }: { callbackPath: string; justRegistered: boolean }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = credentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof FieldErrors;
        errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      setFormError(null);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.");
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-describedby={formError ? "signin-error" : undefined}>
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
