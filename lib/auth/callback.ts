export const DEFAULT_AFTER_SIGN_IN = "/app/today";

// C0 controls, DEL and C1 controls: browsers drop tabs and line breaks from URLs, so "/\t/evil.example"
// becomes "//evil.example", another site.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Only same-origin destinations may follow a sign-in: anything else would be an open redirect. The URL
 * is parsed against the site's origin the way a browser would, and kept only when it stays on that
 * origin; it comes back as a path (with query and fragment). Control characters, backslashes, and
 * anything unparsable give `fallback`.
 */
export function safeCallbackPath(callbackUrl: unknown, origin = "http://localhost", fallback = DEFAULT_AFTER_SIGN_IN): string {
  // Not a string: a query parameter given twice (?callbackUrl=a&callbackUrl=b) is an array.
  if (typeof callbackUrl !== "string" || !callbackUrl || CONTROL_CHARACTERS.test(callbackUrl) || callbackUrl.includes("\\")) return fallback;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return fallback;
  }
  // Relative URLs must be paths: "//host" and "host/x" are not.
  if (!callbackUrl.startsWith("/") && !/^https?:\/\//i.test(callbackUrl)) return fallback;
  if (callbackUrl.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(callbackUrl, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
