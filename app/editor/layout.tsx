import { IntentLink } from "@/components/shell/intent-link";
import { forbidden, unauthorized } from "next/navigation";
import type { ReactNode } from "react";
import { EditorNavLinks } from "@/components/editor/editor-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

/**
 * The editors' area: 401 for a visitor (the page says how to sign in), 403 for a learner. The role is
 * read from the database on every request (lib/auth/roles), like the editor API.
 */
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const userId = await getSessionUserId();
  if (!userId) unauthorized();
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, name: true, role: true } });
  if (!user) unauthorized();
  if (user.role !== "editor") forbidden();
  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Editor">
        <IntentLink href="/editor" className="brand">
          Smri<span>ti</span> <span className="brand-role">editor</span>
        </IntentLink>
        {/* As the learners' shell: on a phone the sections scroll sideways in one row, never the page. */}
        <div className="shell-nav-items">
          <ul>
            <EditorNavLinks />
            <li>
              <IntentLink href="/app/today">Learner app</IntentLink>
            </li>
          </ul>
          <div className="shell-user">
            <div className="user-email">{user.name ?? user.email}</div>
            <SignOutButton userId={userId} />
          </div>
        </div>
      </nav>
      <main id="main" className="shell-main">
        {children}
      </main>
    </div>
  );
}
