import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail, WIDTHS } from "./helpers";

/** The screen around `part` (not the whole long page) at both widths, for a page whose full length says little. */
async function screenAroundAtWidths(page: Page, testInfo: TestInfo, name: string, part: Locator) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    // Centred: the phone's sticky header would cover a part scrolled to the top.
    await part.evaluate((element) => element.scrollIntoView({ block: "center" }));
    const file = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: "image/png" });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** The verdict group of the first numbered statement (pair, entry) of the open question, if it is a statement item. */
function statementGroups(page: Page) {
  return page.getByRole("group", { name: /^(statement|pair|entry) \d+:/ });
}

test("a daily quiz answered with confidences and statement verdicts, then the what-if, the strategy advice and the misjudged facts", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("strategy");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 10, desiredRetention: 0.9 },
  });

  await page.goto("/app/quiz");
  await page.getByRole("button", { name: "Start the clock" }).click();
  await expect(page.getByText("Question 1 of 10")).toBeVisible();

  const sure = page.getByRole("button", { name: /^Sure/ });
  const fiftyFifty = page.getByRole("button", { name: /^50-50/ });
  const guess = page.getByRole("button", { name: /^Guess/ });
  let statementItems = 0;
  let screenshotTaken = false;
  for (let number = 1; number <= 10; number++) {
    await expect(page.getByText(`Question ${number} of 10`)).toBeVisible();
    // Statement items: judge every statement "true" (most such items have a false one, so some verdicts are wrong).
    const groups = statementGroups(page);
    const count = await groups.count();
    if (count > 0) {
      statementItems++;
      for (let index = 0; index < count; index++) await groups.nth(index).getByRole("button").first().click();
      await expect(groups.first().getByRole("button").first()).toHaveAttribute("aria-pressed", "true");
    }
    if (number === 1) {
      // A key picks the confidence: G for a guess.
      await page.keyboard.press("g");
      await expect(guess).toHaveAttribute("aria-pressed", "true");
    } else if (number === 2) {
      // The last choice stays selected for the next question of the quiz.
      await expect(guess).toHaveAttribute("aria-pressed", "true");
      await sure.click();
    } else if (number === 3) {
      await expect(sure).toHaveAttribute("aria-pressed", "true");
      await fiftyFifty.click();
    } else if (number === 4) {
      await expect(fiftyFifty).toHaveAttribute("aria-pressed", "true");
      await sure.click();
    }
    if (count > 0 && !screenshotTaken) {
      await page.getByRole("radio").first().check();
      await screenAroundAtWidths(page, testInfo, "quiz-statement-marks", page.getByRole("group", { name: /^Mark each/ }));
      screenshotTaken = true;
    }
    if (number === 3) {
      // A 50-50 skipped: the what-if counts it.
      await page.getByRole("button", { name: "Skip (no marks)" }).click();
    } else {
      await page.getByRole("radio").first().check();
      await page.getByRole("button", { name: "Submit answer" }).click();
    }
    await expect(page.getByRole("status").filter({ hasText: /Correct|Wrong|Skipped/ })).toBeVisible();
    await expect(page.getByText(/^You said: (Sure|50-50|Guess)\.$/)).toBeVisible();
    if (count > 0) await expect(page.getByRole("list", { name: /Your verdict on each/ }).getByRole("listitem")).toHaveCount(count);
    if (number < 10) await page.getByRole("button", { name: "Next question" }).click();
  }
  expect(statementItems, "the daily quiz holds statement items").toBeGreaterThan(0);

  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: /Your score/ })).toBeVisible();
  const whatIf = page.getByRole("region", { name: "What if" });
  await expect(whatIf.getByText(/^As marked: -?[\d.]+$/)).toBeVisible();
  await expect(whatIf.getByText(/Had you skipped your 1 answered guess: -?[\d.]+/)).toBeVisible();
  await expect(whatIf.getByText(/Had you attempted your 1 skipped 50-50: -?[\d.]+ expected \(\+0\.67/)).toBeVisible();
  // The verdicts are shown with each question's result, right or wrong.
  const wrongVerdicts = await page.locator(".results-list .verdict-wrong").count();
  expect(wrongVerdicts, "some 'true' verdict was on a false statement").toBeGreaterThan(0);
  await screenAroundAtWidths(page, testInfo, "quiz-what-if", whatIf);

  // Progress links to the strategy: the advice, the break-even, the tables and the misjudged facts.
  await page.goto("/app/progress");
  const onProgress = page.getByRole("region", { name: "Exam strategy" });
  await expect(onProgress.getByText(/^Sure: too little data to tell/)).toBeVisible();
  await expect(onProgress.getByRole("link", { name: "Practise these facts" })).toBeVisible();
  await screenAroundAtWidths(page, testInfo, "progress-strategy", onProgress);
  await onProgress.getByRole("link", { name: "See your strategy" }).click();
  await expect(page.getByRole("heading", { name: "Exam strategy", level: 1 })).toBeVisible();
  await expect(page.getByText("25%", { exact: true })).toBeVisible();
  const advice = page.getByRole("region", { name: "Advice from your answers" });
  await expect(advice.getByRole("listitem")).toHaveCount(3);
  await expect(advice.getByText(/^Sure: too little data to tell \(8 answered, at least 10 needed\)\.$/)).toBeVisible();
  await expect(advice.getByText(/^Guess: too little data to tell \(1 answered/)).toBeVisible();
  const allTime = page.getByRole("table", { name: "All time" });
  await expect(allTime.getByRole("row", { name: /^50-50/ })).toContainText("Too little data");
  await expect(allTime.getByRole("row", { name: /^50-50/ }).getByRole("cell").nth(3)).toHaveText("1");
  const misjudged = page.getByRole("region", { name: "Statements you misjudge most" });
  // Each wrong verdict on a statement with a fact (not an entry there only to be false) lists that fact.
  expect(await misjudged.getByRole("row").count()).toBeGreaterThanOrEqual(2);
  await screenshotAtWidths(page, testInfo, "strategy");

  // One click practises them.
  await misjudged.getByRole("link", { name: "Practise these facts" }).click();
  await expect(page.getByRole("heading", { name: "Practise my misjudged statements" })).toBeVisible();
  await expect(page).toHaveURL(/\/app\/quiz$/);
});
