import { expect, test } from "@playwright/test";
import { dayInStudyZone, registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";

test("after reviews and a quiz, Progress shows them, with the exam countdown", async ({ page }, testInfo) => {
  const email = uniqueEmail("progress");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const examDate = dayInStudyZone(45);
  await page.request.put("/api/settings", {
    data: { examDate, examName: "CSE Prelims", timeZone: STUDY_TIME_ZONE, newCardsPerDay: 4, dailyQuizSize: 5, desiredRetention: 0.9 },
  });

  // A session of four reviews through the API, as the review page sends them.
  const { cards } = await (await page.request.get("/api/reviews/queue?limit=10")).json();
  expect(cards).toHaveLength(4);
  for (const [index, card] of cards.entries()) {
    const rating = index === 0 ? "again" : "good";
    const response = await page.request.post("/api/reviews", { data: { reviewId: `progress-${index}-${card.id}`, cardId: card.id, rating, durationMs: 5000 } });
    expect(response.ok()).toBe(true);
  }
  // And a daily quiz: the first question answered, then finished.
  const quiz = await (await page.request.get("/api/quiz/daily")).json();
  await page.request.post(`/api/quiz/${quiz.id}/start`);
  await page.request.post(`/api/quiz/${quiz.id}/answers`, { data: { questionId: quiz.questions[0].id, optionId: "a", answerId: `progress-answer-${quiz.id}` } });
  await page.request.post(`/api/quiz/${quiz.id}/finish`);

  await page.goto("/app/today");
  await expect(page.getByText("45 days to CSE Prelims")).toBeVisible();

  await page.goto("/app/progress");
  await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
  const tiles = page.locator(".stat-tiles");
  await expect(tiles.getByText("Current streak")).toBeVisible();
  await expect(tiles.locator(".stat-tile", { hasText: "Current streak" })).toContainText("1 day");
  await expect(tiles.locator(".stat-tile", { hasText: "CSE Prelims" })).toContainText("45 days left");
  // Four flashcard ratings and the quiz answer's ratings count as reviews this year.
  await expect(tiles.locator(".stat-tile", { hasText: "Reviews this year" })).toContainText(/[5-9]|1\d/);
  await expect(page.getByRole("heading", { name: "Exam readiness" })).toBeVisible();
  await expect(page.locator(".readiness-headline")).toContainText(/Predicted recall on exam day .*: \d+%/);
  await expect(page.getByRole("table", { name: "Accuracy by topic, weakest first" })).toBeVisible();
  const history = page.getByRole("table", { name: "Quiz history, most recent first" });
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history).toContainText("Daily quiz");
  await screenshotAtWidths(page, testInfo, "progress");
});

test("on day one Progress does not judge the pace, and explains a plan below the Settings' new cards a day", async ({ page }, testInfo) => {
  const email = uniqueEmail("dayone");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: dayInStudyZone(120), examName: "CSE Prelims", timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 5, desiredRetention: 0.9 },
  });
  // A first session: twenty new cards, each rated once.
  const { cards } = await (await page.request.get("/api/reviews/queue?limit=20")).json();
  for (const [index, card] of cards.entries()) {
    const response = await page.request.post("/api/reviews", { data: { reviewId: `dayone-${index}-${card.id}`, cardId: card.id, rating: "good", durationMs: 3000 } });
    expect(response.ok()).toBe(true);
  }

  await page.goto("/app/progress");
  const plan = page.locator(".readiness-plan");
  await expect(plan).toBeVisible();
  await expect(plan).not.toContainText("behind");
  await expect(plan).toContainText("You started today: too early to compare your pace with the plan");
  await expect(plan).not.toContainText(/\d\.\d/); // no "0.0 reviews and 34.0 new cards"
  await expect(plan).toContainText(/Why \d+ and not the 20 a day of your Settings\?/);
  await expect(plan).toContainText("new cards stop a week before the exam");
  // The plan's text wraps within its box at phone widths (the page's tables and heatmap are issue 20's item 7).
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await plan.evaluate((box) => box.scrollWidth - box.clientWidth), `plan overflow at ${width}`).toBeLessThanOrEqual(0);
  }
  await screenshotAtWidths(page, testInfo, "progress-day-one");
});
