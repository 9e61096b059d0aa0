// The security headers of every response, and the API's Content-Security-Policy: one list for
// next.config.js (Next.js's routes) and scripts/serve.ts (the hot API routes it answers before Next.js).
// Plain JavaScript, since next.config.js imports it. Pages get their nonce policy and HSTS from proxy.ts.

/** On every response. */
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// The API answers JSON (and next-auth's few plain pages): no inline script at all. HSTS, which covers the
// whole host, comes with the pages.
const apiContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** Added on /api/*. */
export const API_HEADERS = [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }];
