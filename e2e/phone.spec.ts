import { expect, test, type Page } from "@playwright/test";
import { registerByApi, signInByForm, STUDY_TIME_ZONE, uniqueEmail } from "./helpers";

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 640 };

async function newLearner(page: Page, newCardsPerDay: number) {
  const email = uniqueEmail("phone");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const response = await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay, dailyQuizSize: 5, desiredRetention: 0.9 },
  });
  expect(response.ok()).toBe(true);
}

/** The page is no wider than the viewport: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, viewport } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scrollWidth, `${label} is ${scrollWidth} px wide in a ${viewport} px viewport`).toBeLessThanOrEqual(viewport);
}

test("phone: after Show answer the four rating buttons are in view, card after card", async ({ page }) => {
  await newLearner(page, 4);
  for (const viewport of [PHONE, SMALL_PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto("/app/flashcards");
    await expect(page.locator("#card-front")).toBeVisible();
    const ratings = page.getByRole("group", { name: "How well did you recall it?" });
    for (let card = 0; card < 2; card++) {
      await page.keyboard.press("Space");
      for (const name of ["Again", "Hard", "Good", "Easy"]) {
        await expect(ratings.getByRole("button", { name: new RegExp(name) }), `${name} at ${viewport.width} px`).toBeInViewport({ ratio: 1 });
      }
      // Opening the sources makes the answer longer: the buttons stay in view.
      await page.locator(".card-back summary").first().click();
      await expect(ratings.getByRole("button", { name: /Easy/ })).toBeInViewport({ ratio: 1 });
      await ratings.getByRole("button", { name: /Good/ }).click();
      await expect(page.getByText(new RegExp(`^${card + 1} of \\d+ reviewed$`))).toBeVisible();
    }
  }
});

test("phone: tapping the card shows its answer", async ({ page }) => {
  await newLearner(page, 2);
  await page.setViewportSize(PHONE);
  await page.goto("/app/flashcards");
  await page.locator("#card-front").click();
  await expect(page.getByRole("group", { name: "How well did you recall it?" })).toBeVisible();
  await expect(page.locator(".card-answer")).toBeVisible();
});

test("phone: a compact navigation bar, and no page wider than a 360 px screen", async ({ page }) => {
  await newLearner(page, 5);
  // Some history for Progress (tables, heatmap, readiness) and a quiz in progress.
  // One of the day's cards is left unreviewed for the flashcard page below: the reviewed ones are in
  // their learning steps, not due again for minutes, and the page would show only the countdown.
  const { cards } = await (await page.request.get("/api/reviews/queue?limit=10")).json();
  expect(cards).toHaveLength(5);
  for (const [index, card] of cards.slice(0, -1).entries()) {
    await page.request.post("/api/reviews", { data: { reviewId: `phone-${index}-${card.id}`, cardId: card.id, rating: index % 2 ? "good" : "again", durationMs: 4000 } });
  }
  const examDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await page.request.put("/api/settings", {
    data: { examDate, examName: "CSE Prelims", timeZone: STUDY_TIME_ZONE, newCardsPerDay: 5, dailyQuizSize: 5, desiredRetention: 0.9 },
  });
  const quiz = await (await page.request.get("/api/quiz/daily")).json();
  // Quizzes are answered only after Start.
  expect((await page.request.post(`/api/quiz/${quiz.id}/start`)).ok()).toBe(true);
  const answered = await page.request.post(`/api/quiz/${quiz.id}/answers`, { data: { questionId: quiz.questions[0].id, optionId: "a", answerId: `phone-answer-${quiz.id}` } });
  expect(answered.ok()).toBe(true);

  for (const viewport of [PHONE, SMALL_PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto("/app/today");
    const nav = page.getByRole("navigation", { name: "Main" });
    const box = (await nav.boundingBox())!;
    expect(box.height, `navigation height at ${viewport.width} px`).toBeLessThanOrEqual(64);
    // Every section and signing out are still there, and each link can be reached by keyboard.
    for (const name of ["Today", "Quiz", "Flashcards", "Progress", "Library", "Settings"]) await expect(nav.getByRole("link", { name })).toBeAttached();
    await expect(nav.getByRole("button", { name: "Sign out" })).toBeAttached();
    await nav.getByRole("link", { name: "Settings" }).focus();
    await expect(nav.getByRole("link", { name: "Settings" })).toBeInViewport({ ratio: 1 });
    // Focused by keyboard, the last item of the row scrolls clear of the fade at its right edge (1.5rem).
    const signOut = nav.getByRole("button", { name: "Sign out" });
    await signOut.focus();
    await page.waitForTimeout(100);
    const [button, bar] = [(await signOut.boundingBox())!, (await nav.boundingBox())!];
    expect(button.x + button.width, `Sign out clear of the fade at ${viewport.width} px`).toBeLessThanOrEqual(bar.x + bar.width - 24);
  }

  // The current section is shown in the row, wherever it is in the list.
  await page.setViewportSize(SMALL_PHONE);
  for (const [path, name] of [["/app/settings", "Settings"], ["/app/library", "Library"], ["/app/today", "Today"]]) {
    await page.goto(path!);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name })).toBeInViewport({ ratio: 1 });
  }

  await page.goto("/app/progress");
  await expectNoSidewaysScroll(page, "/app/progress");
  // Today's square of the heatmap is on screen, not scrolled out of sight.
  // (The page scrolls down to the heatmap; the heatmap's own sideways scroll is left as the page opens it.)
  // The page is scrolled to the heatmap again until it stays there: a later part of the page can still be
  // streaming in and move it down (the heatmap's own sideways scroll is never touched).
  const todaySquare = page.locator(".heatmap-today");
  await expect(async () => {
    await page.locator(".heatmap-figure").evaluate((figure) => figure.scrollIntoView({ block: "center" }));
    await expect(todaySquare).toBeInViewport({ ratio: 1, timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  const pages = ["/app/today", "/app/quiz", "/app/flashcards", "/app/library", "/app/library/documents/pw-2024-2plus2-notes", "/app/settings"];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScroll(page, path);
  }
  // Settings: every field inside its card (a fieldset would otherwise widen past it).
  await page.goto("/app/settings");
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, button")]
      .filter((control) => {
        const card = control.closest(".card");
        return card && control.getBoundingClientRect().right > card.getBoundingClientRect().right;
      })
      .map((control) => control.id || control.textContent),
  );
  expect(outside, "form controls sticking out of their card at 360 px").toEqual([]);
  await page.goto("/app/flashcards");
  await expect(page.locator("#card-front")).toBeVisible();
  await page.keyboard.press("Space");
  await page.locator(".card-back summary").first().click();
  await expectNoSidewaysScroll(page, "/app/flashcards, answer shown");
  await page.request.post(`/api/quiz/${quiz.id}/finish`);
  await page.goto("/app/quiz");
  await expect(page.getByRole("heading", { name: /Your score/ })).toBeVisible();
  await expectNoSidewaysScroll(page, "/app/quiz, results");

  await page.context().clearCookies();
  for (const path of ["/", "/signin", "/signup"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page, path);
  }
});
