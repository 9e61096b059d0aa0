import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as getAnalysis } from "@/app/api/quiz/[id]/analysis/route";
import { POST as postAnswer } from "@/app/api/quiz/[id]/answers/route";
import { POST as postFinish } from "@/app/api/quiz/[id]/finish/route";
import { POST as postReviewMark } from "@/app/api/quiz/[id]/review-marks/route";
import { GET as getQuiz } from "@/app/api/quiz/[id]/route";
import { POST as postStart } from "@/app/api/quiz/[id]/start/route";
import { GET as getPractice } from "@/app/api/quiz/practice/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { startSession } from "@/lib/auth/sessions";
import { quizHistory } from "@/lib/progress/quiz-history";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// Requests carry a real session cookie, read by the real session check, as in api.test.ts.
process.env.NEXTAUTH_SECRET ??= "practice-api-test-secret-0123456789abcdef";
let sessionCookie: string | null = null;
let sessionDb: TestDatabase["db"];

async function signedInAs(userId: string) {
  const sid = await startSession(sessionDb, userId, new Date());
  sessionCookie = `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret: process.env.NEXTAUTH_SECRET! })}`;
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

// 60 questions in the mix's formats, 3 topics, one fact each; every key is "b" (factories).
const FORMATS = ["mcq", "statements-which", "statements-how-many", "assertion-reason", "match-pairs", "best-description", "list-count", "membership", "chronology"];
const KEY_FIELDS = /"(key|explanation|sources|correct|itemId)"/;

describeEachDatabase("mock papers", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    sessionDb = database.db;
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = database.db;
    await createItems(database.db, [
      ...Array.from({ length: 60 }, (_, index) => ({ id: `${FORMATS[index % FORMATS.length]}:p${index}`, type: FORMATS[index % FORMATS.length], topic: `Topic ${index % 3}`, factIds: [`pf${index}`] })),
      { id: "flashcard:pf0", factIds: ["pf0"] },
    ]);
  });
  afterAll(async () => {
    delete (globalThis as unknown as { smritiDb?: unknown }).smritiDb;
    await database?.drop();
  });

  it("starts a paper in the paper's mix, timed at 72 s a question, with no keys or score until it is handed in; resumes; then analyses it", async () => {
    const user = await createUser(database.db);
    await signedInAs(user.id);
    expect((await call(postQuiz, "/api/quiz", { body: { mode: "paper", size: 101 } })).status).toBe(400);
    expect((await call(postQuiz, "/api/quiz", { body: { mode: "paper", size: 20, timed: false } })).status).toBe(400);

    const created = await call(postQuiz, "/api/quiz", { body: { mode: "paper", size: 20 } });
    expect(created.status).toBe(201);
    const paper = created.body;
    const id = paper.id as string;
    expect(paper).toMatchObject({ mode: "paper", timeLimitSec: 20 * 72, score: null, clockStartedAt: null });
    expect(paper.questions).toHaveLength(20);
    const types: Record<string, number> = {};
    for (const question of paper.questions) types[question.type] = (types[question.type] ?? 0) + 1;
    // paperQuotas(20): 6 single-answer, 4 + 4 statements, 2 Statement-I/II, one each of four formats.
    expect(types).toMatchObject({ mcq: 6, "statements-which": 4, "statements-how-many": 4, "assertion-reason": 2 });
    expect(paper.questions.some((question: { type: string }) => question.type === "flashcard")).toBe(false);
    expect(JSON.stringify(paper)).not.toMatch(KEY_FIELDS);

    const at = { params: { id } };
    expect((await call(getAnalysis, `/api/quiz/${id}/analysis`, at)).status).toBe(409);
    await call(postStart, `/api/quiz/${id}/start`, { method: "POST", ...at });
    const [first, second, third] = paper.questions;

    // Answers are recorded, and their replies say nothing about being right.
    const right = await call(postAnswer, `/api/quiz/${id}/answers`, { ...at, body: { questionId: first.id, optionId: "b", answerId: "paper-answer-1" } });
    expect(right).toMatchObject({ status: 200, body: { questionId: first.id, chosenOptionId: "b", keyWithheld: true } });
    expect(JSON.stringify(right.body)).not.toMatch(KEY_FIELDS);
    expect(JSON.stringify(right.body)).not.toMatch(/score/);
    const wrong = await call(postAnswer, `/api/quiz/${id}/answers`, { ...at, body: { questionId: second.id, optionId: "a", answerId: "paper-answer-2" } });
    expect(wrong.body).toEqual({ questionId: second.id, chosenOptionId: "a", keyWithheld: true });
    // The first answer stands, as a bubble in ink; a retry says the same.
    expect((await call(postAnswer, `/api/quiz/${id}/answers`, { ...at, body: { questionId: first.id, optionId: "c", answerId: "paper-answer-3" } })).body).toEqual({ questionId: first.id, chosenOptionId: "b", keyWithheld: true });
    expect(await call(postReviewMark, `/api/quiz/${id}/review-marks`, { ...at, body: { questionId: third.id, marked: true } })).toMatchObject({ status: 200, body: { markedForReview: true } });
    expect((await call(postReviewMark, `/api/quiz/${id}/review-marks`, { ...at, body: { questionId: third.id, marked: "yes" } })).status).toBe(400);

    // A reload: the answer sheet comes back from the server, still sealed, and the paper is the one to resume.
    const resumed = await call(getQuiz, `/api/quiz/${id}`, at);
    expect(resumed.body.score).toBeNull();
    expect(resumed.body.questions.slice(0, 3).map((question: { answered: boolean; chosenOptionId: string | null; markedForReview: boolean; result: unknown }) => [question.answered, question.chosenOptionId, question.markedForReview, question.result])).toEqual([
      [true, "b", false, null],
      [true, "a", false, null],
      [false, null, true, null],
    ]);
    expect(JSON.stringify(resumed.body)).not.toMatch(KEY_FIELDS);
    expect((await call(getPractice, "/api/quiz/practice")).body.quiz).toMatchObject({ id, mode: "paper" });
    // Nor does the Progress history show an unfinished paper's score.
    expect((await quizHistory(database.db, user.id)).map((quiz) => quiz.id)).not.toContain(id);

    expect(await call(postFinish, `/api/quiz/${id}/finish`, { method: "POST", ...at })).toMatchObject({ status: 200, body: { score: 1.33, correct: 1, wrong: 1, skipped: 18 } });
    const finished = await call(getQuiz, `/api/quiz/${id}`, at);
    expect(finished.body.questions[0].result).toMatchObject({ correct: true, key: "b" });
    expect((await call(postReviewMark, `/api/quiz/${id}/review-marks`, { ...at, body: { questionId: third.id, marked: false } })).status).toBe(409);

    const analysis = await call(getAnalysis, `/api/quiz/${id}/analysis`, at);
    expect(analysis.status).toBe(200);
    const { body } = analysis;
    expect(body).toMatchObject({ quizId: id, mode: "paper", score: { score: 1.33, correct: 1, wrong: 1, questions: 20 }, accuracy: 0.5, whatIf: { asMarked: 1.33 }, change: null, time: { answered: 2 } });
    expect(body.questions).toHaveLength(20);
    expect(body.byFormat.reduce((sum: number, format: { questions: number }) => sum + format.questions, 0)).toBe(20);
    expect(body.byTopic.reduce((sum: number, topic: { questions: number }) => sum + topic.questions, 0)).toBe(20);
    expect(body.slowest.map((question: { questionId: string }) => question.questionId).sort()).toEqual([first.id, second.id].sort());
    expect(body.questions[2]).toMatchObject({ markedForReview: true, correct: null, timeMs: null });
    expect(body.trend).toHaveLength(1);

    // A second paper prefers questions the first did not ask, and its analysis compares the two.
    const next = (await call(postQuiz, "/api/quiz", { body: { mode: "paper", size: 20 } })).body;
    const firstItems = new Set((await database.db.quizQuestion.findMany({ where: { quizId: id }, select: { itemId: true } })).map(({ itemId }) => itemId));
    const nextItems = new Set((await database.db.quizQuestion.findMany({ where: { quizId: next.id }, select: { itemId: true } })).map(({ itemId }) => itemId));
    const typeOf = (itemId: string) => itemId.split(":")[0]!;
    const repeated = [...nextItems].filter((itemId) => firstItems.has(itemId));
    // A question comes again only when its format has nothing new left (60 questions over 9 formats, 20 a paper).
    expect(repeated.length).toBeLessThan(20);
    for (const itemId of repeated) {
      const unaskedOfFormat = (await database.db.bankItem.findMany({ where: { type: typeOf(itemId) }, select: { id: true } })).map(({ id }) => id).filter((other) => !firstItems.has(other));
      expect(unaskedOfFormat.every((other) => nextItems.has(other)), itemId).toBe(true);
    }
    const nextAt = { params: { id: next.id } };
    await call(postStart, `/api/quiz/${next.id}/start`, { method: "POST", ...nextAt });
    for (const [index, question] of next.questions.slice(0, 4).entries()) {
      await call(postAnswer, `/api/quiz/${next.id}/answers`, { ...nextAt, body: { questionId: question.id, optionId: "b", answerId: `paper-two-${index}-answer` } });
    }
    await call(postFinish, `/api/quiz/${next.id}/finish`, { method: "POST", ...nextAt });
    const compared = (await call(getAnalysis, `/api/quiz/${next.id}/analysis`, nextAt)).body;
    expect(compared.trend.map((point: { quizId: string; score: number }) => [point.quizId, point.score])).toEqual([
      [id, 1.33],
      [next.id, 8],
    ]);
    expect(compared.change.difference).toBeCloseTo(8 / 40 - 1.33 / 40, 10);
  });

  it("is as long as the bank allows, and refuses another user's paper with 404", async () => {
    const user = await createUser(database.db);
    await signedInAs(user.id);
    const paper = await call(postQuiz, "/api/quiz", { body: { mode: "paper", size: 100 } });
    expect(paper.status).toBe(201);
    expect(paper.body.questions).toHaveLength(60);
    expect(paper.body.timeLimitSec).toBe(60 * 72);
    const stranger = await createUser(database.db);
    await signedInAs(stranger.id);
    const at = { params: { id: paper.body.id } };
    expect((await call(getAnalysis, `/api/quiz/${paper.body.id}/analysis`, at)).status).toBe(404);
    expect((await call(postReviewMark, `/api/quiz/${paper.body.id}/review-marks`, { ...at, body: { questionId: paper.body.questions[0].id, marked: true } })).status).toBe(404);
  });

  it("is finished at its limit: the analysis of a paper whose time ran out is given, ended at the limit", async () => {
    const user = await createUser(database.db);
    await signedInAs(user.id);
    const paper = (await call(postQuiz, "/api/quiz", { body: { mode: "paper", size: 5 } })).body;
    const at = { params: { id: paper.id } };
    await call(postStart, `/api/quiz/${paper.id}/start`, { method: "POST", ...at });
    const started = new Date(Date.now() - 10 * 60_000);
    await database.db.quizSession.update({ where: { id: paper.id }, data: { clockStartedAt: started } });
    const analysis = await call(getAnalysis, `/api/quiz/${paper.id}/analysis`, at);
    expect(analysis.status).toBe(200);
    expect(new Date(analysis.body.finishedAt).getTime()).toBe(started.getTime() + 5 * 72_000);
    expect(analysis.body.timeUsedMs).toBe(5 * 72_000);
  });
});
