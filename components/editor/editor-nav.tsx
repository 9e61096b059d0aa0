"use client";

import { IntentLink } from "@/components/shell/intent-link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/editor", label: "Reports" },
  { href: "/editor/approvals", label: "Approvals" },
  { href: "/editor/documents", label: "Documents" },
] as const;

/** The editors' sections, the current one marked for screen readers and by style. */
export function EditorNavLinks() {
  const pathname = usePathname();
  const current = (href: string) => (href === "/editor" ? pathname === "/editor" : pathname.startsWith(href));
  return (
    <>
      {LINKS.map((link) => (
        <li key={link.href}>
          <IntentLink href={link.href} aria-current={current(link.href) ? "page" : undefined}>
            {link.label}
          </IntentLink>
        </li>
      ))}
    </>
  );
}
