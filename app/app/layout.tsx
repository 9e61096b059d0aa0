import { IntentLink } from "@/components/shell/intent-link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppNav } from "@/components/shell/app-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { DocumentTitlesProvider } from "@/components/sources/document-titles";
import { loadBank } from "@/lib/content/bank";
import { documentTitles } from "@/lib/content/library";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const userId = await getSessionUserId();
  // proxy.ts redirects visitors first; this also catches a valid token whose account no longer exists.
  const user = userId ? await getDb().user.findUnique({ where: { id: userId }, select: { email: true, name: true, role: true } }) : null;
  if (!userId || !user) redirect("/signin");
  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Main">
        <IntentLink href="/app/today" className="brand">
          Smri<span>ti</span>
        </IntentLink>
        {/* One column on a desktop; on a phone one row that scrolls sideways within itself. */}
        <div className="shell-nav-items">
          <AppNav />
          <div className="shell-user">
            <div className="user-email">{user.name ?? user.email}</div>
            {user.role === "editor" && (
              <IntentLink href="/editor">
                Editor: reports
              </IntentLink>
            )}
            <SignOutButton userId={userId} />
          </div>
        </div>
      </nav>
      <main id="main" className="shell-main">
        <DocumentTitlesProvider titles={documentTitles(loadBank())}>{children}</DocumentTitlesProvider>
      </main>
    </div>
  );
}
