import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/password-forms";
import { PublicHeader } from "@/components/shell/public-header";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default function ResetPasswordPage() {
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="main" className="container narrow auth-page">
        <h1>Choose a new password</h1>
        <ResetPasswordForm />
      </main>
    </>
  );
}
