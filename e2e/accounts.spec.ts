import { expect, test } from "@playwright/test";
import { PASSWORD, registerByApi, screenshotAtWidths, signInByForm, uniqueEmail } from "./helpers";

// These tests cut the network with page.route, which does not see requests a service worker makes: the app's
// worker (Serwist) is kept out of this file; e2e/offline-flashcards.spec.ts tests it.
test.use({ serviceWorkers: "block" });

test("a visitor sees what Smriti is", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Current affairs for UPSC");
  await expect(page.getByRole("link", { name: "Start practising free" })).toBeVisible();
  await screenshotAtWidths(page, testInfo, "landing");
});

test("the signed-in area redirects a visitor to sign-in and back", async ({ page }) => {
  await page.goto("/app/progress");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fapp%2Fprogress/);
  const email = uniqueEmail();
  await registerByApi(page, email);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app\/progress$/);
});

test("sign up, sign out and sign in again", async ({ page }, testInfo) => {
  const email = uniqueEmail("signup");
  await page.goto("/signup");
  await screenshotAtWidths(page, testInfo, "signup");
  await page.getByLabel("Name (optional)").fill("Priya");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/app/today");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await screenshotAtWidths(page, testInfo, "app-shell");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/app/today");
  await expect(page).toHaveURL(/\/signin/);

  await signInByForm(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("sign-up explains a taken email, a malformed email and a short password", async ({ page }) => {
  const email = uniqueEmail("taken");
  await registerByApi(page, email);
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
});

test("a wrong password gets a clear message", async ({ page }, testInfo) => {
  const email = uniqueEmail("wrong");
  await registerByApi(page, email);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText("That email and password do not match an account.");
  await screenshotAtWidths(page, testInfo, "signin-error");
  await expect(page).toHaveURL(/\/signin/);
});

test("the navigation is reachable by keyboard", async ({ page }) => {
  const email = uniqueEmail("keys");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.goto("/app/today");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const sections = ["Today", "Quiz", "Flashcards", "Progress", "Library", "Settings"];
  await page.keyboard.press("Tab"); // brand link
  for (const name of sections) {
    await page.keyboard.press("Tab");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/app\/settings$/);
});

test("a sign-out the server never receives says so, and the user is still signed in", async ({ page }, testInfo) => {
  const email = uniqueEmail("signout");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.route("**/api/auth/signout", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not sign out" })).toHaveText("Could not sign out; check the connection and try again.");
  await screenshotAtWidths(page, testInfo, "sign-out-failed");
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.unroute("**/api/auth/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/app/today");
  await expect(page).toHaveURL(/\/signin/);
});
