import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { readOrCreateSecret } from "../lib/auth/secret-file";
import { PASSWORD, uniqueEmail } from "./helpers";

/**
 * scripts/serve.ts answers the hot API routes (review submit and undo, the queue, a quiz answer) before
 * Next.js's pipeline. Here the e2e server (served so, by `npm start`) and a second server on the same
 * build and database with HOT_ROUTES=off (every request through Next.js) get the same requests over real
 * HTTP, and must give the same answers: statuses, bodies (the zod issues, error shapes, results) and
 * headers. Only what is about the connection (Date, Connection, Keep-Alive, the length or chunked
 * framing) and Next.js's `Vary` for its page router's caches (meaningless on a JSON route) may differ.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const NEXT_ONLY = `http://127.0.0.1:${PORT}`;
const CONNECTION_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "vary"]);

let nextOnly: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  nextOnly = spawn(path.join("node_modules", ".bin", "tsx"), [path.join("scripts", "serve.ts"), "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      HOT_ROUTES: "off",
      DATABASE_URL: "file:./data/e2e.db",
      NEXTAUTH_SECRET: readOrCreateSecret(path.join(process.cwd(), "data")),
      NEXTAUTH_URL: NEXT_ONLY,
      TRUSTED_PROXIES: "127.0.0.1,::1",
      CONTENT_ROOT: "data/e2e-content",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (const deadline = Date.now() + 170_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 500))) {
    if (nextOnly.exitCode !== null) throw new Error(`the HOT_ROUTES=off server exited with ${nextOnly.exitCode}`);
    if (await fetch(`${NEXT_ONLY}/api/auth/csrf`).then((response) => response.ok, () => false)) return;
  }
  throw new Error("the HOT_ROUTES=off server did not start");
});

test.afterAll(() => {
  if (nextOnly?.pid) process.kill(-nextOnly.pid, "SIGTERM");
});

type Answer = { status: number; headers: Record<string, string>; body: unknown };

async function answerOf(response: APIResponse): Promise<Answer> {
  const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !CONNECTION_HEADERS.has(name)));
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status(), headers, body };
}

test("the hot routes answer as Next.js's own routes do, over HTTP", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const signedIn = await playwright.request.newContext({ baseURL });
  const email = uniqueEmail("hot-routes");
  const tag = randomBytes(5).toString("hex");
  expect((await signedIn.post("/api/register", { data: { email, password: PASSWORD } })).status()).toBe(201);
  const { csrfToken } = await (await signedIn.get("/api/auth/csrf")).json();
  await signedIn.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
  const session = (await signedIn.storageState()).cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  expect(session, "signed in").toBeDefined();
  const cookie = `${session.name}=${session.value}`;
  const hot = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  const viaNext = await playwright.request.newContext({ baseURL: NEXT_ONLY, extraHTTPHeaders: { cookie } });
  const visitorHot = await playwright.request.newContext({ baseURL });
  const visitorNext = await playwright.request.newContext({ baseURL: NEXT_ONLY });

  type Request = { method: "GET" | "POST"; path: string; data?: unknown; headers?: Record<string, string> };
  /** The request to the e2e server, then to the Next.js-only one: both answers. */
  async function both({ method, path: url, data, headers }: Request, visitor = false): Promise<[Answer, Answer]> {
    const [first, second] = visitor ? [visitorHot, visitorNext] : [hot, viaNext];
    const one = await answerOf(await first.fetch(url, { method, data, headers }));
    const other = await answerOf(await second.fetch(url, { method, data, headers }));
    return [one, other];
  }
  async function same(request: Request, status: number, visitor = false): Promise<Answer> {
    const [one, other] = await both(request, visitor);
    expect(one, `${request.method} ${request.path}`).toEqual(other);
    expect(one.status, `${request.method} ${request.path}: ${JSON.stringify(one.body)}`).toBe(status);
    expect(one.headers["x-frame-options"]).toBe("DENY");
    expect(one.headers["content-security-policy"]).toContain("default-src 'self'");
    return one;
  }

  // Refusals before any work: no session, bad input, a body past the limit.
  await same({ method: "POST", path: "/api/reviews", data: { reviewId: "hot-r-0", cardId: "x", rating: "good", durationMs: 1 } }, 401, true);
  await same({ method: "GET", path: "/api/reviews/queue?limit=5" }, 401, true);
  await same({ method: "POST", path: "/api/reviews", data: { reviewId: "hot-r-0", cardId: "x", rating: "superb", durationMs: -1 } }, 400);
  await same({ method: "POST", path: "/api/reviews", data: "{not json", headers: { "content-type": "application/json" } }, 400);
  await same({ method: "POST", path: "/api/reviews", data: { padding: "x".repeat(70_000) } }, 413);
  await same({ method: "GET", path: "/api/reviews/queue?limit=many" }, 400);
  await same({ method: "POST", path: "/api/reviews/undo", data: { reviewId: "" } }, 400);

  // The queue: the same cards, scheduling and previews. A time in it is stored (a card's due date) or
  // reckoned from the answer's own clock (servedAt, a preview's due date): each of the second answer's
  // times is the first's, or the first's moved by the time between the two answers.
  await hot.get("/api/reviews/queue?limit=5");
  const [queueHot, queueNext] = await both({ method: "GET", path: "/api/reviews/queue?limit=5" });
  const shift = Date.parse((queueNext.body as { servedAt: string }).servedAt) - Date.parse((queueHot.body as { servedAt: string }).servedAt);
  const asFirst = (mine: unknown, first: unknown): unknown =>
    typeof mine === "string" && typeof first === "string" && mine !== first && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(mine) && Date.parse(mine) - shift === Date.parse(first)
      ? first
      : Array.isArray(mine)
        ? mine.map((inner, index) => asFirst(inner, Array.isArray(first) ? first[index] : undefined))
        : mine && typeof mine === "object"
          ? Object.fromEntries(Object.entries(mine).map(([key, inner]) => [key, asFirst(inner, (first as Record<string, unknown> | undefined)?.[key])]))
          : mine;
  expect(queueHot).toEqual({ ...queueNext, body: asFirst(queueNext.body, queueHot.body) });
  expect(queueHot.status).toBe(200);
  const cards = (queueHot.body as { cards: { id: string }[] }).cards;
  expect(cards.length).toBeGreaterThanOrEqual(3);

  // A rating, then the same request again through Next.js: the retry returns the stored rating exactly.
  const rating = { reviewId: `hot-r-1-${tag}`, cardId: cards[0]!.id, rating: "good", durationMs: 2100 };
  await same({ method: "POST", path: "/api/reviews", data: rating }, 200);
  await same({ method: "POST", path: "/api/reviews", data: { ...rating, reviewId: `hot-r-2-${tag}`, cardId: "no-such-card" } }, 404);
  await same({ method: "POST", path: "/api/reviews/undo", data: { reviewId: "no-such-review" } }, 404);
  // Undo: one rating taken back by each server, the same shape of answer.
  const second = { reviewId: `hot-r-3-${tag}`, cardId: cards[1]!.id, rating: "again", durationMs: 900 };
  await same({ method: "POST", path: "/api/reviews", data: second }, 200);
  const [undoHot] = await both({ method: "POST", path: "/api/reviews/undo", data: { reviewId: second.reviewId } });
  const undoneAgain = await answerOf(await viaNext.post("/api/reviews/undo", { data: { reviewId: second.reviewId } }));
  expect(undoHot.status).toBe(200);
  expect(undoneAgain.status).toBe(404);
  const third = { reviewId: `hot-r-4-${tag}`, cardId: cards[2]!.id, rating: "hard", durationMs: 900 };
  await same({ method: "POST", path: "/api/reviews", data: third }, 200);
  const undoNext = await answerOf(await viaNext.post("/api/reviews/undo", { data: { reviewId: third.reviewId } }));
  expect(Object.keys(undoNext.body as object)).toEqual(Object.keys(undoHot.body as object));
  expect(undoNext.headers).toEqual(undoHot.headers);

  // A quiz answer: started through Next.js's own routes, answered through both.
  const quiz = (await (await hot.get("/api/quiz/daily")).json()) as { id: string; questions: { id: string; options: { id: string }[] }[] };
  expect((await hot.post(`/api/quiz/${quiz.id}/start`)).status()).toBe(200);
  const [first, next] = quiz.questions;
  await same({ method: "POST", path: `/api/quiz/${quiz.id}/answers`, data: { questionId: first!.id, optionId: "zz", answerId: `hot-a-0-${tag}` } }, 404);
  await same({ method: "POST", path: `/api/quiz/${quiz.id}/answers`, data: { questionId: first!.id, optionId: 7 } }, 400);
  await same({ method: "POST", path: `/api/quiz/no-such-quiz/answers`, data: { questionId: first!.id, optionId: "a", answerId: `hot-a-1-${tag}` } }, 404);
  const answer = { questionId: first!.id, optionId: first!.options[0]!.id, answerId: `hot-a-2-${tag}`, confidence: "fifty-fifty" };
  const answered = await same({ method: "POST", path: `/api/quiz/${quiz.id}/answers`, data: answer }, 200);
  expect(answered.body).toMatchObject({ questionId: first!.id, chosenOptionId: answer.optionId, confidence: "fifty-fifty", score: { answered: 1 } });
  // The same answer id on another question: refused alike.
  await same({ method: "POST", path: `/api/quiz/${quiz.id}/answers`, data: { ...answer, questionId: next!.id, optionId: next!.options[0]!.id } }, 409);
});
