/**
 * What the account forms need only once they are used, loaded then rather than with the page: the account
 * schemas (the ones the server checks with, so zod's 30 kB gzip) and next-auth's browser client (12 kB).
 * Downloaded and run with the page, they kept a phone's main thread busy for half a second before the
 * sign-in page answered a tap. A form starts the download when it is first focused, so it is usually in
 * hand by the time the form is sent.
 */
export function accountSchemas() {
  return import("@/lib/validation/account");
}

export function nextAuthClient() {
  return import("next-auth/react");
}

export function preloadAccountForms() {
  void accountSchemas();
  void nextAuthClient();
}
