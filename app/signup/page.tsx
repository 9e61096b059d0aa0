import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { PublicHeader } from "@/components/shell/public-header";
import { getSessionUserId } from "@/lib/auth/session";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionUserId()) redirect("/app/today");
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="main" className="container narrow auth-page">
        <h1>Create your account</h1>
        <SignUpForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        <p className="muted">
          Already have an account? <IntentLink href="/signin">Sign in</IntentLink>.
        </p>
      </main>
    </>
  );
}
