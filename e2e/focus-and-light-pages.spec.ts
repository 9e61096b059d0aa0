import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { registerByApi, signInByForm, STUDY_TIME_ZONE, uniqueEmail, WIDTHS } from "./helpers";

async function newLearner(page: Page, settings: { newCardsPerDay: number; dailyQuizSize: number }) {
  const email = uniqueEmail("focus");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const response = await page.request.put("/api/settings", { data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, desiredRetention: 0.9, ...settings } });
  expect(response.ok()).toBe(true);
  return email;
}

/**
 * Full-page screenshots at desktop and phone widths, kept with the test's artifacts; with
 * UPDATE_SCREENSHOTS=1 also in docs/screenshots/, where the README's pictures of each page live.
 */
async function screenshotPage(page: Page, testInfo: TestInfo, name: string) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    const file = testInfo.outputPath(`${name}-${viewport.width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: "image/png" });
    if (process.env.UPDATE_SCREENSHOTS) fs.copyFileSync(file, path.join("docs", "screenshots", `${name}-${viewport.width}.png`));
  }
  await page.setViewportSize(WIDTHS.desktop);
}

test("the last flashcard rated by keyboard hands the focus to the heading that says what comes next", async ({ page }, testInfo) => {
  await newLearner(page, { newCardsPerDay: 2, dailyQuizSize: 5 });
  await page.goto("/app/flashcards");
  await expect(page.locator("#card-front")).toBeFocused();

  // Again on the first card: it comes back in a minute, and the second card takes the focus.
  await page.keyboard.press("Space");
  await page.keyboard.press("1");
  await expect(page.getByText("1 of 3 reviewed")).toBeVisible();
  await expect(page.locator("#card-front")).toBeFocused();
  // Easy on the second: only the first is left, waiting for its step.
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  const waiting = page.getByRole("heading", { name: /Next card in \d+:\d\d/ });
  await expect(waiting).toBeFocused();

  // Undo brings the second card back (focused), Easy again, and then the waiting heading has the focus once more.
  await page.keyboard.press("z");
  await expect(page.locator("#card-front")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(waiting).toBeFocused();
  await screenshotPage(page, testInfo, "flashcards-waiting");
});

test("a session that ends with nothing left focuses Done for today", async ({ page }, testInfo) => {
  await newLearner(page, { newCardsPerDay: 1, dailyQuizSize: 5 });
  await page.goto("/app/flashcards");
  await expect(page.locator("#card-front")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  const done = page.getByRole("heading", { name: "Done for today" });
  await expect(done).toBeFocused();
  // Tab goes on from the heading to the next thing in the section, not from the top of the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Take today's quiz" })).toBeFocused();
  await screenshotPage(page, testInfo, "flashcards-done");
});

test("a quiz finished by keyboard focuses its score", async ({ page }, testInfo) => {
  await newLearner(page, { newCardsPerDay: 20, dailyQuizSize: 5 });
  await page.goto("/app/quiz");
  await page.getByRole("button", { name: "Start the clock" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  for (let question = 1; question <= 5; question++) {
    await expect(page.getByText(`Question ${question} of 5`)).toBeVisible();
    await page.getByRole("button", { name: "Skip (no marks)" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/Skipped: 0/)).toBeVisible();
    if (question < 5) {
      await page.getByRole("button", { name: "Next question" }).focus();
      await page.keyboard.press("Enter");
    }
  }
  await page.getByRole("button", { name: "Finish and see results" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Your score: 0 out of 10/ })).toBeFocused();
  await screenshotPage(page, testInfo, "quiz-results");
});

test("Progress draws its charts on the server: bars, the score line and the year's squares, with no chart script", async ({ page }, testInfo) => {
  await newLearner(page, { newCardsPerDay: 5, dailyQuizSize: 5 });
  // Some history: five flashcards rated, two quizzes finished (the score line needs two points).
  const queue = (await (await page.request.get("/api/reviews/queue?limit=5")).json()) as { cards: { id: string }[] };
  for (const [index, card] of queue.cards.entries()) {
    const rated = await page.request.post("/api/reviews", { data: { reviewId: `charts-${index}-${card.id}`, cardId: card.id, rating: index % 2 ? "good" : "easy", durationMs: 3000 } });
    expect(rated.ok()).toBe(true);
  }
  for (const body of [null, { mode: "custom", size: 5, timed: false }]) {
    const quiz = (await (body ? await page.request.post("/api/quiz", { data: body }) : await page.request.get("/api/quiz/daily")).json()) as { id: string };
    expect((await page.request.post(`/api/quiz/${quiz.id}/start`)).ok()).toBe(true);
    expect((await page.request.post(`/api/quiz/${quiz.id}/finish`)).ok()).toBe(true);
  }

  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/app/progress");
  const forecast = page.locator("figure.chart-figure");
  // Thirty days of reviews due drawn as one SVG path, a bar for each day with any; the figures are in the
  // table for screen readers, a row for each of those days.
  const bars = forecast.locator(".svg-chart-bar");
  await expect(bars).toHaveCount(1);
  const barCount = ((await bars.getAttribute("d")) ?? "").split("M").length - 1;
  expect(barCount).toBeGreaterThan(0);
  await expect(forecast.locator("tbody tr")).toHaveCount(barCount);
  await expect(forecast.locator(".svg-chart")).toHaveAttribute("aria-hidden", "true");
  await expect(forecast.getByText(/Reviews due by day/)).toBeVisible();
  // Two quizzes, two points on the score line.
  await expect(page.locator(".svg-chart-dot")).toHaveCount(2);
  await expect(page.locator(".svg-chart-line")).toHaveAttribute("points", /^[\d.]+,[\d.]+ [\d.]+,[\d.]+$/);
  // The year as one SVG: a path per shade, not an element per day; today's square outlined.
  await expect(page.locator("svg.heatmap path")).not.toHaveCount(0);
  expect(await page.locator("svg.heatmap path").count()).toBeLessThanOrEqual(5);
  await expect(page.locator(".heatmap-today title")).toContainText("(today): 5 reviews");
  // Nothing loaded for the charts: every script is the framework's or the shell's, as on Today.
  await page.waitForLoadState("networkidle");
  const progressScripts = new Set(scripts.map((url) => new URL(url).pathname));
  scripts.length = 0;
  await page.goto("/app/today");
  await page.waitForLoadState("networkidle");
  const todayScripts = new Set(scripts.map((url) => new URL(url).pathname));
  expect([...progressScripts].filter((script) => !todayScripts.has(script))).toEqual([]);
  await screenshotPage(page, testInfo, "today");
  await page.goto("/app/progress");
  await screenshotPage(page, testInfo, "progress");
});

test("sign-in and sign-up load zod and next-auth's client only when the form is used, and still check every field", async ({ page }, testInfo) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/signup");
  await page.waitForLoadState("networkidle");
  const onOpen = scripts.length;
  // Sent empty: the registration schema, loaded now, names each field's problem.
  await page.getByRole("button", { name: "Create account" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  expect(scripts.length).toBeGreaterThan(onOpen);
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await screenshotPage(page, testInfo, "signup-errors");

  await page.goto("/signin");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await screenshotPage(page, testInfo, "signin-errors");

  // A real account still signs in through the lazily loaded next-auth client.
  const email = uniqueEmail("lazy");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the forgot-password and reset-password forms show the schemas' messages", async ({ page }, testInfo) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("asha@");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await screenshotPage(page, testInfo, "forgot-password-errors");

  // The reset page checks its link's token with the same lazily loaded schemas.
  await page.goto("/reset-password#token=too-short");
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-2027");
  await page.getByLabel("New password again").fill("a-new-password-2027");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The reset link is incomplete" })).toBeVisible();
  await screenshotPage(page, testInfo, "reset-password-errors");
});

test("Settings shows the server's zod issues under their fields", async ({ page }, testInfo) => {
  await newLearner(page, { newCardsPerDay: 5, dailyQuizSize: 5 });
  await page.goto("/app/settings");
  await page.getByLabel("Questions in the daily quiz").fill("3");
  await page.getByLabel("Desired retention (%)").fill("50");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Some settings need fixing")).toBeVisible();
  await expect(page.getByLabel("Questions in the daily quiz")).toHaveAccessibleDescription(/Use at least 5\./);
  // The stored retention is a fraction; its message speaks of the percentage the field asks for.
  await expect(page.getByText("Choose a retention between 70% and 99%.")).toBeVisible();
  await screenshotPage(page, testInfo, "settings-errors");
});
