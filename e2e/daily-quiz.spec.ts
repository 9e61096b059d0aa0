import { expect, test } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";

test("a full daily quiz: answer, skip, resume after a reload, finish, results with explanations", async ({ page }, testInfo) => {
  const email = uniqueEmail("quiz");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 5, desiredRetention: 0.9 },
  });

  await page.goto("/app/quiz");
  await expect(page.getByRole("heading", { name: "Today's quiz" })).toBeVisible();
  // The clock starts on Start, not when the page opens: no question and no timer before it.
  await expect(page.getByText("timed: 6 minutes")).toBeVisible();
  await expect(page.getByText("Question 1 of 5")).toHaveCount(0);
  await expect(page.getByText(/Time left/)).toHaveCount(0);
  await screenshotAtWidths(page, testInfo, "quiz-start");
  await page.getByRole("button", { name: "Start the clock" }).click();
  await expect(page.getByText("Question 1 of 5")).toBeVisible();
  await expect(page.getByText(/Time left: [56]:\d\d/)).toBeVisible();
  await screenshotAtWidths(page, testInfo, "quiz-question");

  // Question 1: choose (a) and submit; the key and explanation appear only now.
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Correct: \+2|Wrong: −2\/3/ })).toBeVisible();
  await expect(page.getByText(/Sources \(\d+\)/)).toBeVisible();
  await page.getByRole("button", { name: "Next question" }).click();

  // Question 2: skip.
  await expect(page.getByText("Question 2 of 5")).toBeVisible();
  await page.getByRole("button", { name: "Skip (no marks)" }).click();
  await expect(page.getByText(/Skipped: 0/)).toBeVisible();

  // An interrupted quiz resumes where it stopped.
  await page.reload();
  await expect(page.getByText("Question 3 of 5")).toBeVisible();

  for (let question = 3; question <= 5; question++) {
    await expect(page.getByText(`Question ${question} of 5`)).toBeVisible();
    await page.getByRole("radio").nth(1).check();
    await page.getByRole("button", { name: "Submit answer" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Correct|Wrong/ })).toBeVisible();
    if (question < 5) await page.getByRole("button", { name: "Next question" }).click();
  }
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: /Your score: -?[\d.]+ out of 10/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Skipped" })).toHaveCount(1);
  await screenshotAtWidths(page, testInfo, "quiz-results");

  // Once per day: coming back shows the same, finished quiz.
  await page.goto("/app/quiz");
  await expect(page.getByRole("heading", { name: /Your score/ })).toBeVisible();
});
