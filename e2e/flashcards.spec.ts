import { expect, test } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";

test("a full flashcard session by keyboard: flip, rate, undo, done for today", async ({ page }, testInfo) => {
  const email = uniqueEmail("cards");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const settings = await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 3, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(settings.ok()).toBe(true);

  await page.goto("/app/flashcards");
  const progress = page.getByRole("progressbar", { name: "Flashcards reviewed this session" });
  await expect(progress).toHaveAttribute("aria-valuemax", "3");
  await expect(page.getByText("0 of 3 reviewed")).toBeVisible();

  const firstFront = await page.locator("#card-front").textContent();
  await page.keyboard.press("Space");
  const ratings = page.getByRole("group", { name: "How well did you recall it?" });
  await expect(ratings.getByRole("button")).toHaveCount(4);
  // Each rating button shows the interval it would give.
  await expect(ratings.getByRole("button", { name: /Again/ })).toContainText(/\d+ (min|h|d)/);
  await screenshotAtWidths(page, testInfo, "flashcard-back");
  await page.keyboard.press("3");
  // Good on a new card is a ten-minute learning step: it will come back, so the session holds four reviews.
  await expect(page.getByText("1 of 4 reviewed")).toBeVisible();

  // Z brings the same card back, unrated.
  await page.keyboard.press("z");
  await expect(page.getByText("0 of 3 reviewed")).toBeVisible();
  await expect(page.locator("#card-front")).toHaveText(firstFront!);

  // Easy graduates a new card out of its learning steps: nothing comes back today.
  for (const [index, key] of ["4", "4", "4"].entries()) {
    await page.keyboard.press("Space");
    await expect(ratings).toBeVisible();
    await page.keyboard.press(key);
    await expect(page.getByText(`${index + 1} of 3 reviewed`)).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Done for today" })).toBeVisible();
  await expect(page.getByText("3 of 3 reviewed")).toBeVisible();
  await screenshotAtWidths(page, testInfo, "flashcards-done");

  // The server kept exactly the three ratings that stand after the undo.
  const today = await (await page.request.get("/api/today")).json();
  expect(today.reviewedToday).toBe(3);
});

test("a card rated Again comes back in the same session when its step is due, with a countdown meanwhile", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("again");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const settings = await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 2, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(settings.ok()).toBe(true);

  await page.goto("/app/flashcards");
  await expect(page.getByText("0 of 2 reviewed")).toBeVisible();
  await expect(page.locator(".card-topic")).toContainText("Flashcard");
  const forgotten = await page.locator("#card-front").textContent();
  await page.keyboard.press("Space");
  await page.keyboard.press("1");
  // The card rated Again will come back: three reviews in this session.
  await expect(page.getByText("1 of 3 reviewed")).toBeVisible();
  await page.keyboard.press("Space");
  await page.keyboard.press("4");

  // Not "Done": the card rated Again is due again in a minute, and the session waits for it.
  await expect(page.getByRole("heading", { name: /Next card in \d+:\d\d/ })).toBeVisible();
  await expect(page.getByText("2 of 3 reviewed")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Done for today" })).toHaveCount(0);
  await screenshotAtWidths(page, testInfo, "flashcards-countdown");
  // Today counts it as due, as the session does.
  expect((await (await page.request.get("/api/today")).json()).due).toBe(1);

  await expect(page.locator("#card-front")).toHaveText(forgotten!, { timeout: 90_000 });
  await expect(page.locator(".card-topic")).toContainText("(learning)");
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(page.getByRole("heading", { name: "Done for today" })).toBeVisible();
  await expect(page.getByText("3 of 3 reviewed")).toBeVisible();
});
