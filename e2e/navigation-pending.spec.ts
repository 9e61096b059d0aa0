import { expect, test } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, uniqueEmail } from "./helpers";

// page.route cannot see the requests the service worker makes, and with the worker active the router's
// requests for Progress went through it unheld: the navigation then sometimes never waited.
test.use({ serviceWorkers: "block" });

test("a section chosen in the navigation is marked as loading until its page arrives", async ({ page }, testInfo) => {
  const email = uniqueEmail("pending");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();

  // Hold the navigation's request for Progress (the router's RSC fetch, not a prefetch) until released.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(
    (url) => url.pathname === "/app/progress",
    async (route) => {
      const headers = route.request().headers();
      if (headers.rsc === "1" && !headers["next-router-prefetch"]) {
        held++;
        await released;
      }
      await route.continue();
    },
  );

  const nav = page.getByRole("navigation", { name: "Main" });
  const progressLink = nav.getByRole("link", { name: /^Progress/ });
  await progressLink.click();
  const mark = progressLink.getByTestId("nav-pending");
  await expect(mark).toBeAttached();
  // Shown after its short delay, and named for screen readers; the page left is still there meanwhile.
  await expect.poll(() => mark.evaluate((element) => getComputedStyle(element).opacity)).toBe("1");
  await expect(progressLink).toHaveAccessibleName("Progress (loading)");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  expect(held).toBe(1);
  await expect(nav.getByTestId("nav-pending")).toHaveCount(1);
  await screenshotAtWidths(page, testInfo, "nav-pending");

  release();
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  await expect(progressLink).toHaveAttribute("aria-current", "page");
  await expect(nav.getByTestId("nav-pending")).toHaveCount(0);
  await expect(progressLink).toHaveAccessibleName("Progress");
});

test("a page that is not there answers 404, inside the app as well as outside it", async ({ page }) => {
  const email = uniqueEmail("missing");
  await registerByApi(page, email);
  await signInByForm(page, email);

  // An address no route matches.
  const unknown = await page.goto("/app/no-such-section");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByText("This page could not be found.")).toBeVisible();

  // A route that finds nothing (notFound() in the page): with no loading boundary in the app the status is
  // still 404, not a 200 whose streamed body says "not found".
  const missingDocument = await page.goto("/app/library/documents/no-such-document");
  expect(missingDocument?.status()).toBe(404);
  await expect(page.getByText("This page could not be found.")).toBeVisible();

  // The app's navigation still works from there.
  await page.goto("/app/today");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Library/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
});
