import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { ForgotPasswordForm } from "@/components/auth/password-forms";
import { PublicHeader } from "@/components/shell/public-header";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="main" className="container narrow auth-page">
        <h1>Forgot your password?</h1>
        <p className="muted">Enter the email you signed up with, and we will send a link to choose a new password.</p>
        <ForgotPasswordForm />
        <p className="muted">
          Remembered it? <IntentLink href="/signin">Sign in</IntentLink>.
        </p>
      </main>
    </>
  );
}
