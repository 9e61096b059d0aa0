import { getToken } from "next-auth/jwt";
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
