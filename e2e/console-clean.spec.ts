import { expect, test, type Page } from "@playwright/test";
import { registerByApi, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";
import { watchPageHealth } from "./page-health";

async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  // Let hydration, effects and the first timer ticks run before judging the page.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
}

// The browser where aspirants are, the server wherever it runs (UTC here): dates rendered on both must agree.
test.use({ timezoneId: STUDY_TIME_ZONE, locale: "en-IN" });

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
};

test("every page, signed out and signed in, loads without a console error or a failed request", async ({ page }) => {
  const health = watchPageHealth(page);

  await visit(page, "/", heading(/./));
  await visit(page, "/signup", heading(/./));
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);

  const email = uniqueEmail("clean");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const examDate = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await page.request.put("/api/settings", {
    data: { examDate, examName: "CSE Prelims", timeZone: STUDY_TIME_ZONE, newCardsPerDay: 4, dailyQuizSize: 5, desiredRetention: 0.9 },
  });
  const quiz = await (await page.request.get("/api/quiz/daily")).json();
  // Quizzes are answered only after Start.
  expect((await page.request.post(`/api/quiz/${quiz.id}/start`)).ok()).toBe(true);
  const answered = await page.request.post(`/api/quiz/${quiz.id}/answers`, { data: { questionId: quiz.questions[0].id, optionId: "a", answerId: `clean-answer-${quiz.id}` } });
  expect(answered.ok()).toBe(true);

  await visit(page, "/app/today", heading("Today"));
  await visit(page, "/app/quiz", async (page) => await expect(page.getByText("Question 2 of 5")).toBeVisible());
  await visit(page, "/app/flashcards", async (page) => await expect(page.locator("#card-front")).toBeVisible());
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await visit(page, "/app/progress", heading("Progress"));
  await visit(page, "/app/library", heading("Library"));
  await visit(page, "/app/library/documents/pw-2024-2plus2-notes", heading(/./));
  await visit(page, "/app/settings", heading("Settings"));
  await page.request.post(`/api/quiz/${quiz.id}/finish`);
  await visit(page, "/app/quiz", async (page) => await expect(page.getByRole("heading", { name: /Your score/ })).toBeVisible());

  expect(health.problems).toEqual([]);
});

test("a quiz in progress hydrates without error when the device clock differs from the server's", async ({ page }) => {
  const health = watchPageHealth(page);
  const email = uniqueEmail("clock");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 4, dailyQuizSize: 5, desiredRetention: 0.9 },
  });
  const quiz = await (await page.request.get("/api/quiz/daily")).json();
  expect((await page.request.post(`/api/quiz/${quiz.id}/start`)).ok()).toBe(true);
  const answered = await page.request.post(`/api/quiz/${quiz.id}/answers`, { data: { questionId: quiz.questions[0].id, optionId: null, answerId: `clock-answer-${quiz.id}` } });
  expect(answered.ok()).toBe(true);
  // A phone whose clock runs 3 minutes fast: the timer cannot read the same on the server and in the browser.
  await page.clock.install({ time: new Date(Date.now() + 3 * 60_000) });
  await page.clock.resume();
  for (let load = 0; load < 2; load++) {
    await visit(page, "/app/quiz", async (page) => await expect(page.getByText("Question 2 of 5")).toBeVisible());
  }
  await expect(page.locator(".timer")).toContainText(/\d+:\d\d/);
  expect(health.problems).toEqual([]);
});
