import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./helpers";

/** Every JSON route of the signed-in area, with a well-formed request for it. */
const ROUTES: { method: "GET" | "POST" | "PUT" | "DELETE"; path: string; data?: unknown }[] = [
  { method: "GET", path: "/api/today" },
  { method: "GET", path: "/api/reviews/queue?limit=5" },
  { method: "POST", path: "/api/reviews", data: { reviewId: "review-access-1", cardId: "c1", rating: "good", durationMs: 100 } },
  { method: "POST", path: "/api/reviews/undo", data: { reviewId: "review-access-1" } },
  { method: "GET", path: "/api/quiz/daily" },
  { method: "POST", path: "/api/quiz", data: { mode: "custom", size: 5 } },
  { method: "GET", path: "/api/quiz/q1" },
  { method: "POST", path: "/api/quiz/q1/answers", data: { questionId: "x", optionId: "a", answerId: "answer-access-1" } },
  { method: "POST", path: "/api/quiz/q1/finish" },
  { method: "GET", path: "/api/quiz/q1/results" },
  { method: "GET", path: "/api/quiz/q1/analysis" },
  { method: "POST", path: "/api/quiz/q1/review-marks", data: { questionId: "x", marked: true } },
  { method: "GET", path: "/api/settings" },
  { method: "PUT", path: "/api/settings", data: { examDate: null, examName: null, timeZone: "UTC", newCardsPerDay: 5, dailyQuizSize: 5, desiredRetention: 0.9 } },
  { method: "GET", path: "/api/progress" },
  { method: "GET", path: "/api/export/data.json" },
  { method: "GET", path: "/api/export/reviews.csv" },
  { method: "GET", path: "/api/export/anki.txt" },
  { method: "POST", path: "/api/account/password", data: { currentPassword: PASSWORD, newPassword: "another password" } },
  { method: "DELETE", path: "/api/account/sessions" },
  { method: "DELETE", path: "/api/account", data: { confirmation: PASSWORD } },
];

async function signedIn(request: APIRequestContext) {
  const email = uniqueEmail("access");
  await request.post("/api/register", { data: { email, password: PASSWORD } });
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
}

test("every API route answers 401 to a visitor, with no data", async ({ playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  for (const route of ROUTES) {
    const response = await visitor.fetch(route.path, { method: route.method, data: route.data });
    expect(response.status(), `${route.method} ${route.path}`).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthenticated", message: "Sign in first." });
  }
});

test("a session cookie that is not one of this server's tokens is a visitor's: 401", async ({ playwright, baseURL }) => {
  const holder = await playwright.request.newContext({ baseURL });
  await signedIn(holder);
  const { cookies } = await holder.storageState();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  expect(session, "signed in").toBeDefined();
  expect((await holder.get("/api/settings")).status()).toBe(200);
  // The real token with one character of its authentication tag changed, and something that is no token at all.
  const tampered = session.value.slice(0, -2) + (session.value.at(-2) === "A" ? "B" : "A") + session.value.slice(-1);
  for (const value of [tampered, "not-a-token"]) {
    const forger = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${session.name}=${value}` } });
    const response = await forger.get("/api/settings");
    expect(response.status(), value.slice(0, 12)).toBe(401);
  }
});

test("another user's card and quiz are 404 and leak nothing; the quiz key is hidden until answered", async ({ playwright, baseURL }) => {
  const owner = await playwright.request.newContext({ baseURL });
  const stranger = await playwright.request.newContext({ baseURL });
  await signedIn(owner);
  await signedIn(stranger);

  const quiz = await (await owner.get("/api/quiz/daily")).json();
  expect(JSON.stringify(quiz)).not.toMatch(/"(key|explanation|sources)"/);
  const { cards } = await (await owner.get("/api/reviews/queue?limit=1")).json();
  // Ids are random, not a sequence one could walk.
  expect(quiz.id).toMatch(/^c[a-z0-9]{20,}$/);

  for (const [method, path, data] of [
    ["GET", `/api/quiz/${quiz.id}`],
    ["POST", `/api/quiz/${quiz.id}/answers`, { questionId: quiz.questions[0].id, optionId: "a", answerId: "stranger-answer-1" }],
    ["POST", `/api/quiz/${quiz.id}/finish`],
    ["GET", `/api/quiz/${quiz.id}/results`],
    ["POST", "/api/reviews", { reviewId: "stranger-review-1", cardId: cards[0].id, rating: "good", durationMs: 10 }],
  ] as const) {
    const response = await stranger.fetch(path, { method, data });
    expect(response.status(), `${method} ${path}`).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(quiz.questions[0].prompt);
    expect(body).not.toContain(cards[0].front);
  }
  // The owner's quiz is untouched by the stranger's attempts.
  const mine = await (await owner.get(`/api/quiz/${quiz.id}`)).json();
  expect(mine.finishedAt).toBeNull();
  expect(mine.questions.every((question: { result: unknown }) => question.result === null)).toBe(true);
});

test("bad input gets 400 with the zod issues, never a 500", async ({ request }) => {
  await signedIn(request);
  const cases: [string, string, unknown][] = [
    ["POST", "/api/reviews", { reviewId: "r", cardId: "c1", rating: "great", durationMs: -5 }],
    ["POST", "/api/reviews", { reviewId: "review-extra-1", cardId: "c1", rating: "good", durationMs: 1, extra: true }],
    ["POST", "/api/reviews", []],
    ["POST", "/api/reviews/undo", {}],
    ["POST", "/api/quiz", { mode: "custom", size: 10_000 }],
    ["PUT", "/api/settings", { examDate: "2027-13-01", examName: null, timeZone: "UTC", newCardsPerDay: 5, dailyQuizSize: 5, desiredRetention: 0.9 }],
  ];
  for (const [method, path, data] of cases) {
    const response = await request.fetch(path, { method, data });
    expect(response.status(), `${method} ${path} ${JSON.stringify(data)}`).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_request");
    expect(body.issues.length).toBeGreaterThan(0);
  }
  const queue = await request.get("/api/reviews/queue?limit=-3");
  expect(queue.status()).toBe(400);
  const huge = await request.post("/api/reviews", { data: { reviewId: "x".repeat(70_000) } });
  expect(huge.status()).toBe(413);
  const notJson = await request.post("/api/reviews", { data: Buffer.from("{"), headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);
});
