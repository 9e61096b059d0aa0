import { expect, test } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";
import { keyOf, wrongOptionOf } from "./quiz-keys";

type Question = { id: string; topic: string; prompt: string; options: { id: string; text: string }[] };

test("results: score in view after Finish, numbered questions marked right and wrong in words, filters, score by topic", async ({ page }, testInfo) => {
  const email = uniqueEmail("results");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 6, desiredRetention: 0.9 },
  });
  const quiz = (await (await page.request.get("/api/quiz/daily")).json()) as { id: string; questions: Question[] };
  expect(quiz.questions).toHaveLength(6);
  // Five answers by the API: right, wrong, skipped, right, wrong. The sixth is answered wrong on the page.
  const plan: ("right" | "wrong" | "skip")[] = ["right", "wrong", "skip", "right", "wrong", "wrong"];
  // Quizzes are answered only after Start.
  expect((await page.request.post(`/api/quiz/${quiz.id}/start`)).ok()).toBe(true);
  for (const [index, question] of quiz.questions.slice(0, 5).entries()) {
    const optionId = plan[index] === "right" ? keyOf(question) : plan[index] === "wrong" ? wrongOptionOf(question) : null;
    const answer = await page.request.post(`/api/quiz/${quiz.id}/answers`, { data: { questionId: question.id, optionId, answerId: `results-${index}-${quiz.id}` } });
    expect(answer.ok()).toBe(true);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/app/quiz");
  await expect(page.getByText("Question 6 of 6")).toBeVisible();
  const last = quiz.questions[5]!;
  const wrongId = wrongOptionOf(last);
  await page.locator(`input[type=radio][value="${wrongId}"]`).check();
  await page.getByRole("button", { name: "Submit answer" }).click();
  // The wrong choice says so in words anyone can see, and the key says it is the answer.
  const options = page.locator(".question-card .option");
  const chosen = options.filter({ has: page.locator(`input[value="${wrongId}"]`) });
  const key = options.filter({ has: page.locator(`input[value="${keyOf(last)}"]`) });
  await expect(chosen.getByText("Your answer: wrong")).toBeVisible();
  await expect(key.getByText("Correct answer")).toBeVisible();
  // And in colour: the wrong choice in the danger colours (not the shading of a merely selected option), the key in the success ones.
  const colours = (locator: typeof chosen) => locator.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).borderTopColor]);
  const themed = (background: string, border: string) =>
    page.evaluate(
      ([background, border]) => {
        const probe = document.body.appendChild(document.createElement("div"));
        probe.style.background = `var(${background})`;
        probe.style.border = `1px solid var(${border})`;
        const resolved = [getComputedStyle(probe).backgroundColor, getComputedStyle(probe).borderTopColor];
        probe.remove();
        return resolved;
      },
      [background, border],
    );
  expect(await colours(chosen)).toEqual(await themed("--danger-soft", "--danger"));
  expect(await colours(key)).toEqual(await themed("--success-soft", "--success"));

  // Finishing from the bottom of a long page brings the score into view, and focus to it.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole("button", { name: "Finish and see results" }).click();
  const score = page.getByRole("heading", { name: /Your score: -?[\d.]+ out of 12/ });
  await expect(score).toBeFocused();
  await expect(score).toBeInViewport({ ratio: 1 });

  // Every question is numbered, and marked right, wrong or skipped in words.
  const items = page.locator(".results-list > li");
  await expect(items).toHaveCount(6);
  for (let n = 1; n <= 6; n++) await expect(items.nth(n - 1).getByRole("heading", { name: `Question ${n}`, exact: false })).toBeVisible();
  const expectedOutcome = { right: "Right", wrong: "Wrong", skip: "Skipped" } as const;
  for (const [index, outcome] of plan.entries()) await expect(items.nth(index).locator(".result-outcome")).toContainText(expectedOutcome[outcome]);
  // The marks beside the options: a prompt may itself ask to "select the correct answer".
  const marks = items.nth(1).locator(".option-mark");
  await expect(marks.filter({ hasText: "Your answer: wrong" })).toBeVisible();
  await expect(marks.filter({ hasText: "Correct answer" })).toBeVisible();

  // Filters: wrong only, skipped only, both, all.
  const filter = page.getByRole("radiogroup", { name: "Show" });
  await filter.getByRole("radio", { name: /^Wrong \(3\)/ }).check();
  await expect(items).toHaveCount(3);
  for (const n of [2, 5, 6]) await expect(page.getByRole("heading", { name: `Question ${n}`, exact: false })).toBeVisible();
  await filter.getByRole("radio", { name: /^Skipped \(1\)/ }).check();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Question 3", exact: false })).toBeVisible();
  await filter.getByRole("radio", { name: /^Wrong or skipped \(4\)/ }).check();
  await expect(items).toHaveCount(4);
  await filter.getByRole("radio", { name: /^All \(6\)/ }).check();
  await expect(items).toHaveCount(6);

  // The score by topic: one row per topic, its score under UPSC marking, questions, right / wrong / skipped and accuracy.
  const byTopic = page.getByRole("table", { name: "Score by topic" });
  const topics = new Map<string, { right: number; wrong: number; skipped: number }>();
  for (const [index, question] of quiz.questions.entries()) {
    const tally = topics.get(question.topic) ?? { right: 0, wrong: 0, skipped: 0 };
    if (plan[index] === "right") tally.right++;
    else if (plan[index] === "wrong") tally.wrong++;
    else tally.skipped++;
    topics.set(question.topic, tally);
  }
  await expect(byTopic.locator("tbody tr")).toHaveCount(topics.size);
  for (const [topic, tally] of topics) {
    const row = byTopic.locator("tbody tr").filter({ has: page.locator(`th[title="${topic.replace(/"/g, '\\"')}"]`) });
    const questions = tally.right + tally.wrong + tally.skipped;
    await expect(row.locator("td").nth(0)).toHaveText(new RegExp(`/ ${2 * questions}$`));
    await expect(row.locator("td").nth(1)).toHaveText(String(questions));
    await expect(row.locator("td").nth(2)).toHaveText(`${tally.right} / ${tally.wrong} / ${tally.skipped}`);
    const attempted = tally.right + tally.wrong;
    await expect(row.locator("td").nth(3)).toHaveText(attempted === 0 ? "–" : `${Math.round((tally.right / attempted) * 100)}%`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotAtWidths(page, testInfo, "quiz-results-marked");
});
