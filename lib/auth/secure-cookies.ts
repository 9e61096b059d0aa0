export type AuthEnv = { NODE_ENV?: string; NEXTAUTH_URL?: string; NEXTAUTH_SECRET?: string };

/** http:// on this machine: localhost, *.localhost, 127.0.0.0/8 or [::1]. */
function isLoopbackHttp(url: string | undefined): boolean {
  if (!url || !URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  if (protocol !== "http:") return false;
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Whether the auth cookies (session, CSRF, callback URL) are `Secure`, with next-auth's `__Secure-` and
 * `__Host-` name prefixes. next-auth 4 on its own decides from NEXTAUTH_URL alone (https:// or not), so a
 * production server given a plain-http public NEXTAUTH_URL, or none, would hand out session cookies a
 * browser also sends over plain http. Here production is Secure unless NEXTAUTH_URL is http:// on this
 * machine: `next start` always runs as production, and `npm start` and the end-to-end tests serve it on
 * http://localhost, where Secure cookies would be needless (browsers keep Secure cookies only from https://
 * origins and, in some browsers, localhost). Development is Secure only with an https:// NEXTAUTH_URL.
 * Its own module, free of the database, so that proxy.ts reads the session cookie by the same rule.
 */
export function usesSecureCookies(env: AuthEnv = process.env): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https://")) return true;
  return env.NODE_ENV === "production" && !isLoopbackHttp(env.NEXTAUTH_URL);
}
