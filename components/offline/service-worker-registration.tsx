"use client";

import { useEffect } from "react";
import { listenForInstallPrompt } from "@/lib/client/install-prompt";

/**
 * Registers the service worker (public/sw.js, built by `serwist build`) in production builds only: in
 * `next dev` a worker caching files that change on every save would serve stale code. On every page,
 * also keeps the browser's offer to install the app for Settings (lib/client/install-prompt).
 */
export function ServiceWorkerRegistration() {
  useEffect(() => listenForInstallPrompt(), []);
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => console.warn("Service worker not registered", error));
  }, []);
  return null;
}
