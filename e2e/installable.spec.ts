import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { registerByApi, signInByForm, uniqueEmail } from "./helpers";

/**
 * Installability as Chromium decides it, in place of Lighthouse's PWA audits (removed in Lighthouse 12):
 * the manifest parses without errors, a service worker controls the page, and the browser reports no
 * installability error. Then the install flow's screens at phone widths, kept in docs/screenshots.
 */

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 780 },
];

/** Each phone width: a screenshot, nothing wider than the screen, and every control at least 44 px tall. */
async function phoneScreenshots(page: Page, name: string, controls = page.locator("main button, main a.button")) {
  for (const viewport of PHONES) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `docs/screenshots/${name}-${viewport.width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    for (const control of await controls.all()) {
      if (await control.isVisible()) expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
  }
}

/**
 * A browser profile of its own on disk, as a phone's browser has: Chromium never offers to install from
 * an incognito profile (Playwright's usual contexts are: installability error "in-incognito").
 */
async function withBrowserProfile(testInfo: TestInfo, run: (context: BrowserContext, page: Page) => Promise<void>): Promise<void> {
  const { baseURL, launchOptions } = testInfo.project.use;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-profile-"));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, viewport: { width: 1280, height: 800 } });
  try {
    await run(context, context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

async function underServiceWorker(page: Page, path: string) {
  await page.goto(path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test("Chromium finds Smriti installable: the manifest parses, the worker controls the page, no installability errors", async ({}, testInfo) => {
  await withBrowserProfile(testInfo, async (context, page) => {
    const email = uniqueEmail("install");
    await registerByApi(page, email);
    await signInByForm(page, email);
    await underServiceWorker(page, "/app/today");

    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data!) as { start_url: string; display: string; icons: { sizes: string; purpose?: string }[] };
    expect(parsed).toMatchObject({ start_url: "/app/today", display: "standalone" });
    expect(parsed.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? "any"}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);

    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
  });
});

test("the install flow at phone width: Install app when the browser offers it, Add to Home Screen on an iPhone, the installed app", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("install-flow");
  await registerByApi(page, email);

  // Chromium offers installation (beforeinstallprompt) once it finds the app installable: Settings shows
  // Install app then, and only then.
  await withBrowserProfile(testInfo, async (_, chromePage) => {
    await signInByForm(chromePage, email);
    await underServiceWorker(chromePage, "/app/settings");
    const section = chromePage.getByRole("region", { name: "Smriti on your phone" });
    const install = section.getByRole("button", { name: "Install app" });
    await expect(install).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await phoneScreenshots(chromePage, "install-app-offered", section.getByRole("button"));
  });

  // In an ordinary incognito context no offer comes: the menu is the way.
  await signInByForm(page, email);
  await page.goto("/app/settings");
  await expect(page.getByRole("region", { name: "Smriti on your phone" })).toContainText("If your browser offers it");
  await expect(page.getByRole("button", { name: "Install app" })).toHaveCount(0);

  // The installed app, as its home-screen icon opens it. Chromium cannot emulate display-mode (CDP's
  // setEmulatedMedia ignores it, and an app window launched headless is a tab): the page is told so by
  // matchMedia. Smriti's styles do not depend on it, so the screens are the installed app's.
  const installed = await browser.newContext({ viewport: PHONES[0] });
  try {
    await installed.addInitScript(() => {
      const matchMedia = window.matchMedia.bind(window);
      window.matchMedia = (query: string) => (query.replace(/\s/g, "") === "(display-mode:standalone)" ? { ...matchMedia(query), matches: true, media: query, addEventListener() {}, removeEventListener() {} } : matchMedia(query));
    });
    const app = await installed.newPage();
    await signInByForm(app, email);
    await phoneScreenshots(app, "installed-today");
    await app.goto("/app/settings");
    const section = app.getByRole("region", { name: "Smriti on your phone" });
    await expect(section).toContainText("You are using the installed app.");
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: "docs/screenshots/installed-settings-390.png" });
  } finally {
    await installed.close();
  }
  // Safari on an iPhone never offers installation: Settings says how to add Smriti to the home screen.
  const iphone = await browser.newContext({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    viewport: PHONES[0],
    isMobile: true,
    hasTouch: true,
  });
  try {
    const phone = await iphone.newPage();
    await signInByForm(phone, email);
    await phone.goto("/app/settings");
    const steps = phone.getByRole("region", { name: "Smriti on your phone" });
    await expect(steps).toContainText("tap Add to Home Screen");
    await expect(steps.getByRole("button", { name: "Install app" })).toHaveCount(0);
    await steps.scrollIntoViewIfNeeded();
    for (const viewport of PHONES) {
      await phone.setViewportSize(viewport);
      await steps.screenshot({ path: `docs/screenshots/install-ios-steps-${viewport.width}.png` });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    }
  } finally {
    await iphone.close();
  }
});
