import { expect, test } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, uniqueEmail } from "./helpers";

test("a full flashcard session by keyboard: flip, rate, undo, done for today", async ({ page }, testInfo) => {
  const email = uniqueEmail("cards");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const settings = await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: "Asia/Kolkata", newCardsPerDay: 3, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(settings.ok()).toBe(true);

  await page.goto("/app/flashcards");
  const progress = page.getByRole("progressbar", { name: "Cards reviewed this session" });
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
  await expect(page.getByText("1 of 3 reviewed")).toBeVisible();

  // Z brings the same card back, unrated.
  await page.keyboard.press("z");
  await expect(page.getByText("0 of 3 reviewed")).toBeVisible();
  await expect(page.locator("#card-front")).toHaveText(firstFront!);

  for (const [index, key] of ["1", "3", "4"].entries()) {
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
