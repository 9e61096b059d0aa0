import { expect, test } from "@playwright/test";
import { dayInStudyZone, registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";
import { keyOf, wrongOptionOf } from "./quiz-keys";

test("Today is the day's plan: flashcards, then the quiz with its size and minutes, then weak topics, and the exam plan", async ({ page }, testInfo) => {
  const email = uniqueEmail("today");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 10, dailyQuizSize: 10, desiredRetention: 0.9 },
  });

  await page.goto("/app/today");
  const plan = page.getByRole("list", { name: "Today's plan" });
  const steps = plan.getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0).getByRole("heading")).toHaveText(/Flashcards/);
  await expect(steps.nth(0)).toContainText("10 new");
  await expect(steps.nth(1).getByRole("heading")).toHaveText(/Daily quiz/);
  // Its size and time, before it is started: 10 questions at 72 seconds each.
  await expect(steps.nth(1)).toContainText("10 questions · 12 minutes");
  await expect(steps.nth(1)).toContainText("Not started");
  await expect(steps.nth(2).getByRole("heading")).toHaveText(/Weak topics/);
  await expect(steps.nth(2)).toContainText(/after your first quiz answers/);

  // Answer the quiz: two wrong answers in one topic make it a weak topic, linked to its practice.
  const quiz = await (await page.request.get("/api/quiz/daily")).json();
  const [first, second] = quiz.questions as { id: string; topic: string; prompt: string; options: { id: string; text: string }[] }[];
  // Quizzes are answered only after Start.
  expect((await page.request.post(`/api/quiz/${quiz.id}/start`)).ok()).toBe(true);
  for (const [index, [question, optionId]] of ([[first!, wrongOptionOf(first!)], [second!, keyOf(second!)]] as const).entries()) {
    const answer = await page.request.post(`/api/quiz/${quiz.id}/answers`, { data: { questionId: question.id, optionId, answerId: `today-${index + 1}-${quiz.id}` } });
    expect(answer.ok()).toBe(true);
  }
  await page.reload();
  await expect(steps.nth(1)).toContainText("In progress: 2 of 10 answered");
  await expect(steps.nth(1).getByRole("link", { name: "Resume the quiz" })).toBeVisible();
  const topicLink = steps.nth(2).getByRole("link", { name: new RegExp(`Practise ${first!.topic.split(" > ").at(-1)!.replace(/[()+?.*[\]]/g, "\\$&")}`) });
  await expect(topicLink).toBeVisible();
  await expect(topicLink).toHaveAttribute("href", `/app/quiz?mode=topic&topic=${encodeURIComponent(first!.topic)}`);

  // With an exam date, the plan for the day from readiness.
  await page.request.put("/api/settings", {
    data: { examDate: dayInStudyZone(60), examName: "CSE Prelims", timeZone: STUDY_TIME_ZONE, newCardsPerDay: 40, dailyQuizSize: 10, desiredRetention: 0.9 },
  });
  await page.reload();
  const examPlan = page.getByRole("region", { name: /Plan for CSE Prelims/ });
  await expect(examPlan).toContainText("60 days left");
  await expect(examPlan).toContainText(/about \d+ reviews? and \d+ new cards? a day/);
  // The plan's new cards a day, below the limit of 40 in Settings, are explained rather than left to contradict it.
  await expect(examPlan).toContainText(/fewer new cards than your limit of 40 a day: \d+ new cards? a day is enough to meet all \d+ cards not studied yet/);
  await screenshotAtWidths(page, testInfo, "today-plan");

  await page.request.post(`/api/quiz/${quiz.id}/finish`);
  await page.reload();
  await expect(steps.nth(1)).toContainText(/Finished: -?[\d.]+ \/ 20/);
});
