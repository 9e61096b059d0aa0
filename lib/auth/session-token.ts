import { getToken, type JWT } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { usesSecureCookies } from "./secure-cookies";

/**
 * The user id in a request's session cookie, or null: next-auth's getToken, which decrypts the token and
 * checks its expiry but, unlike next-auth's session round, does not encrypt and set a renewed cookie (half
 * the cryptography of a review submit). For route handlers and proxy.ts; pages renew the session. Free of
 * the database, so that proxy.ts can use it. The cookie's name (__Secure- or not) follows the rule
 * next-auth is configured with (lib/auth/options).
 */
export async function userIdFromSessionCookie(request: NextRequest): Promise<string | null> {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, secureCookie: usesSecureCookies() });
  return token?.sub ?? null;
}

/** The decoded session token of a request (as userIdFromSessionCookie reads it), or null. */
export async function sessionTokenOf(request: NextRequest): Promise<JWT | null> {
  return getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, secureCookie: usesSecureCookies() });
}

/** The session cookie next-auth would set, under the same name and options (lib/auth/options: 30 days). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The session cookie's name, as next-auth names it (__Secure- when cookies are Secure). */
function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * A Set-Cookie value that removes the session cookie, for responses that end the request's own session
 * ("sign out everywhere", account deletion): the browser drops a cookie that no longer works anyway.
 */
export function clearedSessionCookie(): string {
  const secure = usesSecureCookies();
  return `${sessionCookieName(secure)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
}
