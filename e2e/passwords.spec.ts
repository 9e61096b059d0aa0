import { expect, test, type Browser } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { newResetToken, requestPasswordReset } from "@/lib/auth/reset-tokens";
import { PASSWORD, registerByApi, screenshotAtWidths, signInByForm, uniqueEmail } from "./helpers";

const NEW_PASSWORD = "a fresh passphrase";

async function signedInPage(browser: Browser, email: string, password = PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByForm(page, email, password);
  return page;
}

test("changing the password in Settings keeps this session and signs out the others, pages and API", async ({ page, browser }, testInfo) => {
  const email = uniqueEmail("change");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const other = await signedInPage(browser, email);
  expect((await other.request.get("/api/today")).status()).toBe(200);

  await page.goto("/app/settings");
  const form = page.locator("#password");
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("New password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();
  await screenshotAtWidths(page, testInfo, "settings-password-error");

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("Password changed");

  // This browser stays signed in, on pages and the API.
  await page.goto("/app/today");
  await expect(page).toHaveURL(/\/app\/today$/);
  expect((await page.request.get("/api/today")).status()).toBe(200);
  // The other one is signed out of both.
  expect((await other.request.get("/api/today")).status()).toBe(401);
  await other.goto("/app/today");
  await expect(other).toHaveURL(/\/signin/);
  await other.context().close();

  // The old password no longer signs in; the new one does.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("/signin");
  await fresh.getByLabel("Email").fill(email);
  await fresh.getByLabel("Password").fill(PASSWORD);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.locator("#signin-error")).toContainText("do not match");
  await signInByForm(fresh, email, NEW_PASSWORD);
  await fresh.context().close();
});

test("forgot password: the same answer for any email; a reset link works once and signs every session out", async ({ page, browser }, testInfo) => {
  const email = uniqueEmail("forgot");
  await registerByApi(page, email);
  const signedIn = await signedInPage(browser, email);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await screenshotAtWidths(page, testInfo, "forgot-password");
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  const answer = await page.locator("main").getByRole("status").textContent();
  expect(answer).toContain("If an account uses this email");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText(answer!);
  const unknown = await page.request.post("/api/password-reset", { data: { email: uniqueEmail("nobody") } });
  const known = await page.request.post("/api/password-reset", { data: { email } });
  expect([unknown.status(), known.status()]).toEqual([202, 202]);
  expect(await unknown.json()).toEqual(await known.json());

  // The link itself is mailed (or logged); here a link is made directly in the server's database, once the
  // server's own (made in the background after its answer) is surely written, since a new link replaces it.
  await page.waitForTimeout(1000);
  const db = createDb(resolveDatabaseTarget(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  const token = newResetToken();
  try {
    await requestPasswordReset(db, email, new Date(), () => token);
  } finally {
    await db.$disconnect();
  }

  await page.goto("/reset-password");
  await expect(page.locator("main").getByRole("alert")).toContainText("needs the link from the reset mail");
  await page.goto(`/reset-password#token=${token}`);
  await screenshotAtWidths(page, testInfo, "reset-password");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill("something else");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords differ.")).toBeVisible();
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("Your password is changed");
  expect(new URL(page.url()).hash).toBe("");

  // Single use.
  const again = await page.request.post("/api/password-reset/confirm", { data: { token, password: "yet another one" } });
  expect(again.status()).toBe(400);
  expect((await again.json()).issues[0].path).toEqual(["token"]);
  // The session signed in before the reset is gone.
  expect((await signedIn.request.get("/api/today")).status()).toBe(401);
  await signedIn.context().close();

  await page.getByRole("link", { name: "Sign in" }).last().click();
  await signInByForm(page, email, NEW_PASSWORD);
});
