import { expect, test } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";

test("practice resumes after a reload, starting another asks first, untimed practice has no clock, and no question repeats the day's quiz", async ({ page }, testInfo) => {
  const email = uniqueEmail("practice");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 5, desiredRetention: 0.9 },
  });

  await page.goto("/app/quiz");
  await expect(page.getByRole("heading", { name: "Today's quiz" })).toBeVisible();
  // Topic practice, untimed (the default for a topic).
  await expect(page.getByRole("checkbox", { name: "Timed" }).first()).not.toBeChecked();
  await page.getByRole("button", { name: "Start topic quiz" }).click();
  await expect(page.getByRole("heading", { name: /^Topic practice: / })).toBeVisible();
  await expect(page.getByText(/untimed: take as long as you need/)).toBeVisible();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByText("Untimed")).toBeVisible();
  await expect(page.getByText(/Time left/)).toHaveCount(0);
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Correct: \+2|Wrong: −2\/3/ })).toBeVisible();

  // A reload resumes the practice quiz, not the daily one, at the next question.
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Topic practice: / })).toBeVisible();
  await expect(page.getByText(/Question 2 of \d+/)).toBeVisible();
  await expect(page.getByText("Today's quiz is waiting too.")).toBeVisible();

  // Starting another asks first; keeping the current one changes nothing.
  await page.getByRole("button", { name: "Start test" }).click();
  const dialog = page.getByRole("alertdialog", { name: "End your unfinished practice quiz?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toBeFocused();
  await screenshotAtWidths(page, testInfo, "practice-confirm");
  await dialog.getByRole("button", { name: "Keep my unfinished quiz" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^Topic practice: / })).toBeVisible();

  await page.getByLabel("Practice test: number of questions").fill("5");
  await page.getByRole("button", { name: "Start test" }).click();
  await dialog.getByRole("button", { name: "End it and start the new quiz" }).click();
  await expect(page.getByRole("heading", { name: "Practice test" })).toBeVisible();
  await expect(page.getByText("timed: 6 minutes")).toBeVisible();
  await screenshotAtWidths(page, testInfo, "practice-start");

  // No question of the practice test was already asked today in the daily quiz or the topic quiz.
  const history = await (await page.request.get("/api/progress")).json();
  const quizzes: { id: string; mode: string }[] = history.quizzes;
  const test = quizzes.find((quiz) => quiz.mode === "custom")!;
  const prompts = async (id: string) => ((await (await page.request.get(`/api/quiz/${id}`)).json()).questions as { prompt: string }[]).map((question) => question.prompt);
  const testPrompts = await prompts(test.id);
  for (const other of quizzes.filter((quiz) => quiz.id !== test.id)) {
    for (const prompt of await prompts(other.id)) expect(testPrompts).not.toContain(prompt);
  }
  // The topic quiz was ended when the test started: finished, with its one answer.
  const ended = quizzes.find((quiz) => quiz.mode === "topic") as unknown as { finishedAt: string | null; correct: number; wrong: number };
  expect(ended.finishedAt).not.toBeNull();
  expect(ended.correct + ended.wrong).toBe(1);
});
