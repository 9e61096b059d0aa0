import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, STUDY_TIME_ZONE, uniqueEmail, WIDTHS } from "./helpers";
import { wrongOptionOf } from "./quiz-keys";

// playwright.config.ts serves this database; the README's own command makes an editor in it.
const E2E_DATABASE_URL = "file:./data/e2e.db";

function makeEditor(email: string) {
  execFileSync("node_modules/.bin/tsx", ["scripts/user-role.ts", email, "editor"], { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, stdio: "pipe" });
}

async function signedInLearner(page: Page, prefix: string) {
  const email = uniqueEmail(prefix);
  await registerByApi(page, email);
  await signInByForm(page, email);
  return email;
}

async function signedInEditor(page: Page) {
  const email = uniqueEmail("editor");
  await registerByApi(page, email);
  makeEditor(email);
  await signInByForm(page, email);
  return email;
}

async function useSmallDailyQuiz(request: APIRequestContext) {
  const response = await request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 20, dailyQuizSize: 5, desiredRetention: 0.9 },
  });
  expect(response.status()).toBe(200);
}

/**
 * A JSON call from inside the signed-in page, as the app makes them: the browser keeps its connections
 * alive and retries, where a Playwright request context reusing a socket the server closed (Node's 5 s
 * keep-alive) fails with ECONNRESET.
 */
async function fromPage(page: Page, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      return { status: response.status, json: await response.json() };
    },
    { path, body },
  );
}

/** What the viewport shows (a modal dialog is drawn over the viewport, not the full page), at both widths. */
async function viewportAtWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    const file = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: "image/png" });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

type BankItem = { id: string; type: string; topic: string; prompt: string; options: unknown[]; subjects: string[]; factIds: string[] };
const bank = JSON.parse(fs.readFileSync("content/generated/bank.json", "utf8")) as { items: BankItem[] };

test("a learner reports a wrong answer; the editor sees it with its source passage and replies; the learner sees the outcome", async ({ browser }, testInfo) => {
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signedInLearner(learner, "reporter");
  await useSmallDailyQuiz(learner.request);

  // Skip four questions, answer the fifth: a report is offered only once a question is answered.
  await learner.goto("/app/quiz");
  await learner.getByRole("button", { name: "Start the clock" }).click();
  for (let question = 1; question <= 4; question++) {
    await expect(learner.getByText(`Question ${question} of 5`)).toBeVisible();
    await expect(learner.getByRole("button", { name: "Report a problem" })).toHaveCount(0);
    await learner.getByRole("button", { name: "Skip (no marks)" }).click();
    await expect(learner.getByRole("button", { name: "Report a problem" })).toBeVisible();
    await learner.getByRole("button", { name: "Next question" }).click();
  }
  await learner.getByRole("radio").first().check();
  await learner.getByRole("button", { name: "Submit answer" }).click();
  const prompt = (await learner.locator("#question-prompt").textContent())!;

  // The dialog, by keyboard: the reason, a comment, send.
  await learner.getByRole("button", { name: "Report a problem" }).click();
  const dialog = learner.getByRole("dialog", { name: "Report a problem" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Wrong answer" })).toBeVisible();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose what is wrong.");
  await dialog.getByRole("radio", { name: "Wrong answer" }).check();
  const comment = `The key should be (c) per the joint statement ${Date.now()}`;
  await dialog.getByLabel("Comment (optional)").fill(comment);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await viewportAtWidths(learner, testInfo, "report-dialog");
  await learner.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Send report" })).toBeFocused();
  await learner.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(learner.getByText("Thank you: your report was received.")).toBeVisible();
  await expect(learner.getByRole("button", { name: "Change your report" })).toBeFocused();

  // The editor's queue: the item with its key, the learner's comment and the source passage in context.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signedInEditor(editor);
  await editor.goto("/editor");
  await expect(editor.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const reported = editor.locator("article.reported-item").filter({ hasText: comment });
  await expect(reported).toBeVisible();
  await expect(reported.locator(".reported-prompt")).toHaveText(prompt);
  await expect(reported.getByText("Wrong answer", { exact: true })).toBeVisible();
  await expect(reported.locator(".reported-key")).toHaveCount(1);
  await expect(reported.locator("figure.quote-context mark").first()).toBeVisible();
  // The passage's link into its document, as the Library words it everywhere.
  const documentLink = reported.getByRole("link", { name: "read it in the document" }).first();
  await expect(documentLink).toBeVisible();
  await expect(documentLink).toHaveAttribute("href", /^\/app\/library\/documents\/[^/?#]+/);
  await screenshotAtWidths(editor, testInfo, "editor-reports");

  await reported.getByLabel("The answer stands, because…").fill("the joint statement names option (b) in paragraph 12.");
  await reported.getByRole("button", { name: "Dismiss with this reply" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Dismissed: the learners who reported it see your reply" })).toBeFocused();
  await expect(editor.locator("article.reported-item").filter({ hasText: comment })).toHaveCount(0);

  // The learner comes back to the question and reads the outcome.
  await learner.reload();
  await expect(learner.locator("#question-prompt")).toHaveText(prompt);
  await expect(learner.getByText("Reported: the answer stands, because the joint statement names option (b) in paragraph 12.")).toBeVisible();
  await learnerContext.close();
  await editorContext.close();
});

test("three learners' wrong-answer reports withhold the item from the next quiz until an editor marks it fixed", async ({ browser }) => {
  // A topic with a few quiz questions.
  const quizItems = bank.items.filter((item) => item.options.length > 0);
  // The topic with the most quiz questions, so that its quiz holds two questions about unrelated things.
  const countOf = (topic: string) => quizItems.filter((item) => item.topic === topic).length;
  const topic = [...new Set(quizItems.map((item) => item.topic))].sort((a, b) => countOf(b) - countOf(a))[0]!;
  type Question = { id: string; prompt: string; options: { id: string; text: string }[] };
  const topicQuiz = async (page: Page) => {
    const { status, json } = await fromPage(page, "/api/quiz", { mode: "topic", topic, size: 100 });
    expect(status).toBe(201);
    return json as { id: string; questions: Question[] };
  };

  // The fourth learner takes the topic quiz and answers two unrelated questions of it wrong: the first is the
  // one reported. Which questions a topic quiz asks varies (one question per fact, in a shuffled order),
  // and no question is asked twice in a day, so whether the fourth learner is served it is read from
  // their retry of mistakes, which asks their wrong answers again.
  const learners: Page[] = [];
  for (const name of ["first", "second", "third", "fourth"]) {
    const page = await (await browser.newContext()).newPage();
    await signedInLearner(page, name);
    learners.push(page);
  }
  const taken = await topicQuiz(learners[3]!);
  expect(taken.questions.length).toBeGreaterThanOrEqual(2);
  expect((await fromPage(learners[3]!, `/api/quiz/${taken.id}/start`, {})).status).toBe(200);
  // The second wrong answer is about other things than the first: a retry keeps two questions about one
  // thing apart (asking one of them at random), and the reported one must be asked whenever it is served.
  // What a question asks about, as the quiz's sibling rule reads it (its facts and subjects), over every item
  // that prints this prompt (variants of one statement pair can share a prompt).
  const keysOf = (question: Question) =>
    new Set(bank.items.filter((item) => item.prompt === question.prompt).flatMap((item) => [...item.factIds, ...item.subjects.map((subject) => `subject:${subject}`)]));
  const unrelated = (a: Question, b: Question) => ![...keysOf(b)].some((key) => keysOf(a).has(key));
  // The reported question and another about other things, as the quiz dealt them.
  const pair = taken.questions.flatMap((question) => taken.questions.filter((other) => other !== question && unrelated(question, other)).map((other) => [question, other] as const))[0];
  expect(pair).toBeDefined();
  const [reportedQuestion, apart] = pair!;
  const answeredWrong: string[] = [];
  for (const [index, question] of [reportedQuestion, apart].entries()) {
    const { status, json } = await fromPage(learners[3]!, `/api/quiz/${taken.id}/answers`, { questionId: question.id, optionId: wrongOptionOf(question), answerId: `withheld-${index}-${taken.id}` });
    expect(status).toBe(200);
    answeredWrong.push(json.itemId as string);
  }
  expect((await fromPage(learners[3]!, `/api/quiz/${taken.id}/finish`, {})).status).toBe(200);
  const target = bank.items.find((item) => item.id === answeredWrong[0])!;
  expect(target.prompt).toBe(reportedQuestion.prompt);
  const mistakesPrompts = async () => {
    const { status, json } = await fromPage(learners[3]!, "/api/quiz", { mode: "mistakes", size: 100, replaceUnfinished: true });
    expect(status).toBe(201);
    return (json as { questions: Question[] }).questions.map((question) => question.prompt);
  };
  expect(await mistakesPrompts()).toContain(target.prompt);

  for (const [index, page] of learners.slice(0, 3).entries()) {
    const { status } = await fromPage(page, `/api/items/${encodeURIComponent(target.id)}/reports`, { reason: "wrong-answer", comment: `Report ${index + 1}` });
    expect(status).toBe(201);
    // Two reports do not withhold the item; the third does.
    if (index === 1) expect(await mistakesPrompts()).toContain(target.prompt);
  }
  expect(await mistakesPrompts()).not.toContain(target.prompt);
  // Nor is it in anyone's topic quiz: a new learner's has the topic's other questions, never this one.
  const newcomer = await (await browser.newContext()).newPage();
  await signedInLearner(newcomer, "newcomer");
  const after = (await topicQuiz(newcomer)).questions.map((question) => question.prompt);
  expect(after).not.toContain(target.prompt);
  expect(after.length).toBeGreaterThan(0);

  // The editor sees it withheld, and marking it fixed serves it again.
  const editor = await (await browser.newContext()).newPage();
  await signedInEditor(editor);
  await editor.goto("/editor");
  const reported = editor.locator("article.reported-item").filter({ hasText: "Report 3" });
  await expect(reported.getByText("Withheld from learners")).toBeVisible();
  await reported.getByLabel("What was fixed (optional, shown to the learners)").fill("The key now follows the 2024 statement.");
  await reported.getByRole("button", { name: "Mark fixed" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "Marked fixed" })).toBeVisible();
  expect(await mistakesPrompts()).toContain(target.prompt);
  const mine = await learners[0]!.evaluate(async () => (await fetch("/api/reports")).json());
  expect(mine.reports).toMatchObject([{ itemId: target.id, status: "fixed", reply: "The key now follows the 2024 statement." }]);
});

test("every editor route answers 401 to a visitor, 403 to a learner, 404 for an unknown item to an editor", async ({ browser, playwright, baseURL }, testInfo) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const learner = await (await browser.newContext()).newPage();
  await signedInLearner(learner, "not-editor");
  const editor = await (await browser.newContext()).newPage();
  await signedInEditor(editor);

  const known = encodeURIComponent(bank.items[0]!.id);
  const routes = [
    { name: "GET /editor", call: (request: APIRequestContext) => request.get("/editor"), editor: 200 },
    { name: "GET /api/editor/reports", call: (request: APIRequestContext) => request.get("/api/editor/reports"), editor: 200 },
    {
      name: "POST /api/editor/items/{unknown}/decision",
      call: (request: APIRequestContext) => request.post("/api/editor/items/mcq:no-such-item/decision", { data: { action: "withhold" } }),
      editor: 404,
    },
    {
      name: "POST /api/editor/items/{known}/decision",
      call: (request: APIRequestContext) => request.post(`/api/editor/items/${known}/decision`, { data: { action: "dismiss", reply: "It stands." } }),
      // Nothing open to decide on that item.
      editor: 409,
    },
    {
      name: "POST /api/editor/items/{known}/decision, bad body",
      call: (request: APIRequestContext) => request.post(`/api/editor/items/${known}/decision`, { data: { action: "delete" } }),
      editor: 400,
    },
    { name: "GET /editor/approvals", call: (request: APIRequestContext) => request.get("/editor/approvals"), editor: 200 },
    { name: "GET /editor/documents", call: (request: APIRequestContext) => request.get("/editor/documents"), editor: 200 },
    { name: "GET /editor/documents/{doc}", call: (request: APIRequestContext) => request.get("/editor/documents/pw-2024-2plus2-notes"), editor: 200 },
    { name: "GET /editor/documents/{unknown}", call: (request: APIRequestContext) => request.get("/editor/documents/no-such-document"), editor: 404 },
    {
      name: "POST /api/editor/approvals {unknown}",
      call: (request: APIRequestContext) => request.post("/api/editor/approvals", { data: { itemIds: ["mcq:no-such-item~00000000"] } }),
      editor: 404,
    },
    {
      name: "POST /api/editor/drafts/preview, bad body",
      call: (request: APIRequestContext) => request.post("/api/editor/drafts/preview", { data: { file: "../x", fact: {} } }),
      editor: 400,
    },
    {
      name: "POST /api/editor/facts {unknown file}",
      call: (request: APIRequestContext) => request.post("/api/editor/facts", { data: { file: "no-such-file.yaml", fact: {} } }),
      editor: 404,
    },
    {
      name: "POST /api/editor/documents, bad body",
      call: (request: APIRequestContext) => request.post("/api/editor/documents", { data: { meta: {}, text: "" } }),
      editor: 400,
    },
    {
      name: "POST /api/editor/documents/{unknown}/chrome",
      call: (request: APIRequestContext) => request.post("/api/editor/documents/no-such-document/chrome", { data: { locator: "line 1" } }),
      editor: 404,
    },
  ];
  const statuses = [];
  for (const route of routes) {
    statuses.push({
      route: route.name,
      visitor: (await route.call(visitor)).status(),
      learner: (await route.call(learner.request)).status(),
      editor: (await route.call(editor.request)).status(),
    });
  }
  expect(statuses).toEqual(routes.map((route) => ({ route: route.name, visitor: 401, learner: 403, editor: route.editor })));

  // Editors find their page from the app; learners are not shown the way.
  await editor.goto("/app/today");
  await editor.getByRole("link", { name: "Editor: reports" }).click();
  await expect(editor).toHaveURL(/\/editor$/);
  await editor.goto("/app/today");
  await editor.screenshot({ path: testInfo.outputPath("editor-today.png") });
  await learner.goto("/app/today");
  await expect(learner.getByRole("link", { name: "Editor: reports" })).toHaveCount(0);

  // The pages say why, and offer the way on.
  await learner.goto("/editor");
  await expect(learner.getByRole("heading", { name: "Editors only" })).toBeVisible();
  const visitorPage = await (await browser.newContext()).newPage();
  await visitorPage.goto("/editor");
  await expect(visitorPage.getByRole("heading", { name: "Sign in first" })).toBeVisible();

  // The learners' report route: 401 visitor, 404 unknown item, 400 bad input.
  expect((await visitor.post(`/api/items/${known}/reports`, { data: { reason: "typo" } })).status()).toBe(401);
  expect((await learner.request.post("/api/items/mcq:no-such-item/reports", { data: { reason: "typo" } })).status()).toBe(404);
  const bad = await learner.request.post(`/api/items/${known}/reports`, { data: { reason: "typo", comment: "x".repeat(1001) } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues[0].path).toEqual(["comment"]);
  await visitor.dispose();
});

test("a flashcard and a Library fact offer a report; the dialog keeps the session's keys and gives focus back", async ({ page }) => {
  await signedInLearner(page, "cards");
  await page.goto("/app/flashcards");
  await expect(page.getByText(/^0 of \d+ reviewed$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Report a problem" })).toHaveCount(0);
  await page.getByRole("button", { name: /Show answer/ }).click();
  const report = page.getByRole("button", { name: "Report a problem" });
  await report.click();
  const dialog = page.getByRole("dialog", { name: "Report a problem" });
  await expect(dialog.getByRole("radio", { name: "Wrong answer" })).toBeFocused();
  // 1-4 rate a revealed card, Z undoes: not while the dialog is open.
  await page.keyboard.press("Tab");
  await page.keyboard.press("3");
  await page.keyboard.press("z");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(report).toBeFocused();
  await expect(page.getByText(/^0 of \d+ reviewed$/)).toBeVisible();

  await report.click();
  await dialog.getByRole("radio", { name: "Typo or grammar" }).check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you: your report was received.")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: /Show answer/ }).click();
  await expect(page.getByText("Reported: an editor will look at it.")).toBeVisible();

  await page.goto("/app/library");
  // The first fact with a flashcard of its own (a fact asked only in sets, or shown and never asked, has none).
  const fact = page.locator(".fact-list > li").filter({ has: page.getByRole("button", { name: /^Report a problem for: ./ }) }).first();
  await fact.getByRole("button", { name: /^Report a problem for: ./ }).click();
  await expect(page.getByRole("dialog", { name: "Report a problem" })).toBeVisible();
  await page.keyboard.press("Escape");
});
