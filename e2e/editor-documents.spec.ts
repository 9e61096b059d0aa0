import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, uniqueEmail, WIDTHS } from "./helpers";

// playwright.config.ts serves this database and this copy of content/ (CONTENT_ROOT, CONTENT_EDITS=on).
const E2E_DATABASE_URL = "file:./data/e2e.db";
const E2E_CONTENT = "data/e2e-content";

async function signedInEditor(page: Page) {
  const email = uniqueEmail("author");
  await registerByApi(page, email);
  execFileSync("node_modules/.bin/tsx", ["scripts/user-role.ts", email, "editor"], { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, stdio: "pipe" });
  await signInByForm(page, email);
  return email;
}

/**
 * What the viewport shows with `target` scrolled to its top, at both widths: the document page is too
 * long for a full-page picture to be read.
 */
async function viewportAtWidths(page: Page, testInfo: TestInfo, name: string, target: Locator) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    await target.evaluate((element) => element.scrollIntoView({ block: "start" }));
    const file = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: "image/png" });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** Selects `text` inside the paragraph of line `line`, as a mouse drag over it would. */
async function selectInLine(page: Page, line: number, text: string) {
  await page.evaluate(
    ({ line, text }) => {
      const paragraph = document.querySelector(`[data-line="${line}"] .doc-text`)!;
      const node = paragraph.firstChild!;
      const start = node.textContent!.indexOf(text);
      if (start < 0) throw new Error(`line ${line} does not hold the text`);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { line, text },
  );
}

let restoreAfterTest: (() => void) | undefined;
test.afterEach(() => {
  restoreAfterTest?.();
  restoreAfterTest = undefined;
});

const DOC = "pw-2024-2plus2-notes";
const QUOTE = "The Ministers had a wide-ranging discussion on regional and global issues focusing on the shared Indo-Pacific region.";
const FACT_ID = "third-2plus2-indo-pacific-discussion";

test("an editor selects a sentence, gets a draft with its exact quote and locator, sees its items, saves, and content:check passes", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signedInEditor(page);
  await page.goto("/editor");
  await page.getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("heading", { name: "Documents", level: 1 })).toBeVisible();
  await screenshotAtWidths(page, testInfo, "editor-documents");
  await page.getByRole("link", { name: /India-Japan 2\+2 Meet \(exam notes/ }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/documents/${DOC}$`));

  // The server keeps its copy of content/ between runs when it is reused: the file is put back after.
  const factsFile = `${E2E_CONTENT}/facts/joint-statement-2024.yaml`;
  const original = fs.readFileSync(factsFile, "utf8");
  restoreAfterTest = () => fs.writeFileSync(factsFile, original);
  const line22 = page.locator('[data-line="22"]');
  await expect(line22.getByText("No fact cites this paragraph")).toBeVisible();
  await expect(page.locator('[data-line="1"]').getByText("Not content (page chrome)")).toBeVisible();

  await selectInLine(page, 22, QUOTE);
  await expect(page.getByText(`Selected (line 22): “${QUOTE}”`)).toBeVisible();
  await page.getByRole("button", { name: "Start a fact from the selection" }).click();
  await expect(page.getByLabel("Quote (word for word)")).toHaveValue(QUOTE);
  await expect(page.getByLabel("Locator")).toHaveValue("line 22");
  await expect(page.getByRole("heading", { name: "Fact draft" })).toBeFocused();
  // The facts file that cites this document most is offered first.
  await expect(page.getByLabel("Facts file")).not.toHaveValue("");

  await page.getByLabel("Facts file").selectOption("joint-statement-2024.yaml");
  await page.getByLabel("Fact id").fill(FACT_ID);
  await page.getByLabel("Statement (a true sentence that holds the value)").fill(
    "At the third India-Japan 2+2 ministerial meeting, the Ministers discussed regional and global issues focusing on the shared Indo-Pacific region.",
  );
  await page.getByLabel("As of (YYYY-MM-DD, YYYY-MM or YYYY)").fill("2024-08");
  await page.getByLabel("Subject", { exact: true }).selectOption("third-india-japan-2plus2");
  await page.getByLabel("Relation", { exact: true }).selectOption("areas-emphasised");
  await page.getByLabel("Value is").selectOption("text");
  await page.getByLabel("Value", { exact: true }).fill("the shared Indo-Pacific region");

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText("The checker finds no problem in this fact.")).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole("heading", { name: /^Items it would make \([1-9]\d*\)$/ })).toBeVisible();
  // An open text value is asked in statement sets (no recall card that several answers would fill).
  await expect(preview.getByText(/discussed regional and global issues focusing on the shared Indo-Pacific region/).first()).toBeVisible();
  await expect(preview.getByRole("heading", { name: /^Changes to existing items/ })).toBeVisible();
  await viewportAtWidths(page, testInfo, "editor-document-text", page.locator('[data-line="20"]'));
  await viewportAtWidths(page, testInfo, "editor-document-draft", page.getByRole("heading", { name: "Fact draft" }));
  await viewportAtWidths(page, testInfo, "editor-document-preview", preview);
  // No part of the page is wider than a phone.
  await page.setViewportSize(WIDTHS.phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTHS.phone.width);
  await page.setViewportSize(WIDTHS.desktop);

  await page.getByRole("button", { name: "Save to content/facts/joint-statement-2024.yaml" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved ${FACT_ID} to content/facts/joint-statement-2024.yaml` })).toBeVisible();
  await expect(line22.getByText(FACT_ID)).toBeVisible();
  await expect(line22.getByText("No fact cites this paragraph")).toHaveCount(0);

  const written = fs.readFileSync(factsFile, "utf8");
  expect(written).toContain(`  - id: ${FACT_ID}\n`);
  expect(written).toContain(`        quote: ${QUOTE}\n`);
  expect(execFileSync("node_modules/.bin/tsx", ["scripts/content-check.ts", E2E_CONTENT], { encoding: "utf8" })).toMatch(/^Content OK: .* facts\./);
  // The repository's own content is untouched.
  expect(fs.readFileSync("content/facts/joint-statement-2024.yaml", "utf8")).not.toContain(FACT_ID);
});

test("an editor approves a generated item; the approvals file records it and the page shows it approved", async ({ page }, testInfo) => {
  const email = await signedInEditor(page);
  await page.goto("/editor/approvals");
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible();
  await expect(page.getByText("Learners are served every item, approved or not (SERVE_UNAPPROVED_ITEMS).")).toBeVisible();
  await viewportAtWidths(page, testInfo, "editor-approvals", page.getByRole("heading", { name: "Approvals", level: 1 }));
  const first = page.locator("article.approval-item").first();
  const itemId = (await first.locator("code").first().textContent())!;
  await first.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.locator("article.approval-item").first().locator("code").first()).not.toHaveText(itemId);
  const approvals = JSON.parse(fs.readFileSync(`${E2E_CONTENT}/approvals.json`, "utf8")) as { approved: Record<string, { itemId: string; approvedBy: string; approvedOn: string }> };
  expect(Object.values(approvals.approved)).toContainEqual(expect.objectContaining({ itemId, approvedBy: email }));
  expect(fs.existsSync("content/approvals.json")).toBe(false);

  // A rebuild that changes an approved item: the file's version no longer matches the bank's, and the
  // page shows the item first, beside the version approved.
  const family = Object.keys(approvals.approved).find((key) => approvals.approved[key]!.itemId === itemId)!;
  const stale = { ...approvals.approved[family]!, hash: "0000000000000000", explanation: "The explanation as it was approved." };
  fs.writeFileSync(`${E2E_CONTENT}/approvals.json`, JSON.stringify({ version: 1, approved: { ...approvals.approved, [family]: stale } }, null, 2));
  await page.reload();
  const changed = page.getByRole("article", { name: `Changed item ${itemId}` });
  await expect(changed.getByRole("region", { name: `Approved ${stale.approvedOn} by ${email}` }).getByText("The explanation as it was approved.")).toBeVisible();
  await expect(changed.getByRole("region", { name: "Now" })).toBeVisible();
  await expect(changed.getByText("Changed since approval: explanation.")).toBeVisible();
  await expect(page.getByText(/\d+ approved · 1 changed since approval/)).toBeVisible();
  await viewportAtWidths(page, testInfo, "editor-approvals-changed", changed);
});

test("an editor adds a document by pasting its text, and opens it to write facts", async ({ page }) => {
  await signedInEditor(page);
  await page.goto("/editor/documents");
  const id = `e2e-${Date.now()}`;
  await page.getByLabel("Id (lower case, hyphens: the file name)").fill(id);
  await page.getByLabel("Kind").selectOption("news");
  await page.getByLabel("Title").fill("A pasted test report");
  await page.getByLabel("Publisher").fill("Test Desk");
  await page.getByLabel("Date of the events (YYYY-MM-DD, YYYY-MM or YYYY)").fill("2025-01-10");
  await page.getByLabel("Text (pasted as published, one paragraph a line)").fill("India and Japan held a maritime dialogue in Tokyo on 10 January 2025.\nShort line.");
  await page.getByRole("button", { name: "Add the document" }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/documents/${id}$`));
  await expect(page.getByRole("heading", { name: "A pasted test report" })).toBeVisible();
  await expect(page.locator('[data-line="1"]').getByText("No fact cites this paragraph")).toBeVisible();
  // From the keyboard: a paragraph's own button starts a draft with its text, and the suggestions read it.
  await page.getByRole("button", { name: "Draft a fact from line 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Quote (word for word)")).toHaveValue("India and Japan held a maritime dialogue in Tokyo on 10 January 2025.");
  await expect(page.getByLabel("Locator")).toHaveValue("line 1");
  const found = page.locator(".found");
  await expect(found).toContainText("Tokyo (tokyo)");
  await expect(found).toContainText("10 January 2025 (date)");
  expect(fs.readFileSync(`${E2E_CONTENT}/sources/${id}.txt`, "utf8")).toBe("India and Japan held a maritime dialogue in Tokyo on 10 January 2025.\nShort line.\n");
  expect(execFileSync("node_modules/.bin/tsx", ["scripts/content-check.ts", E2E_CONTENT], { encoding: "utf8" })).toMatch(/^Content OK/);
});
