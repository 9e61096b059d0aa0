import { expect, test, type Page } from "@playwright/test";
import { registerByApi, signInByForm, STUDY_TIME_ZONE, uniqueEmail, WIDTHS } from "./helpers";
import { keyOf, wrongOptionOf } from "./quiz-keys";

type Question = { id: string; prompt: string; options: { id: string; text: string }[] };

/** The page at desktop and phone width, into docs/screenshots/ where the pages' pictures are reviewed. */
async function screenshots(page: Page, name: string) {
  for (const viewport of Object.values(WIDTHS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `docs/screenshots/${name}-${viewport.width}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

function secondsOf(timer: string): number {
  const [minutes, seconds] = timer.replace("Time left: ", "").split(":").map(Number);
  return minutes! * 60 + seconds!;
}

test("a mock paper of 20 questions: started, reloaded midway (answers, marks and clock kept), handed in, analysed", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("paper");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: "2027-05-24", examName: "CSE Prelims 2027", timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 5, desiredRetention: 0.9 },
  });

  await page.goto("/app/quiz");
  await page.getByRole("link", { name: "Sit a mock paper" }).click();
  await expect(page.getByRole("heading", { name: "Mock paper", level: 1 })).toBeVisible();
  await screenshots(page, "paper-start");
  await page.getByRole("radio", { name: /20 questions/ }).check();
  await page.getByRole("button", { name: "Make the paper" }).click();
  await page.waitForURL(/\/app\/quiz\/paper\/[A-Za-z0-9_-]+$/);
  const id = page.url().split("/").at(-1)!;
  await expect(page.getByText(/20 questions in the formats of the Prelims paper · 24 minutes/)).toBeVisible();
  await page.getByRole("button", { name: "Start the paper" }).click();
  await expect(page.getByRole("timer")).toBeVisible();

  // What the browser can read of the paper: questions and options, no key, verdict or score.
  const sealed = await (await page.request.get(`/api/quiz/${id}`)).json();
  expect(sealed).toMatchObject({ mode: "paper", timeLimitSec: 20 * 72, score: null });
  expect(JSON.stringify(sealed)).not.toMatch(/"(key|explanation|sources|correct)"/);
  const questions = sealed.questions as Question[];
  expect(questions).toHaveLength(20);

  // Questions 1-6 right, 7-8 wrong, each saved from the page; the paper moves on to the next question.
  const answer = async (index: number, optionId: string) => {
    await expect(page.getByText(`Question ${index + 1} of 20`)).toBeVisible();
    await page.locator(`input[type="radio"][value="${optionId}"]`).check();
    await page.getByRole("button", { name: "Save answer" }).click();
    await expect(page.getByRole("button", { name: `Question ${index + 1}: answered` })).toBeVisible();
  };
  for (let index = 0; index < 6; index++) await answer(index, keyOf(questions[index]!));
  for (let index = 6; index < 8; index++) await answer(index, wrongOptionOf(questions[index]!));
  // The answer sheet jumps to any question; question 12 is marked for review.
  await page.getByRole("button", { name: "Question 12: not answered" }).click();
  await expect(page.getByText("Question 12 of 20")).toBeVisible();
  await page.getByRole("button", { name: "Mark for review" }).click();
  await expect(page.getByRole("button", { name: "Question 12: marked for review" })).toBeVisible();
  await expect(page.getByText("8 answered · 1 marked")).toBeVisible();
  // Nothing on the page says whether an answer was right.
  await expect(page.getByText(/Correct: \+2|Wrong: −2\/3|The answer is/)).toHaveCount(0);
  await screenshots(page, "paper-running");

  // A reload midway: the same paper, its answers and mark from the server, the clock still running.
  await expect(page.getByRole("timer")).not.toHaveText("Time left: –:––");
  const before = secondsOf((await page.getByRole("timer").textContent())!);
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByRole("button", { name: "Start the paper" })).toHaveCount(0);
  await expect(page.getByText("8 answered · 1 marked")).toBeVisible();
  await expect(page.getByRole("button", { name: "Question 3: answered" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Question 12: marked for review" })).toBeVisible();
  await expect(page.getByText("Question 9 of 20")).toBeVisible();
  await expect(page.getByRole("timer")).not.toHaveText("Time left: –:––");
  const after = secondsOf((await page.getByRole("timer").textContent())!);
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(20 * 60);
  // A saved answer stands: question 1 shows its option, and cannot be changed.
  await page.getByRole("button", { name: "Question 1: answered" }).click();
  await expect(page.getByText(`Answer saved: (${keyOf(questions[0]!)})`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save answer" })).toHaveCount(0);
  await page.getByRole("button", { name: "Question 9: not answered" }).click();
  await answer(8, wrongOptionOf(questions[8]!));

  await page.getByRole("button", { name: "Hand in the paper" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("11 unanswered questions will count as skipped (0). 1 marked for review.");
  await dialog.getByRole("button", { name: "Hand in" }).click();

  // The analysis: 6 right (+12) and 3 wrong (−2) of 20.
  await expect(page.getByRole("heading", { name: "Mock paper: analysis" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Score: 10 out of 40", exact: true })).toBeVisible();
  await expect(page.getByText(/6 right, 3 wrong, 11 skipped · accuracy 67% of the 9 attempted/)).toBeVisible();
  await expect(page.getByText("Your first mock paper: the next ones are compared with it.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "By format" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "By topic" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Took longest" })).toBeVisible();
  await expect(page.locator(".slowest-list li")).toHaveCount(5);
  // The keys are out now, with every question.
  await expect(page.locator(".result-item")).toHaveCount(20);
  const analysis = await (await page.request.get(`/api/quiz/${id}/analysis`)).json();
  expect(analysis).toMatchObject({ score: { score: 10, correct: 6, wrong: 3 }, time: { answered: 9 } });
  // The analysis itself (the full page adds the 20 answered questions, as the quiz results show them).
  for (const viewport of Object.values(WIDTHS)) {
    await page.setViewportSize(viewport);
    await page.locator(".paper-analysis").screenshot({ path: `docs/screenshots/paper-analysis-${viewport.width}.png` });
  }
  await page.setViewportSize(WIDTHS.desktop);

  // Readiness shows the predicted score on a paper drawn from the bank on exam day.
  await page.goto("/app/progress");
  const readiness = page.locator("section", { has: page.getByRole("heading", { name: "Exam readiness" }) });
  await expect(readiness.getByText(/Predicted score on a paper of \d+ questions from the bank on exam day/)).toBeVisible();
  await expect(readiness.getByText(/8 papers in 10 between/)).toBeVisible();
  for (const viewport of Object.values(WIDTHS)) {
    await page.setViewportSize(viewport);
    await readiness.screenshot({ path: `docs/screenshots/readiness-predicted-score-${viewport.width}.png` });
  }
});
