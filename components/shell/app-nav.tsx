"use client";

import { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { IntentLink } from "./intent-link";

export const APP_SECTIONS = [
  { href: "/app/today", label: "Today" },
  { href: "/app/quiz", label: "Quiz" },
  { href: "/app/flashcards", label: "Flashcards" },
  { href: "/app/progress", label: "Progress" },
  { href: "/app/library", label: "Library" },
  { href: "/app/settings", label: "Settings" },
] as const;

/**
 * A section on its way: the app has no loading.tsx (its Suspense boundary held back every page's largest
 * paint by about a second on a throttled phone), so the link that was chosen says the page is coming. A
 * bar under the link, shown only if the wait passes a moment, and the word for screen readers.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span className="nav-pending" data-testid="nav-pending">
      <span className="visually-hidden"> (loading)</span>
    </span>
  );
}

/** The fade over the right edge of the phone's navigation row is 1.5rem: items focused clear it by this much. */
const FADE_PX = 32;

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

  // An item focused by keyboard counts as visible to the browser even under the fade at the row's right
  // edge: scroll it clear of the fade.
  useEffect(() => {
    const row = list.current?.closest<HTMLElement>(".shell-nav-items");
    if (!row) return;
    const onFocus = (event: FocusEvent) => {
      const item = (event.target as HTMLElement).getBoundingClientRect();
      const box = row.getBoundingClientRect();
      const clearRight = box.right - FADE_PX;
      if (item.right > clearRight) row.scrollLeft += item.right - clearRight;
    };
    row.addEventListener("focusin", onFocus);
    return () => row.removeEventListener("focusin", onFocus);
  }, []);

  return (
    <ul ref={list}>
      {APP_SECTIONS.map((section) => {
        const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
        return (
          <li key={section.href}>
            {/* Prefetched on intent (IntentLink): all six are on every page, and prefetched on sight they were ten
                server renders fetched and parsed in the first seconds of every visit. */}
            <IntentLink href={section.href} aria-current={current ? "page" : undefined}>
              {section.label}
              <PendingMark />
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
