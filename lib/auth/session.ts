import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { authOptions } from "./options";
import { usesSecureCookies } from "./secure-cookies";

/**
 * The signed-in user's id, or null for a visitor, through next-auth's session round: for pages and server
 * actions. It also renews the session cookie (a rolling 30-day session), so a user who opens the app
 * stays signed in.
 */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
}

/**
 * The user id in a route handler request's session cookie, or null: next-auth's getToken, which
 * decrypts the token and checks its expiry but, unlike the session round, does not encrypt and set a
 * renewed cookie on every API call (half the cryptography of a review submit). Pages renew the session.
 */
export async function getRequestUserId(request: Request): Promise<string | null> {
  // Next.js hands route handlers a NextRequest; getToken reads the session cookie from its cookies.
  const token = await getToken({ req: request as NextRequest, secret: authOptions.secret, secureCookie: usesSecureCookies() });
  return token?.sub ?? null;
}
