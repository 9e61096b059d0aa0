"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (public/sw.js, built by `serwist build`) in production builds only: in
 * `next dev` a worker caching files that change on every save would serve stale code.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => console.warn("Service worker not registered", error));
  }, []);
  return null;
}
