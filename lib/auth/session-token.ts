import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { usesSecureCookies } from "./secure-cookies";

/** Decoded session tokens kept; the oldest goes first past this (a few MB at most). */
const DECODED_TOKENS_KEPT = 10_000;

/**
 * next-auth's decode, remembering what it decoded until the token expires. Decoding derives the key
 * from the secret with HKDF and decrypts the token, on every request: about a tenth of a review
 * submit's CPU. A token's claims cannot change (it is encrypted and authenticated), so the decoded
 * claims are kept by the token's text; only successes are kept, and an entry is used only before the
 * token's own expiry. This caches no verdict on the session: whether it is still live (not signed out,
 * not ended by "sign out everywhere" or a password change) is read from the database on every request
 * (lib/auth/sessions' sessionIsLive), so revocation takes effect at once, on every instance.
 */
export function cachingDecode(decodeToken: (params: JWTDecodeParams) => Promise<JWT | null> = decode, kept = DECODED_TOKENS_KEPT, clock: () => number = Date.now) {
  const decoded = new Map<string, { claims: JWT; expiresAtMs: number }>();
  return async (params: JWTDecodeParams): Promise<JWT | null> => {
    if (!params.token) return null;
    const key = `${params.salt ?? ""}\u0000${params.token}`;
    const hit = decoded.get(key);
    if (hit && clock() < hit.expiresAtMs) return hit.claims;
    if (hit) decoded.delete(key);
    const claims = await decodeToken(params);
    if (claims && typeof claims.exp === "number") {
      if (decoded.size >= kept) decoded.delete(decoded.keys().next().value!);
      decoded.set(key, { claims, expiresAtMs: claims.exp * 1000 });
    }
    return claims;
  };
}

const decodeSessionToken = cachingDecode();

/**
 * Where a session token is read from: a NextRequest, or a request's cookies (parsed as Next.js parses
 * them) with its Authorization header, as scripts/serve.ts's hot routes have them without a NextRequest.
 */
export type SessionSource = NextRequest | { cookies: Map<string, string>; headers: { authorization?: string } };

function readToken(request: SessionSource): Promise<JWT | null> {
  // getToken reads a Map of cookies and plain headers as it reads a NextRequest's.
  return getToken({ req: request as NextRequest, secret: process.env.NEXTAUTH_SECRET, secureCookie: usesSecureCookies(), decode: decodeSessionToken });
}

/**
 * The user id in a request's session cookie, or null: next-auth's getToken, which decrypts the token and
 * checks its expiry but, unlike next-auth's session round, does not encrypt and set a renewed cookie (half
 * the cryptography of a review submit). For route handlers and proxy.ts; pages renew the session. Free of
 * the database, so that proxy.ts can use it. The cookie's name (__Secure- or not) follows the rule
 * next-auth is configured with (lib/auth/options).
 */
export async function userIdFromSessionCookie(request: NextRequest): Promise<string | null> {
  const token = await readToken(request);
  return token?.sub ?? null;
}

/** The decoded session token of a request (as userIdFromSessionCookie reads it), or null. */
export async function sessionTokenOf(request: SessionSource): Promise<JWT | null> {
  return readToken(request);
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
