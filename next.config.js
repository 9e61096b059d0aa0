// Pages get their Content-Security-Policy, with a fresh nonce per response, and HSTS from proxy.ts. The
// API answers JSON (and next-auth's few plain pages): no inline script at all. HSTS, which covers the
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

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // authInterrupts: forbidden()/unauthorized() on editor pages. Pages behind proxy.ts have their bodies
  // copied for it; no page takes a body, so that copy stays small.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: 64 * 1024 },
  // Native and driver packages load at run time from node_modules instead of being bundled.
  serverExternalPackages: ["nodemailer", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "rate-limiter-flexible"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
