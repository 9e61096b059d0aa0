import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as postAnswer } from "@/app/api/quiz/[id]/answers/route";
import { POST as postFinish } from "@/app/api/quiz/[id]/finish/route";
import { GET as getResults } from "@/app/api/quiz/[id]/results/route";
import { GET as getQuiz } from "@/app/api/quiz/[id]/route";
import { POST as postStart } from "@/app/api/quiz/[id]/start/route";
import { GET as getPractice } from "@/app/api/quiz/practice/route";
import { GET as getDaily } from "@/app/api/quiz/daily/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { GET as getQueue } from "@/app/api/reviews/queue/route";
import { POST as postReview } from "@/app/api/reviews/route";
import { POST as postSync } from "@/app/api/reviews/sync/route";
import { POST as postUndo } from "@/app/api/reviews/undo/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/route";
import { GET as getToday } from "@/app/api/today/route";
import { endSession, startSession } from "@/lib/auth/sessions";
import { NextRequest } from "next/server";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// Requests carry a real session cookie, as next-auth makes it, read by the real session check.
process.env.NEXTAUTH_SECRET ??= "practice-api-test-secret-0123456789abcdef";
let sessionCookie: string | null = null;
/** The database the routes under test use (set per provider), where sign-in records its sessions. */
let sessionDb: TestDatabase["db"];

const SESSION_COOKIE = "next-auth.session-token";

/** The Cookie header of a token for `sessionId`, encoded as next-auth encodes it (`secret`: this server's). */
async function sessionCookieOf(userId: string, sessionId: string, secret = process.env.NEXTAUTH_SECRET!): Promise<string> {
  return `${SESSION_COOKIE}=${await encode({ token: { sub: userId, sid: sessionId }, secret })}`;
}

/** Signs `userId` in as next-auth's sign-in does: a server-side session, and a cookie that names it. */
async function signedInAs(userId: string | null) {
  sessionCookie = userId === null ? null : await sessionCookieOf(userId, await startSession(sessionDb, userId, new Date()));
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const headers = new Headers(init.body === undefined ? {} : { "content-type": "application/json" });
  if (sessionCookie) headers.set("cookie", sessionCookie);
  const request = new NextRequest(`http://localhost${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, body: await response.json() };
}

const QUIZ_TYPES = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];
const SETTINGS = { examDate: "2027-05-24", examName: "CSE Prelims 2027", timeZone: "Asia/Kolkata", newCardsPerDay: 20, dailyQuizSize: 5, desiredRetention: 0.9 };

describeEachDatabase("practice API", (provider) => {
  let database: TestDatabase;
  let owner: string;
  let stranger: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    sessionDb = database.db;
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = database.db;
    await createItems(database.db, [
      ...Array.from({ length: 6 }, (_, index) => ({ id: `flashcard:f${index}`, factIds: [`f${index}`] })),
      ...Array.from({ length: 20 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:q${index}`, type: QUIZ_TYPES[index % 5], topic: `Topic ${index % 2}`, factIds: [`f${index}`] })),
    ]);
    owner = (await createUser(database.db, { dailyQuizSize: 5 })).id;
    stranger = (await createUser(database.db)).id;
  });
  afterAll(async () => {
    delete (globalThis as unknown as { smritiDb?: unknown }).smritiDb;
    await database?.drop();
  });

  it("answers 401 to a visitor on every route", async () => {
    await signedInAs(null);
    const params = { id: "cm0000000000000000000000" };
    const calls: [Handler, string, { body?: unknown; method?: string; params?: Record<string, string> }][] = [
      [getToday, "/api/today", {}],
      [getQueue, "/api/reviews/queue", {}],
      [postReview, "/api/reviews", { body: { reviewId: "review-0001", cardId: "c1", rating: "good", durationMs: 1 } }],
      [postUndo, "/api/reviews/undo", { body: { reviewId: "review-0001" } }],
      [getDaily, "/api/quiz/daily", {}],
      [postQuiz, "/api/quiz", { body: { mode: "custom", size: 5 } }],
      [getQuiz, "/api/quiz/x", { params }],
      [postAnswer, "/api/quiz/x/answers", { body: { questionId: "q", optionId: "a", answerId: "answer-0001" }, params }],
      [postFinish, "/api/quiz/x/finish", { method: "POST", params }],
      [postStart, "/api/quiz/x/start", { method: "POST", params }],
      [getPractice, "/api/quiz/practice", {}],
      [getResults, "/api/quiz/x/results", { params }],
      [getSettings, "/api/settings", {}],
      [putSettings, "/api/settings", { method: "PUT", body: SETTINGS }],
    ];
    const unauthenticated = { status: 401, body: { error: "unauthenticated", message: "Sign in first." } };
    for (const [handler, path, init] of calls) expect(await call(handler as Handler, path, init), path).toEqual(unauthenticated);

    // A cookie this server did not make, and a session that was signed out, are visitors too.
    const liveSession = await startSession(database.db, owner, new Date());
    sessionCookie = await sessionCookieOf(owner, liveSession, "another-server-secret-0123456789abcdef");
    expect(await call(getToday, "/api/today")).toEqual(unauthenticated);
    await endSession(database.db, { sub: owner, sid: liveSession });
    sessionCookie = await sessionCookieOf(owner, liveSession);
    expect(await call(getToday, "/api/today")).toEqual(unauthenticated);
    // The same request with the owner's current session is served.
    await signedInAs(owner);
    expect((await call(getToday, "/api/today")).status).toBe(200);
  });

  it("serves the queue, rates idempotently, undoes, and refuses bad input with zod's issues", async () => {
    await signedInAs(owner);
    expect((await call(getQueue, "/api/reviews/queue?limit=0")).status).toBe(400);
    expect((await call(getQueue, "/api/reviews/queue?limit=5&extra=1")).status).toBe(400);
    const queue = await call(getQueue, "/api/reviews/queue?limit=2");
    expect(queue.status).toBe(200);
    expect(queue.body.cards).toHaveLength(2);
    const [card] = queue.body.cards;
    expect(card).toMatchObject({ itemId: "flashcard:f0", type: "flashcard", front: "Question flashcard:f0?", back: "Answer flashcard:f0", state: 0 });
    expect(card.sources).toEqual([{ doc: "doc-1", locator: "line 1", quote: "Quote for flashcard:f0" }]);
    expect(Object.keys(card.intervals)).toEqual(["again", "hard", "good", "easy"]);
    expect(card.intervals.good).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);

    const extra = await call(postReview, "/api/reviews", { body: { reviewId: "api-review-1", cardId: card.id, rating: "good", durationMs: 1, grade: 3 } });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ error: "invalid_request", issues: [{ code: "unrecognized_keys" }] });
    const badRating = await call(postReview, "/api/reviews", { body: { reviewId: "api-review-1", cardId: card.id, rating: "perfect", durationMs: 1 } });
    expect(badRating.body.issues[0].path).toEqual(["rating"]);

    const review = { reviewId: "api-review-1", cardId: card.id, rating: "good", durationMs: 2500 };
    const first = await call(postReview, "/api/reviews", { body: review });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ reviewId: "api-review-1", cardId: card.id, rating: "good", state: 1 });
    expect(Date.parse(first.body.due)).toBeGreaterThan(Date.parse(first.body.reviewedAt));
    expect(await call(postReview, "/api/reviews", { body: review })).toEqual(first);
    expect(await database.db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);

    expect(await call(postUndo, "/api/reviews/undo", { body: { reviewId: "api-review-1" } })).toMatchObject({ status: 200, body: { cardId: card.id, state: 0 } });
    expect((await call(postUndo, "/api/reviews/undo", { body: { reviewId: "api-review-1" } })).status).toBe(404);
  });

  it("syncs a device's ratings: statuses and card states, batches of 500 over the usual body limit, clear 400s", async () => {
    const user = (await createUser(database.db)).id;
    await signedInAs(user);
    const [card] = (await call(getQueue, "/api/reviews/queue?limit=1")).body.cards;
    const minutesAgo = (count: number) => new Date(Date.now() - count * 60_000).toISOString();
    const ratings = Array.from({ length: 500 }, (_, index) => ({
      reviewId: `0f8fad5b-d9cb-469f-a165-${String(index).padStart(12, "0")}`,
      cardId: card.id,
      rating: "good",
      reviewedAt: minutesAgo(600 - index),
      durationMs: 1200,
    }));
    const body = { ratings };
    expect(JSON.stringify(body).length).toBeGreaterThan(64 * 1024);
    const synced = await call(postSync, "/api/reviews/sync", { body });
    expect(synced.status).toBe(200);
    expect(synced.body.ratings).toHaveLength(500);
    expect(new Set(synced.body.ratings.map((entry: { status: string }) => entry.status))).toEqual(new Set(["applied"]));
    expect(synced.body.cards).toEqual([{ cardId: card.id, due: expect.stringMatching(/Z$/), stability: expect.any(Number), difficulty: expect.any(Number), reps: 500, lapses: 0, state: 2 }]);
    expect((await call(postSync, "/api/reviews/sync", { body: { ratings: ratings.slice(0, 2) } })).body.ratings.map((entry: { status: string }) => entry.status)).toEqual(["known", "known"]);

    const tooMany = await call(postSync, "/api/reviews/sync", { body: { ratings: [...ratings, { ...ratings[0], reviewId: "one-more-rating" }] } });
    expect(tooMany).toMatchObject({ status: 400, body: { issues: [{ path: ["ratings"], code: "too_big" }] } });
    const future = await call(postSync, "/api/reviews/sync", { body: { ratings: [{ ...ratings[0], reviewId: "from-the-future", reviewedAt: new Date(Date.now() + 3_600_000).toISOString() }] } });
    expect(future).toMatchObject({ status: 400, body: { issues: [{ path: ["ratings.0.reviewedAt"] }] } });
    const notADate = await call(postSync, "/api/reviews/sync", { body: { ratings: [{ ...ratings[0], reviewedAt: "yesterday" }] } });
    expect(notADate.body.issues[0].path).toEqual(["ratings", "0", "reviewedAt"]);
    expect(await database.db.reviewLog.count({ where: { userId: user } })).toBe(500);
  });

  it("answers 404 with no data for another user's card, review and quiz", async () => {
    await signedInAs(owner);
    const [card] = (await call(getQueue, "/api/reviews/queue?limit=1")).body.cards;
    await call(postReview, "/api/reviews", { body: { reviewId: "owner-review-1", cardId: card.id, rating: "good", durationMs: 1 } });
    const quiz = (await call(getDaily, "/api/quiz/daily")).body;

    await signedInAs(stranger);
    const notFound = (response: { status: number; body: unknown }) => {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: "not_found" });
      expect(JSON.stringify(response.body)).not.toContain("Question");
    };
    notFound(await call(postReview, "/api/reviews", { body: { reviewId: "stranger-review", cardId: card.id, rating: "again", durationMs: 1 } }));
    notFound(await call(postUndo, "/api/reviews/undo", { body: { reviewId: "owner-review-1" } }));
    notFound(await call(getQuiz, `/api/quiz/${quiz.id}`, { params: { id: quiz.id } }));
    notFound(await call(getResults, `/api/quiz/${quiz.id}/results`, { params: { id: quiz.id } }));
    notFound(await call(postFinish, `/api/quiz/${quiz.id}/finish`, { method: "POST", params: { id: quiz.id } }));
    notFound(await call(postAnswer, `/api/quiz/${quiz.id}/answers`, { params: { id: quiz.id }, body: { questionId: quiz.questions[0].id, optionId: "a", answerId: "stranger-answer" } }));
    expect(await database.db.card.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ reps: 1 });
  });

  it("runs a daily quiz: no key before an answer, the key after it, results only once finished", async () => {
    await signedInAs(owner);
    const daily = await call(getDaily, "/api/quiz/daily");
    expect(daily.status).toBe(200);
    expect(daily.body.questions).toHaveLength(5);
    expect(daily.body.timeLimitSec).toBe(360);
    expect(JSON.stringify(daily.body)).not.toMatch(/"(answer|key|explanation|sources)"/);
    const id = daily.body.id;
    const question = daily.body.questions[0];

    // Nothing counts before Start: the clock of the paper starts there, not when the page opened.
    expect(daily.body).toMatchObject({ clockStartedAt: null, endsAt: null });
    const early = await call(postAnswer, `/api/quiz/${id}/answers`, { params: { id }, body: { questionId: question.id, optionId: "b", answerId: "api-answer-0" } });
    expect(early).toMatchObject({ status: 409, body: { error: "not_started" } });
    const started = await call(postStart, `/api/quiz/${id}/start`, { method: "POST", params: { id } });
    expect(started.status).toBe(200);
    expect(Date.parse(started.body.endsAt) - Date.parse(started.body.clockStartedAt)).toBe(360_000);

    const badAnswer = await call(postAnswer, `/api/quiz/${id}/answers`, { params: { id }, body: { questionId: question.id, optionId: "b" } });
    expect(badAnswer.body.issues[0].path).toEqual(["answerId"]);
    const answered = await call(postAnswer, `/api/quiz/${id}/answers`, { params: { id }, body: { questionId: question.id, optionId: "b", answerId: "api-answer-1" } });
    expect(answered).toMatchObject({ status: 200, body: { correct: true, key: "b", chosenOptionId: "b", score: { score: 2, correct: 1 } } });
    expect(answered.body.explanation).toBeTruthy();

    const resumed = await call(getQuiz, `/api/quiz/${id}`, { params: { id } });
    expect(resumed.body.questions[0].result).toMatchObject({ key: "b" });
    expect(JSON.stringify(resumed.body.questions.slice(1))).not.toMatch(/"(key|explanation|sources)"/);

    expect((await call(getResults, `/api/quiz/${id}/results`, { params: { id } })).status).toBe(409);
    expect(await call(postFinish, `/api/quiz/${id}/finish`, { method: "POST", params: { id } })).toMatchObject({ status: 200, body: { score: 2, skipped: 4, maxScore: 10 } });
    const results = await call(getResults, `/api/quiz/${id}/results`, { params: { id } });
    expect(results.status).toBe(200);
    expect(results.body.questions.every((item: { result: { key: string } | null }) => item.result?.key === "b")).toBe(true);
    expect((await call(postAnswer, `/api/quiz/${id}/answers`, { params: { id }, body: { questionId: daily.body.questions[1].id, optionId: "a", answerId: "api-answer-2" } })).status).toBe(409);
    expect((await call(getQuiz, "/api/quiz/x", { params: { id: "../etc" } })).status).toBe(400);
  });

  it("refuses an answer after a timed paper's limit with 409 time_up and its end, and shows the paper finished then", async () => {
    const user = (await createUser(database.db)).id;
    await signedInAs(user);
    const test = (await call(postQuiz, "/api/quiz", { body: { mode: "custom", size: 5 } })).body;
    const id = test.id;
    await call(postStart, `/api/quiz/${id}/start`, { method: "POST", params: { id } });
    // The clock started an hour ago: the 6 minutes are long gone.
    const hourAgo = new Date(Date.now() - 3_600_000);
    await database.db.quizSession.update({ where: { id }, data: { clockStartedAt: hourAgo } });
    const late = await call(postAnswer, `/api/quiz/${id}/answers`, { params: { id }, body: { questionId: test.questions[0].id, optionId: "b", answerId: "late-answer-1" } });
    const endsAt = new Date(hourAgo.getTime() + 360_000).toISOString();
    expect(late).toMatchObject({ status: 409, body: { error: "time_up", endsAt } });
    expect((await call(getQuiz, `/api/quiz/${id}`, { params: { id } })).body).toMatchObject({ finishedAt: endsAt, score: { answered: 0 } });
    expect((await call(getPractice, "/api/quiz/practice")).body.quiz).toBeNull();
  });

  it("starts practice quizzes (201) and validates their modes", async () => {
    await signedInAs(owner);
    const custom = await call(postQuiz, "/api/quiz", { body: { mode: "custom", size: 5 } });
    expect(custom.status).toBe(201);
    expect(custom.body).toMatchObject({ mode: "custom", timeLimitSec: 360 });
    // One practice quiz at a time: another is refused, naming the unfinished one, until the request says to end it.
    const refused = await call(postQuiz, "/api/quiz", { body: { mode: "topic", topic: "Topic 1" } });
    expect(refused).toMatchObject({ status: 409, body: { error: "unfinished_quiz", quizId: custom.body.id } });
    expect((await call(getPractice, "/api/quiz/practice")).body.quiz).toMatchObject({ id: custom.body.id, mode: "custom" });
    const topic = await call(postQuiz, "/api/quiz", { body: { mode: "topic", topic: "Topic 1", timed: false, replaceUnfinished: true } });
    expect(topic.status).toBe(201);
    expect(topic.body.timeLimitSec).toBeNull();
    expect((await call(getQuiz, `/api/quiz/${custom.body.id}`, { params: { id: custom.body.id } })).body.finishedAt).not.toBeNull();
    expect(topic.body.questions.every((question: { topic: string }) => question.topic === "Topic 1")).toBe(true);
    expect((await call(postQuiz, "/api/quiz", { body: { mode: "topic", topic: "Nowhere" } })).status).toBe(404);
    expect((await call(postQuiz, "/api/quiz", { body: { mode: "custom" } })).status).toBe(400);
    expect((await call(postQuiz, "/api/quiz", { body: { mode: "custom", size: 5, timed: "yes" } })).body.issues[0].path).toEqual(["timed"]);
    expect((await call(postQuiz, "/api/quiz", { body: { mode: "speed", size: 5 } })).status).toBe(400);
  });

  it("reads and validates settings, and sums up today", async () => {
    await signedInAs(owner);
    expect((await call(getSettings, "/api/settings")).body).toMatchObject({ timeZone: "Asia/Kolkata", newCardsPerDay: 20, dailyQuizSize: 5, desiredRetention: 0.9 });
    const bad = await call(putSettings, "/api/settings", { method: "PUT", body: { ...SETTINGS, timeZone: "Mars/Olympus", desiredRetention: 0.5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: { path: string[] }) => issue.path[0]).sort()).toEqual(["desiredRetention", "timeZone"]);
    expect((await call(putSettings, "/api/settings", { method: "PUT", body: { ...SETTINGS, theme: "dark" } })).status).toBe(400);
    expect(await call(putSettings, "/api/settings", { method: "PUT", body: SETTINGS })).toEqual({ status: 200, body: SETTINGS });

    const today = await call(getToday, "/api/today");
    expect(today.status).toBe(200);
    expect(today.body).toMatchObject({ reviewedToday: 1, quiz: { status: "finished" }, streak: { current: 1 }, exam: { date: "2027-05-24", name: "CSE Prelims 2027" } });
    expect(today.body.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof today.body.due).toBe("number");
    expect(typeof today.body.new).toBe("number");
  });
});
