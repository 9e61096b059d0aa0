import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, uniqueEmail } from "./helpers";

// The Library lists every fact of the bank, 10 to a page (LIBRARY_PAGE_SIZE, not imported: e2e specs load no
// app modules); the bank is regenerated, so its size is read, not assumed.
const PAGE_SIZE = 10;
const FACTS = (JSON.parse(fs.readFileSync("content/generated/bank.json", "utf8")) as { facts: unknown[] }).facts.length;
const PAGES = Math.ceil(FACTS / PAGE_SIZE);

async function signIn(page: Page) {
  const email = uniqueEmail("library");
  await registerByApi(page, email);
  await signInByForm(page, email);
}

async function noHorizontalScroll(page: Page, label: string) {
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the Library is paged and searched on the server, with the query in the URL", async ({ page }, testInfo) => {
  await signIn(page);
  const response = await page.goto("/app/library");
  // One page of facts, not the whole bank: far from the 1 MB page it was.
  expect((await response!.body()).length).toBeLessThan(300_000);
  expect(PAGES).toBeGreaterThan(2);
  await expect(page.getByText(new RegExp(`${FACTS} facts · page 1 of ${PAGES}`))).toBeVisible();
  await expect(page.locator(".fact-list > li")).toHaveCount(PAGE_SIZE);
  await screenshotAtWidths(page, testInfo, "library");
  await noHorizontalScroll(page, "library");

  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/\/app\/library\?page=2$/);
  await expect(page.getByText(new RegExp(`page 2 of ${PAGES}`))).toBeVisible();

  await page.getByLabel("Search facts and quotes").fill("Veer Guardian");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=Veer\+Guardian/);
  await expect(page.locator(".library-summary")).toContainText(/\d+ facts? match “Veer Guardian”/);
  const statements = await page.locator(".fact-statement").allTextContents();
  expect(statements.length).toBeGreaterThan(0);
  await screenshotAtWidths(page, testInfo, "library-search");

  await page.goto("/app/library?q=no-such-word-anywhere");
  await expect(page.locator(".library-summary")).toContainText("No fact matches “no-such-word-anywhere”");
  await page.goto("/app/library?page=zero");
  await expect(page.locator("main").getByRole("alert")).toContainText("page: The page must be a number.");
  await page.goto("/app/library?page=99");
  await expect(page.locator(".library-summary")).toContainText("There is no page 99");
});

test("the documents index lists every document by title, each opening its text", async ({ page }, testInfo) => {
  await signIn(page);
  const response = await page.goto("/app/library/documents");
  expect(response!.status()).toBe(200);
  const items = page.locator(".document-index > li");
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText("Publisher");
  await expect(page.getByRole("link", { name: /Joint Statement, Third Japan-India 2\+2/ })).toBeVisible();
  await expect(page.locator(".document-index")).not.toContainText("mofa-2024-joint-statement");
  await screenshotAtWidths(page, testInfo, "documents");
  await noHorizontalScroll(page, "documents");

  await page.getByRole("link", { name: /Strengthening Partnership/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Strengthening Partnership");
  const chrome = page.locator(".document-lines li.line-chrome");
  expect(await chrome.count()).toBeGreaterThan(10);
  await expect(page.locator(".document-lines li", { hasText: "More like this" })).toHaveClass(/line-chrome/);
  await expect(page.locator(".document-lines .chrome-label").first()).toHaveText("Not content");
  await screenshotAtWidths(page, testInfo, "document-chrome");
  await noHorizontalScroll(page, "document");
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`a citation from the Library opens its document with the passage highlighted and in view below the header (${viewport.name})`, async ({ page }, testInfo) => {
    await signIn(page);
    await page.setViewportSize(viewport);
    // A fact quoting a line far down the exam notes.
    await page.goto("/app/library?q=Veer+Guardian");
    const fact = page.locator(".fact-list > li").filter({ has: page.locator("a[href*='pw-2024-2plus2-notes']") }).first();
    await fact.locator("summary").first().click();
    const link = fact.locator("a[href*='pw-2024-2plus2-notes']").first();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/\?cite=line%20\d+#line-\d+$/);
    await link.click();
    await page.waitForURL(/\/app\/library\/documents\/pw-2024-2plus2-notes\?cite=/);
    const line = page.locator(`#${href.split("#")[1]}`);
    await expect(line).toHaveClass(/line-cited/);
    await expect(line).toBeInViewport();
    // Not under the sticky navigation (a top bar on phones).
    await expect.poll(async () => {
      const lineTop = await line.evaluate((element) => element.getBoundingClientRect().top);
      const navBottom = await page.locator(".shell-nav").evaluate((nav) => {
        const box = nav.getBoundingClientRect();
        return box.top <= 0 && box.width < window.innerWidth ? 0 : box.bottom; // the desktop side column covers nothing above
      });
      return lineTop >= navBottom;
    }).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`cited-line-${viewport.name}.png`) });
  });
}

test("a flashcard's sources name their documents by title, and link to the passage", async ({ page }) => {
  await signIn(page);
  await page.goto("/app/flashcards");
  await expect(page.locator("#card-front")).toBeVisible();
  await page.keyboard.press("Space");
  const sources = page.locator(".source-list");
  await sources.locator("summary").click();
  const first = sources.locator("li").first();
  const link = first.getByRole("link", { name: "read it in the document" });
  const href = (await link.getAttribute("href"))!;
  const slug = /\/app\/library\/documents\/([a-z0-9-]+)\?cite=/.exec(href)![1]!;
  await expect(first).not.toContainText(`${slug},`);
  await expect(first).toContainText(/(Joint Statement|Strengthening Partnership|India and Japan to revise|India-Japan 2\+2 Meet|Second India-Japan 2\+2)/);
  await link.click();
  await expect(page.locator(".document-lines li.line-cited").first()).toBeInViewport();
});
