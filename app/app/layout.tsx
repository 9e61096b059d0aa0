import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppNav } from "@/components/shell/app-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const userId = await getSessionUserId();
  // proxy.ts redirects visitors first; this also catches a valid token whose account no longer exists.
  const user = userId ? await getDb().user.findUnique({ where: { id: userId }, select: { email: true, name: true, role: true } }) : null;
  if (!user) redirect("/signin");
  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Main">
        <Link href="/app/today" className="brand">
          Smri<span>ti</span>
        </Link>
        <AppNav />
        <div className="shell-user">
          <div className="user-email">{user.name ?? user.email}</div>
          {user.role === "editor" && <Link href="/editor">Editor: reports</Link>}
          <SignOutButton />
        </div>
      </nav>
      <main id="main" className="shell-main">
        {children}
      </main>
    </div>
  );
}
