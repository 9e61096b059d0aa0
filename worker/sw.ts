/// <reference lib="webworker" />
import { defaultCache } from "@serwist/next/worker";
import { NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Where a page that cannot be fetched lands: it says what still works without a connection. */
const OFFLINE_PAGE = "/offline";

const serwist = new Serwist({
  // Next.js's static files (scripts, styles, fonts), which never change under one name, and the offline page.
  precacheEntries: [...(self.__SW_MANIFEST ?? []), { url: OFFLINE_PAGE, revision: self.__SW_MANIFEST?.length.toString() ?? "0" }],
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    // The API is never answered from a cache: a stale queue would be rated twice, and a quiz's keys must
    // never reach the device before an answer. The flashcard page keeps its own copy of the day's queue.
    { matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    // The quiz pages need the server for every answer: offline they give way to the offline page. Their
    // router payloads (RSC) are never kept either, so a client-side visit offline fails the same way.
    { matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/app/quiz"), handler: new NetworkOnly() },
    ...defaultCache,
  ],
  fallbacks: { entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();
