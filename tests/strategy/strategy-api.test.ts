import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { Rating } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as postAnswer } from "@/app/api/quiz/[id]/answers/route";
import { GET as getResults } from "@/app/api/quiz/[id]/results/route";
import { POST as postQuiz } from "@/app/api/quiz/route";
import { GET as getStrategyRoute } from "@/app/api/strategy/route";
import { startSession } from "@/lib/auth/sessions";
import { finishQuiz, startPracticeQuiz, startQuizClock } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { getStrategy } from "@/lib/strategy/strategy";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

process.env.NEXTAUTH_SECRET ??= "strategy-api-test-secret-0123456789abcdef";

const NOW = new Date("2026-11-20T06:00:00Z");
// Statement 1 (fact s1) true, 2 (s2) false, 3 (s3) true: the "which" key is "1 and 3 only".
const STATEMENTS = [
  { factId: "s1", correct: true },
  { factId: "s2", correct: false },
  { factId: "s3", correct: true },
];
const FACTS = ["s1", "s2", "s3"].map((id) => ({ id, statement: `Statement of ${id}.`, topic: "Topic S", asOf: "2026-01", timeSensitive: false, sources: [] }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describeEachDatabase("confidence, statement verdicts and GET /api/strategy", (provider) => {
  let database: TestDatabase;
  let cookie: string | null = null;

  async function call(handler: Handler, path: string, init: { body?: unknown; params?: Record<string, string> } = {}) {
    const headers = new Headers(init.body === undefined ? {} : { "content-type": "application/json" });
    if (cookie) headers.set("cookie", cookie);
    const request = new NextRequest(`http://localhost${path}`, { method: init.body === undefined ? "GET" : "POST", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
    return { status: response.status, body: await response.json() };
  }

  async function signIn(userId: string) {
    cookie = `next-auth.session-token=${await encode({ token: { sub: userId, sid: await startSession(database.db, userId, new Date()) }, secret: process.env.NEXTAUTH_SECRET! })}`;
  }

  /** A user who has studied the flashcards of s1, s2 and s3, with a started topic quiz of the statement item and one MCQ. */
  async function learnerWithQuiz() {
    const user = await createUser(database.db, { newCardsPerDay: 10, timeZone: "UTC" });
    for (const card of await reviewQueue(database.db, user.id, 10, NOW)) {
      await submitReview(database.db, user.id, { reviewId: `study-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, NOW);
    }
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic S" }, NOW);
    await startQuizClock(database.db, user.id, quiz.id, NOW);
    const statementQuestion = quiz.questions.find((question) => question.type === "statements-which")!;
    const mcq = quiz.questions.find((question) => question.type === "mcq")!;
    return { user, quiz, statementQuestion, mcq };
  }

  /** The latest quiz rating of the user's flashcard of `factId` (1 Again … 4 Easy), or null. */
  async function quizRatingOf(userId: string, factId: string) {
    const log = await database.db.reviewLog.findFirst({ where: { userId, origin: "quiz", card: { itemId: `flashcard:${factId}` } }, orderBy: { reviewedAt: "desc" }, select: { rating: true } });
    return log?.rating ?? null;
  }

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = database.db;
    await createItems(database.db, [
      { id: "flashcard:s1", factIds: ["s1"] },
      { id: "flashcard:s2", factIds: ["s2"] },
      { id: "flashcard:s3", factIds: ["s3"] },
      { id: "statements-which:s", type: "statements-which", topic: "Topic S", factIds: ["s1", "s2", "s3"], answer: "c" },
      { id: "mcq:m1", type: "mcq", topic: "Topic S", factIds: ["m1"], answer: "b" },
    ]);
    await database.db.bankItem.update({ where: { id: "statements-which:s" }, data: { statements: JSON.stringify(STATEMENTS) } });
  });
  afterAll(async () => {
    delete (globalThis as unknown as { smritiDb?: unknown }).smritiDb;
    await database?.drop();
  });

  it("rates each judged statement's own fact, stores the confidence and verdicts, and returns them checked", async () => {
    const { user, quiz, statementQuestion } = await learnerWithQuiz();
    await signIn(user.id);
    // Right option, on a 50-50: s1 judged right (Hard: low confidence), s2 judged true though false (Again), s3 not judged.
    const body = { questionId: statementQuestion.id, optionId: "c", answerId: "answer-s-0001", confidence: "fifty-fifty", statementMarks: [{ index: 0, judgedTrue: true }, { index: 1, judgedTrue: true }] };
    const answered = await call(postAnswer as Handler, `/api/quiz/${quiz.id}/answers`, { body, params: { id: quiz.id } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ correct: true, confidence: "fifty-fifty", statementMarks: [{ index: 0, judgedTrue: true, right: true }, { index: 1, judgedTrue: true, right: false }] });
    expect(await quizRatingOf(user.id, "s1")).toBe(Rating.Hard);
    expect(await quizRatingOf(user.id, "s2")).toBe(Rating.Again);
    // Unjudged: the question's own rating, as before (right: Good).
    expect(await quizRatingOf(user.id, "s3")).toBe(Rating.Good);
    const stored = await database.db.quizQuestion.findUniqueOrThrow({ where: { id: statementQuestion.id }, select: { confidence: true, statementMarks: true } });
    expect(stored.confidence).toBe("fifty-fifty");
    expect(JSON.parse(stored.statementMarks!)).toEqual([{ index: 0, judgedTrue: true, right: true }, { index: 1, judgedTrue: true, right: false }]);
    // Retrying the same request returns the stored answer and rates nothing again.
    expect((await call(postAnswer as Handler, `/api/quiz/${quiz.id}/answers`, { body, params: { id: quiz.id } })).body).toMatchObject({ confidence: "fifty-fifty" });
    expect(await database.db.reviewLog.count({ where: { userId: user.id, origin: "quiz" } })).toBe(4);
  });

  it("still takes answers without a confidence or verdicts (older clients): one rating for all the facts", async () => {
    const { user, quiz, statementQuestion } = await learnerWithQuiz();
    await signIn(user.id);
    const answered = await call(postAnswer as Handler, `/api/quiz/${quiz.id}/answers`, { body: { questionId: statementQuestion.id, optionId: "a", answerId: "answer-s-0002" }, params: { id: quiz.id } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ correct: false, confidence: null, statementMarks: null });
    for (const fact of ["s1", "s2", "s3"]) expect(await quizRatingOf(user.id, fact)).toBe(Rating.Again);
  });

  it("rates judged statements of a skipped question, and leaves the question's own card alone", async () => {
    const { user, quiz, statementQuestion } = await learnerWithQuiz();
    await signIn(user.id);
    const body = { questionId: statementQuestion.id, optionId: null, answerId: "answer-s-0003", confidence: "guess", statementMarks: [{ index: 2, judgedTrue: false }] };
    expect((await call(postAnswer as Handler, `/api/quiz/${quiz.id}/answers`, { body, params: { id: quiz.id } })).status).toBe(200);
    expect(await quizRatingOf(user.id, "s3")).toBe(Rating.Again);
    expect(await quizRatingOf(user.id, "s1")).toBeNull();
    expect(await database.db.card.count({ where: { userId: user.id, itemId: "statements-which:s" } })).toBe(0);
  });

  it("refuses bad confidences and verdicts with a 400 naming the field", async () => {
    const { user, quiz, statementQuestion, mcq } = await learnerWithQuiz();
    await signIn(user.id);
    const post = (body: Record<string, unknown>) => call(postAnswer as Handler, `/api/quiz/${quiz.id}/answers`, { body: { optionId: "b", answerId: "answer-s-0004", ...body }, params: { id: quiz.id } });
    const badConfidence = await post({ questionId: mcq.id, confidence: "certain" });
    expect(badConfidence.status).toBe(400);
    expect(JSON.stringify(badConfidence.body)).toContain("confidence");
    expect((await post({ questionId: statementQuestion.id, statementMarks: [{ index: 0, judgedTrue: true }, { index: 0, judgedTrue: false }] })).status).toBe(400);
    const beyond = await post({ questionId: statementQuestion.id, statementMarks: [{ index: 3, judgedTrue: true }] });
    expect(beyond.status).toBe(400);
    expect(JSON.stringify(beyond.body)).toContain("statementMarks");
    expect((await post({ questionId: mcq.id, statementMarks: [{ index: 0, judgedTrue: true }] })).status).toBe(400);
    // Nothing was stored by the refused requests.
    expect(await database.db.quizQuestion.count({ where: { quizId: quiz.id, answeredAt: { not: null } } })).toBe(0);
  });

  it("returns the what-if with the results, and the calibration, advice and misjudged facts from GET /api/strategy", async () => {
    const { user, quiz, statementQuestion, mcq } = await learnerWithQuiz();
    await signIn(user.id);
    const post = (body: Record<string, unknown>) => call(postAnswer as Handler, `/api/quiz/${quiz.id}/answers`, { body, params: { id: quiz.id } });
    await post({ questionId: statementQuestion.id, optionId: "c", answerId: "answer-s-0005", confidence: "sure", statementMarks: [{ index: 1, judgedTrue: true }] });
    await post({ questionId: mcq.id, optionId: "a", answerId: "answer-s-0006", confidence: "guess" });
    await finishQuiz(database.db, user.id, quiz.id, NOW);
    const results = await call(getResults as Handler, `/api/quiz/${quiz.id}/results`, { params: { id: quiz.id } });
    // +2 − 2/3; without the wrong guess +2.
    expect(results.body.whatIf).toEqual({ asMarked: 1.33, skippingGuesses: { score: 2, change: 0.67, guesses: 1 }, attemptingFiftyFifties: { score: 1.33, change: 0, skippedFiftyFifties: 0 } });

    const strategy = await call(getStrategyRoute as Handler, "/api/strategy");
    expect(strategy.status).toBe(200);
    expect(strategy.body.breakEven).toBe(0.25);
    const allTime = Object.fromEntries(strategy.body.allTime.levels.map((level: { confidence: string }) => [level.confidence, level]));
    expect(allTime.sure).toMatchObject({ attempts: 1, right: 1, verdict: "unclear" });
    expect(allTime.guess).toMatchObject({ attempts: 1, right: 0, accuracy: 0 });
    expect(strategy.body.advice[0].text).toBe("Sure: too little data to tell (1 answered, at least 10 needed).");

    // The misjudged fact, named by its statement (facts passed in, as the bank would give them).
    const direct = await getStrategy(database.db, user.id, NOW, FACTS);
    expect(direct.misjudged).toEqual([{ factId: "s2", statement: "Statement of s2.", topic: "Topic S", judged: 1, misjudged: 1 }]);

    // One click: a practice quiz on the misjudged facts holds the questions on s2.
    const practice = await call(postQuiz as Handler, "/api/quiz", { body: { mode: "misjudged" } });
    expect(practice.status).toBe(201);
    expect(practice.body.mode).toBe("misjudged");
    expect(practice.body.questions.map((question: { prompt: string }) => question.prompt)).toEqual(["Question statements-which:s?"]);

    cookie = null;
    expect((await call(getStrategyRoute as Handler, "/api/strategy")).status).toBe(401);
  });
});
