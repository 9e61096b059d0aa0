// `serwist build` (after `next build`) bundles worker/sw.ts into public/sw.js with the list of Next.js's
// built static files to precache. See scripts/start.ts and the README's "Installing the app".
import { serwist } from "@serwist/next/config";

export default serwist({
  swSrc: "worker/sw.ts",
  swDest: "public/sw.js",
  // Pages are rendered per request (their CSP nonce): none is prerendered to precache.
  precachePrerendered: false,
});
