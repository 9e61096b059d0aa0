import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { PASSWORD, registerByApi, signInByForm, uniqueEmail, WIDTHS } from "./helpers";

/**
 * Security findings 9 and 11 (issue #16): a session ends on the server, so a copy of its cookie stops
 * working (sign-out, sign out everywhere, a password change), and a deleted account's cookie gets 401 from
 * the API and the sign-in page from pages, never a 500.
 */

const SCREENSHOTS = "docs/screenshots";

/** A signed-in browser of its own: one device. */
async function device(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByForm(page, email);
  return page;
}

/** What an attacker holds after copying a device's session cookie: a client with nothing but that cookie. */
async function copiedCookie(playwright: { request: { newContext: typeof import("@playwright/test").request.newContext } }, baseURL: string | undefined, context: BrowserContext) {
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session, "the device is signed in").toBeDefined();
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` } });
}

/** A browser holding only the copied cookie opens a signed-in page: it must land on sign-in, not a 500. */
async function expectPageSignedOut(browser: Browser, context: BrowserContext, path: string) {
  const thief = await browser.newContext();
  await thief.addCookies((await context.cookies()).filter((cookie) => cookie.name.endsWith("next-auth.session-token")));
  const page = await thief.newPage();
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(500);
  await expect(page).toHaveURL(/\/signin/);
  await thief.close();
}

async function sectionScreenshots(page: Page, selector: string, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    await page.locator(selector).screenshot({ path: `${SCREENSHOTS}/${name}-${label}.png` });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

test("signing out ends the session on the server: a copied cookie is refused; the user's other device stays signed in", async ({ page, browser, playwright, baseURL }) => {
  const email = uniqueEmail("signout-copy");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const other = await device(browser, email);
  const copy = await copiedCookie(playwright, baseURL, page.context());
  expect((await copy.get("/api/today")).status(), "the copy works while the session lasts").toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  for (const path of ["/api/today", "/api/settings", "/api/progress"]) {
    const response = await copy.get(path);
    expect(response.status(), `replayed cookie on ${path}`).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthenticated", message: "Sign in first." });
  }
  const session = await (await copy.get("/api/auth/session")).json();
  expect(session.user, "next-auth's session has no user either").toBeUndefined();
  expect((await other.request.get("/api/today")).status(), "the other device is still signed in").toBe(200);
  await other.goto("/app/today");
  await expect(other).toHaveURL(/\/app\/today$/);
  await other.context().close();
  await copy.dispose();
});

test("a copied cookie replayed in a browser after sign-out lands on sign-in", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("signout-page");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const stolen = (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(stolen).toHaveLength(1);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(stolen);
  const thiefPage = await thief.newPage();
  for (const path of ["/app/today", "/app/settings"]) {
    const response = await thiefPage.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(thiefPage).toHaveURL(/\/signin/);
  }
  await thief.close();
});

test("Sign out everywhere in Settings ends every session: this device's and another's, pages and API", async ({ page, browser, playwright, baseURL }) => {
  const email = uniqueEmail("everywhere");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const other = await device(browser, email);
  const copy = await copiedCookie(playwright, baseURL, other.context());

  await page.goto("/app/settings");
  const section = page.locator("#sessions");
  await expect(section.getByRole("heading", { name: "Signed-in devices" })).toBeVisible();
  // Keyboard: Tab from the section before reaches the button (the screenshots show its focus ring), Enter presses it.
  await page.getByRole("button", { name: "Download for Anki" }).focus();
  await page.keyboard.press("Tab");
  await expect(section.getByRole("button", { name: "Sign out everywhere" })).toBeFocused();
  await sectionScreenshots(page, "#sessions", "settings-sessions");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/signin/);
  expect((await page.context().cookies()).some((cookie) => cookie.name.endsWith("next-auth.session-token")), "this device's cookie is dropped").toBe(false);

  expect((await other.request.get("/api/today")).status(), "the other device is signed out of the API").toBe(401);
  expect((await copy.get("/api/settings")).status(), "and so is a copy of its cookie").toBe(401);
  await expectPageSignedOut(browser, other.context(), "/app/today");
  await other.goto("/app/progress");
  await expect(other).toHaveURL(/\/signin/);

  // Signing in again works, on any device.
  await signInByForm(other, email);
  expect((await other.request.get("/api/today")).status()).toBe(200);
  await other.context().close();
  await copy.dispose();
});

test("a password change ends the other sessions: a copied cookie of another device gets 401, this device stays", async ({ page, browser, playwright, baseURL }) => {
  const email = uniqueEmail("password-copy");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const other = await device(browser, email);
  const copy = await copiedCookie(playwright, baseURL, other.context());
  expect((await copy.get("/api/today")).status()).toBe(200);

  const changed = await page.request.post("/api/account/password", { data: { currentPassword: PASSWORD, newPassword: "a different passphrase" } });
  expect(changed.status()).toBe(200);

  expect((await copy.get("/api/today")).status()).toBe(401);
  expect((await other.request.get("/api/today")).status()).toBe(401);
  expect((await page.request.get("/api/today")).status(), "the device that changed it stays signed in").toBe(200);
  await other.context().close();
  await copy.dispose();
});

test("deleting the account: the export is offered first, a confirmation is required, then everything is gone and its cookies get 401", async ({ page, browser, playwright, baseURL }) => {
  const email = uniqueEmail("delete");
  await registerByApi(page, email);
  await signInByForm(page, email);
  // Some data to delete: a rating and a quiz.
  const { cards } = await (await page.request.get("/api/reviews/queue?limit=1")).json();
  expect((await page.request.post("/api/reviews", { data: { reviewId: randomUUID(), cardId: cards[0].id, rating: "good", durationMs: 1000 } })).status()).toBe(200);
  expect((await page.request.get("/api/quiz/daily")).status()).toBe(200);
  const other = await device(browser, email);
  const copy = await copiedCookie(playwright, baseURL, page.context());

  await page.goto("/app/settings");
  const section = page.locator("#delete-account");
  await expect(section.getByRole("link", { name: "all my data (JSON)" })).toHaveAttribute("href", "/api/export/data.json");
  await expect(section.getByRole("link", { name: "my review log (CSV)" })).toHaveAttribute("href", "/api/export/reviews.csv");
  const download = page.waitForEvent("download");
  await section.getByRole("link", { name: "all my data (JSON)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^smriti-data-.*\.json$/);

  // No confirmation, then a wrong one: refused, nothing deleted.
  const confirm = section.getByLabel("To confirm, type your email address or your password");
  const submit = section.getByRole("button", { name: "Delete my account and all its data" });
  await submit.click();
  await expect(section.getByText("Type your email address or your password to confirm.")).toBeVisible();
  await confirm.fill("not the password");
  await submit.click();
  await expect(section.getByText("That is neither your email address nor your password.")).toBeVisible();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await sectionScreenshots(page, "#delete-account", "settings-delete-account");
  expect((await page.request.get("/api/today")).status(), "still signed in").toBe(200);
  // The API names the issue of a bad body.
  const empty = await page.request.delete("/api/account", { data: {} });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).issues).toEqual([expect.objectContaining({ path: ["confirmation"], message: "Type your email address or your password to confirm." })]);

  // The email, typed with the keyboard, in another case: deleted.
  await confirm.fill(email.toUpperCase());
  await confirm.press("Enter");
  await page.waitForURL("**/account-deleted");
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("all its data are gone");
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SCREENSHOTS}/account-deleted-${label}.png`, fullPage: true });
  }

  // Every cookie of the account, this device's copy and another device's: 401 from the API, sign-in from pages.
  for (const path of ["/api/today", "/api/settings", "/api/progress", "/api/reviews/queue?limit=5", "/api/export/data.json"]) {
    expect((await copy.get(path)).status(), `copied cookie on ${path}`).toBe(401);
    expect((await other.request.get(path)).status(), `other device on ${path}`).toBe(401);
  }
  for (const path of ["/app/today", "/app/settings", "/app/progress", "/app/quiz", "/app/flashcards"]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(other).toHaveURL(/\/signin/);
  }
  await expectPageSignedOut(browser, page.context(), "/app/today");

  // The email no longer signs in; it can sign up afresh.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/signin");
  await stranger.getByLabel("Email").fill(email);
  await stranger.getByLabel("Password").fill(PASSWORD);
  await stranger.getByRole("button", { name: "Sign in" }).click();
  await expect(stranger.locator("#signin-error")).toContainText("do not match");
  await registerByApi(stranger, email);
  await stranger.context().close();
  await other.context().close();
  await copy.dispose();
});
