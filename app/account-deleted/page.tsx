import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { PublicHeader } from "@/components/shell/public-header";

export const metadata: Metadata = { title: "Account deleted" };

/** Where account deletion lands (components/settings/account-sections.tsx): signed out, nothing left. */
export default function AccountDeletedPage() {
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="main" className="container narrow auth-page">
        <h1>Your account is deleted</h1>
        <p role="status" className="alert alert-success">
          Your account and all its data are gone, and you are signed out on every device.
        </p>
        <p>
          Thank you for studying with Smriti. You are welcome back any time: <IntentLink href="/signup">create a new account</IntentLink>.
        </p>
      </main>
    </>
  );
}
