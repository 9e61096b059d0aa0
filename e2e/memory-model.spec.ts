import { expect, test, type Page } from "@playwright/test";
import { seededRandom } from "@/lib/content/generate/random";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { FAST_FORGETTER, storeSyntheticHistory, syntheticHistory } from "../tests/helpers/review-history";
import { registerByApi, signInByForm, STUDY_TIME_ZONE, uniqueEmail, WIDTHS } from "./helpers";

/** Gives the account a half-year review history on the real bank, as if it had been studying (the server's own database). */
async function giveReviewHistory(email: string) {
  const db = createDb(resolveDatabaseTarget(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const items = await db.bankItem.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, select: { id: true }, take: 300 });
    // Six months of reviews that ended yesterday.
    const start = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 181));
    const history = syntheticHistory({ trueParameters: FAST_FORGETTER, cards: 300, newCardsPerDay: 10, start, days: 180, random: seededRandom(email) });
    await storeSyntheticHistory(db, user.id, history, items.map((item) => item.id));
  } finally {
    await db.$disconnect();
  }
}

async function openMemoryModel(page: Page) {
  await page.goto("/app/settings");
  const section = page.getByRole("region", { name: "Your memory model" });
  await expect(section.getByText("Every retention simulated (table)")).toBeVisible({ timeout: 30_000 });
  return section;
}

test("a learner with too few reviews is told so and keeps the defaults", async ({ page }) => {
  const email = uniqueEmail("memory-new");
  await registerByApi(page, email);
  await signInByForm(page, email);

  const section = await openMemoryModel(page);
  await expect(section.getByText(/^You are scheduled with FSRS's default parameters\./)).toBeVisible();
  await section.getByRole("button", { name: "Fit my memory model" }).click();
  await expect(section.getByRole("status")).toContainText("Fitting needs at least 400 reviews", { timeout: 30_000 });
  await expect(section.getByText(/^You are scheduled with FSRS's default parameters\./)).toBeVisible();
  expect((await (await page.request.get("/api/memory-model")).json()).usingFittedParameters).toBe(false);
});

test("fit from Settings: the evaluation side by side and the retention curve", async ({ page }) => {
  // A fit (a child process at the lowest priority) and two reschedules, each a job, on a shared machine.
  test.setTimeout(240_000);
  const email = uniqueEmail("memory-fit");
  await registerByApi(page, email);
  await giveReviewHistory(email);
  await signInByForm(page, email);
  const examDate = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
  const saved = await page.request.put("/api/settings", {
    data: { examDate, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(saved.ok()).toBe(true);

  const section = await openMemoryModel(page);
  const fit = section.getByRole("button", { name: "Fit my memory model" });
  await fit.focus();
  await page.keyboard.press("Enter");
  // The fit runs as a job: the page shows its progress while it polls, then the result, with no reload.
  await expect(section.getByRole("progressbar", { name: "Fitting your memory model" })).toBeVisible();
  await expect(section.getByText(/^Fitting your memory model: (waiting for its turn|running for \d+ s)/)).toBeVisible();
  await section.screenshot({ path: "docs/screenshots/settings-memory-model-fitting-desktop.png" });
  await expect(section.getByRole("status")).toContainText("Your own parameters predict your recall better", { timeout: 90_000 });
  await expect(section.getByRole("progressbar")).toHaveCount(0);
  await expect(section.getByText(/^You are scheduled with your own parameters\./)).toBeVisible();
  await expect(fit).toBeFocused();

  const evaluation = section.getByRole("table").filter({ hasText: "Log loss" });
  await expect(evaluation.getByRole("columnheader")).toHaveText(["Measure", "Default parameters", "Fitted to you"]);
  const logLoss = evaluation.getByRole("row", { name: /Log loss/ }).getByRole("cell");
  const [defaults, fitted] = (await logLoss.allTextContents()).map(Number);
  expect(fitted).toBeLessThan(defaults!);

  await expect(section.locator(".svg-chart-line")).toBeVisible();
  await expect(section.locator(".svg-chart-marker", { hasText: "Now" })).toBeVisible();
  await expect(section.getByText("The lowest retention that keeps 90% of your studied facts on exam day")).toBeVisible();
  await section.getByText("Every retention simulated (table)").click();
  const rows = section.getByRole("table").filter({ hasText: "Reviews a day" }).locator("tbody tr");
  await expect(rows).toHaveCount(28);
  await expect(rows.filter({ hasText: "90% (now)" })).toHaveCount(1);

  const view = await (await page.request.get("/api/memory-model")).json();
  expect(view).toMatchObject({ usingFittedParameters: true, lastFit: { outcome: "adopted" }, retention: { examDate, measuredOn: examDate } });

  // Reschedule: every reviewed card replayed with the fitted parameters; a second time changes nothing.
  const reschedule = section.getByRole("button", { name: "Reschedule my cards" });
  await reschedule.click();
  await expect(section.getByRole("progressbar", { name: "Rescheduling your cards" })).toBeVisible();
  await expect(section.getByRole("status")).toContainText(/Rescheduled your 300 reviewed cards from their reviews with the parameters in use: \d+ due dates moved\./, { timeout: 90_000 });
  await expect(reschedule).toHaveText("Reschedule my cards");
  const again = await page.request.post("/api/memory-model/reschedule");
  expect(again.status()).toBe(202);
  const { id } = await again.json();
  await expect.poll(async () => (await (await page.request.get(`/api/jobs/${id}`)).json()).status, { timeout: 60_000 }).toBe("done");
  expect((await (await page.request.get(`/api/jobs/${id}`)).json()).result).toEqual({ cards: 300, changed: 0, moved: 0 });

  // The section as a keyboard user leaves it: the fit button focused (its ring must show), at both widths.
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    await fit.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(fit).toBeFocused();
    await section.screenshot({ path: `docs/screenshots/settings-memory-model-${label}.png` });
  }
  await page.setViewportSize(WIDTHS.desktop);
});
