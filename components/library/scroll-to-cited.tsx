"use client";

import { useEffect } from "react";

/**
 * Lands the linked line below the sticky navigation on phones: measures the navigation when it sits above
 * the page (a top bar, not the desktop side column), sets --sticky-header for scroll-margin-top, and
 * scrolls the fragment's line into view again with that margin. globals.css holds a fallback.
 */
export function ScrollToCited() {
  useEffect(() => {
    const nav = document.querySelector<HTMLElement>(".shell-nav");
    const main = document.querySelector<HTMLElement>("main");
    if (nav && main) {
      const topBar = nav.getBoundingClientRect().bottom <= main.getBoundingClientRect().top + 1;
      document.documentElement.style.setProperty("--sticky-header", `${topBar ? nav.offsetHeight + 12 : 16}px`);
    }
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    (target?.closest("li") ?? target)?.scrollIntoView({ block: "start" });
  }, []);
  return null;
}
