import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PublicHeader } from "@/components/shell/public-header";
import { getSessionUserId } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; registered?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, registered } = await searchParams;
  const destination = safeCallbackPath(callbackUrl, process.env.NEXTAUTH_URL);
  if (await getSessionUserId()) redirect(destination);
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="main" className="container narrow auth-page">
        <h1>Sign in</h1>
        <SignInForm callbackPath={destination} justRegistered={registered === "1"} />
        <p className="muted">
          <IntentLink href="/forgot-password">Forgot your password?</IntentLink>
        </p>
        <p className="muted">
          New to Smriti? <IntentLink href="/signup">Create an account</IntentLink>.
        </p>
      </main>
    </>
  );
}
