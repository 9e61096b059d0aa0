import { afterAll, beforeAll, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { answerQuestion, dailyQuiz, finishQuiz, quizView, startPracticeQuiz, startQuizClock, unfinishedPracticeQuiz } from "@/lib/practice/quiz";
import { quizHistory } from "@/lib/progress/quiz-history";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// 10:00 on 20 November in Kolkata.
const MORNING = new Date("2026-11-20T04:30:00Z");
const later = (seconds: number) => new Date(MORNING.getTime() + seconds * 1000);

const QUIZ_TYPES = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];

/** The ConflictError a call throws, to check its code and details. */
async function conflictOf(call: Promise<unknown>): Promise<ConflictError> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

describeEachDatabase("the quiz loop: clock, resume, snapshots, siblings and seen questions", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    // 12 questions on 12 facts, in two topics; the key is always (b).
    await createItems(database.db, Array.from({ length: 12 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:q${index}`, type: QUIZ_TYPES[index % 5], topic: `Topic ${index % 2}`, factIds: [`f${index}`] })));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("starts the clock on Start, not when the quiz is made, and measures the first answer from there", async () => {
    const user = await createUser(database.db, { dailyQuizSize: 5 });
    const quiz = await dailyQuiz(database.db, user.id, MORNING);
    expect(quiz).toMatchObject({ timeLimitSec: 360, clockStartedAt: null, endsAt: null });
    const question = quiz.questions[0]!;
    expect((await conflictOf(answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "b", answerId: "early-0001" }, later(5)))).code).toBe("not_started");

    // The learner reads the page for ten minutes, then presses Start; a second Start (another tab) changes nothing.
    const started = await startQuizClock(database.db, user.id, quiz.id, later(600));
    expect(started.clockStartedAt).toEqual(later(600));
    expect(started.endsAt).toEqual(later(960));
    expect((await startQuizClock(database.db, user.id, quiz.id, later(700))).clockStartedAt).toEqual(later(600));

    await answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "b", answerId: "clock-0001" }, later(630));
    expect((await database.db.quizQuestion.findUniqueOrThrow({ where: { id: question.id } })).timeMs).toBe(30_000);
  });

  it("refuses an answer after a timed paper's limit and finishes the paper at the limit", async () => {
    const user = await createUser(database.db);
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "custom", size: 5 }, MORNING);
    expect(quiz.timeLimitSec).toBe(360);
    await startQuizClock(database.db, user.id, quiz.id, MORNING);
    await answerQuestion(database.db, user.id, quiz.id, { questionId: quiz.questions[0]!.id, optionId: "b", answerId: "limit-0001" }, later(359));

    const late = await conflictOf(answerQuestion(database.db, user.id, quiz.id, { questionId: quiz.questions[1]!.id, optionId: "b", answerId: "limit-0002" }, later(361)));
    expect(late.code).toBe("time_up");
    expect(late.details).toEqual({ endsAt: later(360).toISOString() });
    const view = await quizView(database.db, user.id, quiz.id, later(400));
    expect(view.finishedAt).toEqual(later(360));
    expect(view.score).toMatchObject({ correct: 1, skipped: 4 });
    // Finishing late changes nothing: the paper ended at its limit.
    await finishQuiz(database.db, user.id, quiz.id, later(900));
    expect((await database.db.quizSession.findUniqueOrThrow({ where: { id: quiz.id } })).finishedAt).toEqual(later(360));
  });

  it("finishes a timed paper left open past its limit when it is next looked at, without anyone answering", async () => {
    const user = await createUser(database.db);
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "custom", size: 5 }, MORNING);
    await startQuizClock(database.db, user.id, quiz.id, MORNING);
    // Nothing to resume: the paper ended at its limit.
    expect(await unfinishedPracticeQuiz(database.db, user.id, later(3600))).toBeNull();
    expect((await quizView(database.db, user.id, quiz.id, later(3600))).finishedAt).toEqual(later(360));
  });

  it("allows untimed practice: no limit, and answers are taken whenever they come", async () => {
    const user = await createUser(database.db);
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "custom", size: 5, timed: false }, MORNING);
    expect(quiz.timeLimitSec).toBeNull();
    const started = await startQuizClock(database.db, user.id, quiz.id, MORNING);
    expect(started.endsAt).toBeNull();
    expect(await answerQuestion(database.db, user.id, quiz.id, { questionId: quiz.questions[0]!.id, optionId: "b", answerId: "untimed-0001" }, later(86_000))).toMatchObject({ correct: true });
    // Topic practice is untimed unless asked.
    const topic = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 1", replaceUnfinished: true }, later(86_100));
    expect(topic.timeLimitSec).toBeNull();
  });

  it("resumes an unfinished practice quiz, and starts another only when told to end it", async () => {
    const user = await createUser(database.db);
    expect(await unfinishedPracticeQuiz(database.db, user.id, MORNING)).toBeNull();
    const first = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 0", size: 3 }, MORNING);
    await startQuizClock(database.db, user.id, first.id, MORNING);
    await answerQuestion(database.db, user.id, first.id, { questionId: first.questions[0]!.id, optionId: "a", answerId: "resume-0001" }, later(20));

    // A reload, or coming back from another page: the same quiz, with its answer.
    const resumed = await unfinishedPracticeQuiz(database.db, user.id, later(60));
    expect(resumed?.id).toBe(first.id);
    expect(resumed?.questions[0]!.result).toMatchObject({ correct: false });

    const refused = await conflictOf(startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 1", size: 3 }, later(90)));
    expect(refused.code).toBe("unfinished_quiz");
    expect(refused.details).toEqual({ quizId: first.id });
    expect(await database.db.quizSession.count({ where: { userId: user.id } })).toBe(1);

    const second = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 1", size: 3, replaceUnfinished: true }, later(120));
    expect((await database.db.quizSession.findUniqueOrThrow({ where: { id: first.id } })).finishedAt).toEqual(later(120));
    expect((await unfinishedPracticeQuiz(database.db, user.id, later(130)))?.id).toBe(second.id);
    // The daily quiz is not practice: it never blocks one, and is never blocked.
    await dailyQuiz(database.db, user.id, later(140));
    expect((await unfinishedPracticeQuiz(database.db, user.id, later(150)))?.id).toBe(second.id);
  });

  it("shows no time per question for an unfinished quiz in the history", async () => {
    const user = await createUser(database.db);
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 0", size: 3 }, MORNING);
    await startQuizClock(database.db, user.id, quiz.id, later(3600));
    await answerQuestion(database.db, user.id, quiz.id, { questionId: quiz.questions[0]!.id, optionId: "b", answerId: "history-0001" }, later(3640));
    const [unfinished] = await quizHistory(database.db, user.id);
    expect(unfinished).toMatchObject({ id: quiz.id, finishedAt: null, averageTimeMs: null, correct: 1 });
    await finishQuiz(database.db, user.id, quiz.id, later(3700));
    // Finished, the time counts from Start (40 s), not from when the quiz was made an hour earlier.
    expect((await quizHistory(database.db, user.id))[0]).toMatchObject({ averageTimeMs: 40_000 });
  });

  it("keeps the question as shown when the bank is rebuilt: prompt, options, key and explanation", async () => {
    await createItems(database.db, [{ id: "mcq:rebuilt", type: "mcq", topic: "Rebuilt", factIds: ["rebuilt"] }]);
    const user = await createUser(database.db);
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Rebuilt" }, MORNING);
    await startQuizClock(database.db, user.id, quiz.id, MORNING);
    const [question] = quiz.questions;
    // A rebuild rewrites the item (another key, text and options) and then retires it.
    await database.db.bankItem.update({
      where: { id: "mcq:rebuilt" },
      data: { prompt: "Rewritten?", answer: "c", explanation: "New reason.", options: JSON.stringify([{ id: "c", text: "New" }]), sources: "[]", retiredAt: MORNING },
    });
    const reply = await answerQuestion(database.db, user.id, quiz.id, { questionId: question!.id, optionId: "b", answerId: "snapshot-0001" }, later(10));
    expect(reply).toMatchObject({ correct: true, key: "b", explanation: "Because mcq:rebuilt." });
    expect(reply).toMatchObject({ sources: [expect.anything()] });
    await finishQuiz(database.db, user.id, quiz.id, later(20));
    const results = await quizView(database.db, user.id, quiz.id, later(30));
    expect(results.questions[0]).toMatchObject({ prompt: "Question mcq:rebuilt?", topic: "Rebuilt", type: "mcq", result: { key: "b", explanation: "Because mcq:rebuilt." } });
    expect(results.questions[0]!.options.map((option) => option.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps a topic quiz about one meeting whole, under the sibling rule of every quiz", async () => {
    const fresh = await createTestDatabase(provider);
    try {
      // Six questions on one meeting: the bank lists no broad subject (the meeting) as a sibling key, only
      // narrow ones; two of them ask about one exercise welcomed there, and only one of those two is asked.
      await createItems(
        fresh.db,
        Array.from({ length: 6 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:m${index}`, type: QUIZ_TYPES[index % 5], topic: "Meeting", factIds: [`m${index}`], subjects: index < 2 ? ["the-exercise"] : [] })),
      );
      const user = await createUser(fresh.db);
      const quiz = await startPracticeQuiz(fresh.db, user.id, { mode: "topic", topic: "Meeting", size: 6 }, MORNING);
      expect(quiz.questions).toHaveLength(5);
    } finally {
      await fresh.drop();
    }
  });

  it("never asks two questions about one thing in one quiz, though their facts differ", async () => {
    const fresh = await createTestDatabase(provider);
    try {
      // Ten questions on ten facts, about five things: the summit's date and its venue are two facts of one summit.
      await createItems(fresh.db, Array.from({ length: 10 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:t${index}`, type: QUIZ_TYPES[index % 5], factIds: [`t${index}`], subjects: [`thing${index % 5}`] })));
      const user = await createUser(fresh.db, { dailyQuizSize: 10 });
      const quiz = await dailyQuiz(fresh.db, user.id, MORNING);
      const rows = await fresh.db.quizQuestion.findMany({ where: { quizId: quiz.id }, select: { item: { select: { subjects: true } } } });
      const things = rows.flatMap((row) => JSON.parse(row.item.subjects) as string[]);
      expect(things).toHaveLength(5);
      expect(new Set(things).size).toBe(5);
    } finally {
      await fresh.drop();
    }
  });

  it("never asks two questions of one fact in one quiz", async () => {
    const fresh = await createTestDatabase(provider);
    try {
      // Ten questions on five facts, two each.
      await createItems(fresh.db, Array.from({ length: 10 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:s${index}`, type: QUIZ_TYPES[index % 5], factIds: [`fact${index % 5}`] })));
      const user = await createUser(fresh.db, { dailyQuizSize: 10 });
      const quiz = await dailyQuiz(fresh.db, user.id, MORNING);
      const rows = await fresh.db.quizQuestion.findMany({ where: { quizId: quiz.id }, select: { item: { select: { factIds: true } } } });
      const facts = rows.flatMap((row) => JSON.parse(row.item.factIds) as string[]);
      expect(facts).toHaveLength(5);
      expect(new Set(facts).size).toBe(5);
    } finally {
      await fresh.drop();
    }
  });

  it("does not ask again today what was asked today, and says so when every question has been seen", async () => {
    const fresh = await createTestDatabase(provider);
    try {
      await createItems(fresh.db, Array.from({ length: 10 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:n${index}`, type: QUIZ_TYPES[index % 5], topic: `Topic ${index % 2}`, factIds: [`n${index}`] })));
      const user = await createUser(fresh.db, { dailyQuizSize: 6 });
      const daily = await dailyQuiz(fresh.db, user.id, MORNING);
      // The daily quiz is unanswered: its questions are still new, but they were asked today.
      const test = await startPracticeQuiz(fresh.db, user.id, { mode: "custom", size: 10 }, later(60));
      const dailyPrompts = new Set(daily.questions.map((question) => question.prompt));
      expect(test.questions).toHaveLength(4);
      expect(test.questions.some((question) => dailyPrompts.has(question.prompt))).toBe(false);

      const seen = await conflictOf(startPracticeQuiz(fresh.db, user.id, { mode: "custom", size: 5, replaceUnfinished: true }, later(120)));
      expect(seen.message).toMatch(/seen every question/);
      const topicSeen = await conflictOf(startPracticeQuiz(fresh.db, user.id, { mode: "topic", topic: "Topic 0", replaceUnfinished: true }, later(180)));
      expect(topicSeen.message).toMatch(/seen every question on this topic today/);
      // The refused requests ended nothing: the test is still there to resume.
      expect((await unfinishedPracticeQuiz(fresh.db, user.id, later(200)))?.id).toBe(test.id);
    } finally {
      await fresh.drop();
    }
  });
});
