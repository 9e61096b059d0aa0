const isProduction = process.env.NODE_ENV === "production";

// Next.js hydrates with inline scripts, so script-src needs 'unsafe-inline'; eval only in development
// (React's dev tooling), never in production.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() and unauthorized(): the editor pages answer 403 to learners and 401 to visitors.
  experimental: { authInterrupts: true },
  // `npm test` runs `tsc --noEmit` over the whole project first; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Native and driver packages load at run time from node_modules instead of being bundled.
  serverExternalPackages: ["nodemailer", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "@node-rs/argon2"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
