"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const APP_SECTIONS = [
  { href: "/app/today", label: "Today" },
  { href: "/app/quiz", label: "Quiz" },
  { href: "/app/flashcards", label: "Flashcards" },
  { href: "/app/progress", label: "Progress" },
  { href: "/app/library", label: "Library" },
  { href: "/app/settings", label: "Settings" },
] as const;

export function AppNav() {
  const pathname = usePathname();
  return (
    <ul>
      {APP_SECTIONS.map((section) => {
        const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
        return (
          <li key={section.href}>
            <Link href={section.href} aria-current={current ? "page" : undefined}>
              {section.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
