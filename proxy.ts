import { NextResponse, type NextRequest } from "next/server";
import { userIdFromSessionCookie } from "@/lib/auth/session-token";

const isProduction = process.env.NODE_ENV === "production";

/**
 * The Content-Security-Policy of a response. Scripts run only from this site or with the response's
 * nonce (Next.js puts it on its own inline scripts, reading it from this header on the request), and
 * those may load further scripts ('strict-dynamic'); never inline scripts without the nonce, never
 * eval in production (React's development tooling needs it in `next dev`). Styles may be inline: React
 * style attributes and the charts use them.
 */
export function contentSecurityPolicy(nonce: string, production = isProduction): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js): named here, since 'strict-dynamic' makes script-src ignore 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** HSTS in production when the public address is https: two years, subdomains included. */
export function strictTransportSecurity(env: { NODE_ENV?: string; NEXTAUTH_URL?: string } = process.env): string | null {
  return env.NODE_ENV === "production" && env.NEXTAUTH_URL?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

/**
 * Every response but static assets: a fresh nonce and the security headers. Signed-out visitors asking
 * for the signed-in area go to sign-in and come back afterwards.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if ((pathname === "/app" || pathname.startsWith("/app/")) && !(await userIdFromSessionCookie(request))) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return withSecurityHeaders(NextResponse.redirect(signIn), newNonce());
  }
  const nonce = newNonce();
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", contentSecurityPolicy(nonce));
  headers.set("x-nonce", nonce);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), nonce);
}

function newNonce(): string {
  return btoa(crypto.randomUUID());
}

function withSecurityHeaders(response: NextResponse, nonce: string): NextResponse {
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Pages only. Not Next.js's static files, which carry no inline script; not the API, whose JSON gets a
  // fixed policy from next.config.js: for a route behind the proxy, Next.js reads the whole request body
  // before the route runs (to hand the proxy a copy), so no route could stop a large body at 64 KiB.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
