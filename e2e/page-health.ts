import type { Page } from "@playwright/test";

/**
 * Everything that goes wrong on a page without showing: console errors (React's hydration errors among
 * them), uncaught exceptions, responses of 400 and above (a missing favicon.ico too) and requests that
 * fail. Cancelled RSC prefetches are left out: Next.js prefetches the links of a page and the browser
 * cancels those still in flight when the test navigates away, which is no fault of the page.
 */
export function watchPageHealth(page: Page): { problems: string[] } {
  const problems: string[] = [];
  const where = () => new URL(page.url()).pathname;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${where()}: console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${where()}: uncaught: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${where()}: ${response.status()} for ${response.request().method()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "";
    if (error === "net::ERR_ABORTED" && new URL(request.url()).searchParams.has("_rsc")) return;
    problems.push(`${where()}: request failed (${error}) ${request.url()}`);
  });
  return { problems };
}
