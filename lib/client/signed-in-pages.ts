/**
 * The service worker's caches of visited pages (Serwist's defaultCache: "pages", "pages-rsc",
 * "pages-rsc-prefetch", and "others" for navigations). They hold one account's signed-in pages, its
 * user id and data included: emptied when an account signs in or out, so that the next account on
 * the phone never gets the previous one's pages offline (and the flashcard page's copy, which is
 * chosen by the page's user id, is always the signed-in account's). The precache (scripts, styles,
 * the offline page) is nobody's and stays.
 */
const SIGNED_IN_PAGE_CACHES = ["pages", "pages-rsc", "pages-rsc-prefetch", "others"];

export async function forgetSignedInPages(): Promise<void> {
  if (typeof caches === "undefined") return;
  await Promise.all(SIGNED_IN_PAGE_CACHES.map((name) => caches.delete(name).catch(() => false)));
}
