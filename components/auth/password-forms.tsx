"use client";

import { IntentLink } from "@/components/shell/intent-link";
import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/client/api";
import { fieldErrorsOf, type FieldErrors } from "@/components/forms/field-errors";
import { Field } from "./field";
import { accountSchemas } from "./load-on-use";

export type Errors = FieldErrors<string>;

export function messageOf(error: unknown): Errors {
  if (error instanceof ApiError && error.body.issues?.length) return fieldErrorsOf(error.body.issues);
  if (error instanceof ApiError) return { form: error.message };
  return { form: "The server could not be reached. Check your connection and try again." };
}

export function FormAlert({ id, error, success }: { id: string; error?: string; success?: string | null }) {
  if (error) {
    return (
      <p id={id} className="alert alert-error" role="alert">
        {error}
      </p>
    );
  }
  return success ? (
    <p id={id} className="alert alert-success" role="status">
      {success}
    </p>
  ) : null;
}

/** Settings: a new password, the current one required. Other devices are signed out; this one stays. */
export function PasswordChangeForm() {
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(null);
    const { passwordChangeSchema } = await accountSchemas();
    const parsed = passwordChangeSchema.safeParse({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    if (form.get("confirmPassword") !== parsed.data.newPassword) return setErrors({ confirmPassword: "The two new passwords differ." });
    setErrors({});
    setPending(true);
    try {
      await api("/api/account/password", { body: parsed.data });
      formElement.reset();
      setDone("Password changed. You stay signed in here; other devices and browsers are signed out.");
    } catch (error) {
      setErrors(messageOf(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} onFocus={() => void accountSchemas()} noValidate className="password-form">
      <FormAlert id="password-change-status" error={errors.form} success={done} />
      <Field id="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <Field
        id="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        required
        error={errors.newPassword}
      />
      <Field id="confirmPassword" label="New password again" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

/** "Forgot password": the same answer whether or not the email has an account. */
export function ForgotPasswordForm() {
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = new FormData(event.currentTarget).get("email");
    const { forgotPasswordSchema } = await accountSchemas();
    const parsed = forgotPasswordSchema.safeParse({ email });
    setDone(null);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    setErrors({});
    setPending(true);
    try {
      const { message } = await api<{ message: string }>("/api/password-reset", { body: parsed.data });
      setDone(message);
    } catch (error) {
      setErrors(messageOf(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card" onSubmit={onSubmit} onFocus={() => void accountSchemas()} noValidate>
      <FormAlert id="forgot-status" error={errors.form} success={done} />
      <Field id="email" label="Email" type="email" autoComplete="email" required error={errors.email} />
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}

/**
 * The page a reset link opens. The token travels in the URL's fragment (#token=…), which browsers never
 * send to a server: it stays out of access logs and Referer headers.
 */
export function ResetPasswordForm() {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const read = () => setToken(new URLSearchParams(window.location.hash.slice(1)).get("token"));
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { passwordResetSchema } = await accountSchemas();
    const parsed = passwordResetSchema.safeParse({ token: token ?? "", password: form.get("password") });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    if (form.get("confirmPassword") !== parsed.data.password) return setErrors({ confirmPassword: "The two passwords differ." });
    setErrors({});
    setPending(true);
    try {
      await api("/api/password-reset/confirm", { body: parsed.data });
      // The link is used up: drop it from the address bar and history.
      window.history.replaceState(null, "", window.location.pathname);
      setDone(true);
    } catch (error) {
      setErrors(messageOf(error));
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <div className="card">
        <p className="alert alert-success" role="status">
          Your password is changed, and every device that was signed in is signed out.
        </p>
        <IntentLink className="button" href="/signin">
          Sign in
        </IntentLink>
      </div>
    );
  }
  if (token === null) {
    return (
      <p className="alert alert-error" role="alert">
        This page needs the link from the reset mail. <IntentLink href="/forgot-password">Ask for a new link</IntentLink>.
      </p>
    );
  }
  return (
    <form className="card" onSubmit={onSubmit} onFocus={() => void accountSchemas()} noValidate>
      {(errors.token || errors.form) && (
        <p id="reset-status" className="alert alert-error" role="alert">
          {errors.token ?? errors.form} {errors.token && <IntentLink href="/forgot-password">Ask for a new link</IntentLink>}
        </p>
      )}
      <Field id="password" label="New password" type="password" autoComplete="new-password" hint="At least 8 characters." required error={errors.password} />
      <Field id="confirmPassword" label="New password again" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <button className="button" type="submit" disabled={pending || token === undefined}>
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
