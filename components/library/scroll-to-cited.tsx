"use client";

import { useEffect } from "react";

/**
 * Lands the linked line below the sticky navigation on phones: measures the navigation when it is a top
 * bar (not the desktop side column), sets --sticky-header for scroll-margin-top, and
 * scrolls the fragment's line into view again with that margin. globals.css holds a fallback.
 */
export function ScrollToCited() {
  useEffect(() => {
    const nav = document.querySelector<HTMLElement>(".shell-nav");
    if (nav) {
      // Across the page's width on a phone; a side column on wider screens, covering nothing above a line.
      const topBar = getComputedStyle(nav).position === "sticky" && nav.offsetWidth >= window.innerWidth * 0.9;
      document.documentElement.style.setProperty("--sticky-header", `${topBar ? nav.offsetHeight + 12 : 16}px`);
    }
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    (target?.closest("li") ?? target)?.scrollIntoView({ block: "start" });
  }, []);
  return null;
}
