import { API_HEADERS, SECURITY_HEADERS } from "./lib/http/security-headers.js";

// Pages get their Content-Security-Policy, with a fresh nonce per response, and HSTS from proxy.ts; the
// rest (shared with scripts/serve.ts's hot API routes) is in lib/http/security-headers.js.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Source maps published beside the browser's scripts only when asked for, so that bench/main-thread.ts
  // can name the module behind each function in a trace; a normal build ships none.
  productionBrowserSourceMaps: process.env.BROWSER_SOURCE_MAPS === "on",
  // authInterrupts: forbidden()/unauthorized() on editor pages. Pages behind proxy.ts have their bodies
  // copied for it; no page takes a body, so that copy stays small.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: 64 * 1024 },
  // Native and driver packages load at run time from node_modules instead of being bundled.
  serverExternalPackages: ["nodemailer", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "rate-limiter-flexible"],
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: API_HEADERS },
    ];
  },
};

export default nextConfig;
