"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

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
  const list = useRef<HTMLUListElement>(null);

  // On a phone the sections scroll sideways in one row: bring the current one to the middle of it.
  useEffect(() => {
    const current = list.current?.querySelector<HTMLElement>('a[aria-current="page"]');
    const row = current?.closest<HTMLElement>(".shell-nav-items");
    if (!current || !row || row.scrollWidth <= row.clientWidth) return;
    const link = current.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    row.scrollLeft += link.left + link.width / 2 - (box.left + box.width / 2);
  }, [pathname]);

  return (
    <ul ref={list}>
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
