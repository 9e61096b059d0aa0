"use client";

import { useEffect } from "react";
import { listenForInstallPrompt } from "@/lib/client/install-prompt";

/**
 * Registers the service worker (public/sw.js, built by `serwist build`) in production builds only: in
 * `next dev` a worker caching files that change on every save would serve stale code. On every page,
 * also keeps the browser's offer to install the app for Settings (lib/client/install-prompt).
 *
 * The registration waits for the page's `load` and then for the main thread to be idle: a first
 * visit's worker installs by fetching every script and style of the app (its precache), which should
 * not compete with the page's own scripts while a phone is still making the page usable.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => listenForInstallPrompt(), []);
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    // Safari has no requestIdleCallback: a timeout stands in for it.
    const idleCallback = window.requestIdleCallback as typeof window.requestIdleCallback | undefined;
    let cancel = () => {};
    const register = () => {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => console.warn("Service worker not registered", error));
    };
    const whenIdle = () => {
      if (idleCallback) {
        const handle = idleCallback(register, { timeout: 5000 });
        cancel = () => window.cancelIdleCallback(handle);
      } else {
        const handle = window.setTimeout(register, 1000);
        cancel = () => window.clearTimeout(handle);
      }
    };
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
    return () => {
      window.removeEventListener("load", whenIdle);
      cancel();
    };
  }, []);
  return null;
}
