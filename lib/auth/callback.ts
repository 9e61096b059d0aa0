export const DEFAULT_AFTER_SIGN_IN = "/app/today";

/** Only same-site paths may be a destination after sign-in: anything else would be an open redirect. */
export function safeCallbackPath(callbackUrl: string | undefined): string {
  if (!callbackUrl || !callbackUrl.startsWith("/") || callbackUrl.startsWith("//") || callbackUrl.includes("\\")) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  return callbackUrl;
}
