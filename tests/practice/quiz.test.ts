import { State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { answerQuestion, dailyQuiz, finishQuiz, quizView, startPracticeQuiz, startQuizClock } from "@/lib/practice/quiz";
import { quizAnswerReviewId } from "@/lib/practice/quiz/answer-ratings";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview, undoReview } from "@/lib/practice/reviews";
import { todaySummary } from "@/lib/today/summary";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// 23:30 and 00:30 in Asia/Kolkata (UTC+5:30) on either side of midnight; both are 18:00-19:00 UTC of one UTC day.
const LATE_EVENING_IST = new Date("2026-11-20T18:00:00Z");
const AFTER_MIDNIGHT_IST = new Date("2026-11-20T19:00:00Z");

const QUIZ_TYPES = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];

describeEachDatabase("quizzes", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 20 }, (_, index) => ({ id: `${QUIZ_TYPES[index % 5]}:q${index}`, type: QUIZ_TYPES[index % 5], topic: `Topic ${index % 3}`, factIds: [`f${index}`] })),
      // Ids as the generator makes them: the family, then a hash of the wording.
      { id: "flashcard:f0~7b87fa36", factIds: ["f0"] },
      { id: "flashcard:f5~02fdd6fe", factIds: ["f5"] },
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("makes one daily quiz per local day, mixing types and topics, with no keys before answering", async () => {
    const user = await createUser(database.db, { dailyQuizSize: 10 });
    const quiz = await dailyQuiz(database.db, user.id, LATE_EVENING_IST);
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.timeLimitSec).toBe(720);
    expect(new Set(quiz.questions.map((question) => question.type)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(quiz.questions.map((question) => question.topic)).size).toBe(3);
    expect(quiz.questions.every((question) => question.result === null)).toBe(true);
    expect(JSON.stringify(quiz)).not.toMatch(/"(answer|key|explanation|sources)"/);

    const concurrent = await Promise.all([dailyQuiz(database.db, user.id, LATE_EVENING_IST), dailyQuiz(database.db, user.id, LATE_EVENING_IST)]);
    expect(concurrent.map((view) => view.id)).toEqual([quiz.id, quiz.id]);
    // Half past midnight in Kolkata is a new day there, though still the same UTC day.
    const next = await dailyQuiz(database.db, user.id, AFTER_MIDNIGHT_IST);
    expect(next.id).not.toBe(quiz.id);
    expect(next.dailyDay).toBe("2026-11-21");
    expect(quiz.dailyDay).toBe("2026-11-20");
    // For a user in UTC, both instants fall on the same day.
    const utcUser = await createUser(database.db, { timeZone: "UTC", dailyQuizSize: 5 });
    expect((await dailyQuiz(database.db, utcUser.id, LATE_EVENING_IST)).id).toBe((await dailyQuiz(database.db, utcUser.id, AFTER_MIDNIGHT_IST)).id);
  });

  it("marks answers UPSC-style, keeps the first answer, resumes, and schedules the facts behind each answer", async () => {
    const user = await createUser(database.db, { dailyQuizSize: 5, newCardsPerDay: 5 });
    // The user has studied the flashcards of facts f0 and f5.
    for (const card of await reviewQueue(database.db, user.id, 10, LATE_EVENING_IST)) {
      await submitReview(database.db, user.id, { reviewId: `study-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, LATE_EVENING_IST);
    }
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 0", size: 5 }, LATE_EVENING_IST);
    await startQuizClock(database.db, user.id, quiz.id, LATE_EVENING_IST);
    expect(quiz.questions.every((question) => question.topic === "Topic 0")).toBe(true);
    const [right, wrong, skipped] = quiz.questions;

    const first = await answerQuestion(database.db, user.id, quiz.id, { questionId: right!.id, optionId: "b", answerId: "answer-0001" }, LATE_EVENING_IST);
    expect(first).toMatchObject({ correct: true, key: "b", chosenOptionId: "b", score: { score: 2 } });
    expect(first).toMatchObject({ explanation: expect.stringMatching(/^Because/), sources: [expect.anything()] });
    // Answering again, even differently, keeps the first answer.
    expect(await answerQuestion(database.db, user.id, quiz.id, { questionId: right!.id, optionId: "c", answerId: "answer-0002" }, LATE_EVENING_IST)).toMatchObject({ correct: true, chosenOptionId: "b" });

    expect(await answerQuestion(database.db, user.id, quiz.id, { questionId: wrong!.id, optionId: "a", answerId: "answer-0003" }, LATE_EVENING_IST)).toMatchObject({ correct: false, score: { score: 1.33 } });
    expect(await answerQuestion(database.db, user.id, quiz.id, { questionId: skipped!.id, optionId: null, answerId: "answer-0004" }, LATE_EVENING_IST)).toMatchObject({ correct: null, score: { score: 1.33, skipped: 3 } });

    // Resuming: answered questions carry their results, the rest do not.
    const resumed = await quizView(database.db, user.id, quiz.id, LATE_EVENING_IST);
    expect(resumed.questions.map((question) => (question.result ? question.result.correct : "open"))).toEqual([true, false, null, "open", "open"]);
    expect(resumed.questions[3]!.result).toBeNull();

    // The questions' own cards were rated (Good, Again); skipping rated nothing.
    const rated = await database.db.reviewLog.findMany({ where: { userId: user.id, origin: "quiz" }, select: { rating: true, card: { select: { itemId: true } } } });
    const byItem = new Map(rated.map((log) => [log.card.itemId, log.rating]));
    expect(byItem.get((await database.db.quizQuestion.findUniqueOrThrow({ where: { id: right!.id } })).itemId)).toBe(3);
    expect(byItem.get((await database.db.quizQuestion.findUniqueOrThrow({ where: { id: wrong!.id } })).itemId)).toBe(1);
    expect(byItem.has((await database.db.quizQuestion.findUniqueOrThrow({ where: { id: skipped!.id } })).itemId)).toBe(false);

    expect(await finishQuiz(database.db, user.id, quiz.id, LATE_EVENING_IST)).toMatchObject({ score: 1.33, maxScore: 10, correct: 1, wrong: 1, skipped: 3 });
    const finished = await quizView(database.db, user.id, quiz.id, LATE_EVENING_IST);
    expect(finished.questions.every((question) => question.result?.key === "b")).toBe(true);
    await expect(answerQuestion(database.db, user.id, quiz.id, { questionId: finished.questions[4]!.id, optionId: "b", answerId: "answer-0005" }, LATE_EVENING_IST)).rejects.toThrow(ConflictError);

    // Retry my mistakes: exactly the question answered wrong.
    const mistakes = await startPracticeQuiz(database.db, user.id, { mode: "mistakes" }, LATE_EVENING_IST);
    expect(mistakes.questions.map((question) => question.id)).toHaveLength(1);
  });

  it("rates the studied flashcards of the facts behind a question", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 5 });
    for (const card of await reviewQueue(database.db, user.id, 10, LATE_EVENING_IST)) {
      await submitReview(database.db, user.id, { reviewId: `fact-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, LATE_EVENING_IST);
    }
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 0", size: 10 }, LATE_EVENING_IST);
    await startQuizClock(database.db, user.id, quiz.id, LATE_EVENING_IST);
    const question = quiz.questions.find((candidate) => candidate.prompt === "Question mcq:q0?")!;
    await answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "a", answerId: "fact-answer-1" }, LATE_EVENING_IST);
    const flashcard = await database.db.card.findFirstOrThrow({ where: { userId: user.id, itemId: "flashcard:f0~7b87fa36" } });
    expect(flashcard.lapses).toBe(0);
    expect(flashcard.state).toBe(State.Learning);
    expect(await database.db.reviewLog.count({ where: { cardId: flashcard.id, origin: "quiz", rating: 1 } })).toBe(1);
  });

  it("rates quiz questions' cards only through answers, and keeps a quiz answer's ratings", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 5 });
    for (const card of await reviewQueue(database.db, user.id, 10, LATE_EVENING_IST)) {
      await submitReview(database.db, user.id, { reviewId: `keep-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, LATE_EVENING_IST);
    }
    const quiz = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Topic 0", size: 10 }, LATE_EVENING_IST);
    await startQuizClock(database.db, user.id, quiz.id, LATE_EVENING_IST);
    const question = quiz.questions.find((candidate) => candidate.prompt === "Question mcq:q0?")!;
    await answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "b", answerId: "keep-answer-1" }, LATE_EVENING_IST);
    const questionCard = await database.db.card.findFirstOrThrow({ where: { userId: user.id, itemId: "mcq:q0" } });
    await expect(submitReview(database.db, user.id, { reviewId: "keep-direct-1", cardId: questionCard.id, rating: "easy", durationMs: 1 }, LATE_EVENING_IST)).rejects.toThrow(NotFoundError);
    await expect(undoReview(database.db, user.id, quizAnswerReviewId("keep-answer-1", questionCard.id))).rejects.toThrow(ConflictError);
    expect(await database.db.reviewLog.count({ where: { cardId: questionCard.id } })).toBe(1);
  });

  it("shows another user's quiz to nobody, and refuses unknown options", async () => {
    const owner = await createUser(database.db, { dailyQuizSize: 5 });
    const stranger = await createUser(database.db);
    const quiz = await startQuizClock(database.db, owner.id, (await dailyQuiz(database.db, owner.id, LATE_EVENING_IST)).id, LATE_EVENING_IST);
    await expect(quizView(database.db, stranger.id, quiz.id, LATE_EVENING_IST)).rejects.toThrow(NotFoundError);
    await expect(answerQuestion(database.db, stranger.id, quiz.id, { questionId: quiz.questions[0]!.id, optionId: "a", answerId: "stranger-01" }, LATE_EVENING_IST)).rejects.toThrow(NotFoundError);
    await expect(finishQuiz(database.db, stranger.id, quiz.id, LATE_EVENING_IST)).rejects.toThrow(NotFoundError);
    await expect(answerQuestion(database.db, owner.id, quiz.id, { questionId: quiz.questions[0]!.id, optionId: "z", answerId: "owner-0001" }, LATE_EVENING_IST)).rejects.toThrow(NotFoundError);
  });

  it("sums up the day for the Today page in the user's zone", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 2, dailyQuizSize: 5, examDate: "2026-11-30" });
    expect(await todaySummary(database.db, user.id, LATE_EVENING_IST)).toMatchObject({
      day: "2026-11-20",
      due: 0,
      new: 2,
      reviewedToday: 0,
      quiz: { id: null, status: "not-started" },
      exam: { date: "2026-11-30", daysLeft: 10 },
    });
    const [card] = await reviewQueue(database.db, user.id, 1, LATE_EVENING_IST);
    await submitReview(database.db, user.id, { reviewId: "today-0001", cardId: card!.id, rating: "good", durationMs: 1 }, LATE_EVENING_IST);
    const quiz = await dailyQuiz(database.db, user.id, LATE_EVENING_IST);
    const today = await todaySummary(database.db, user.id, LATE_EVENING_IST);
    expect(today).toMatchObject({ new: 1, reviewedToday: 1, quiz: { id: quiz.id, status: "in-progress" }, streak: { current: 1 } });
    expect(today.due).toBe(1);
    expect((await todaySummary(database.db, user.id, AFTER_MIDNIGHT_IST)).exam?.daysLeft).toBe(9);
  });

  it("practises a topic with its subtopics", async () => {
    await createItems(database.db, [
      { id: "mcq:polity-1", type: "mcq", topic: "Polity > Parliament" },
      { id: "mcq:polity-2", type: "mcq", topic: "Polity > Judiciary" },
      { id: "mcq:polity-3", type: "mcq", topic: "Polity" },
      { id: "mcq:polity-4", type: "mcq", topic: "Polity and Governance" },
    ]);
    const user = await createUser(database.db);
    const broad = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Polity", size: 10 }, LATE_EVENING_IST);
    expect(broad.questions.map((question) => question.topic).sort()).toEqual(["Polity", "Polity > Judiciary", "Polity > Parliament"]);
    // A later day: questions asked today are not asked again today.
    const leaf = await startPracticeQuiz(database.db, user.id, { mode: "topic", topic: "Polity > Judiciary", replaceUnfinished: true }, new Date(LATE_EVENING_IST.getTime() + 86_400_000));
    expect(leaf.questions.map((question) => question.topic)).toEqual(["Polity > Judiciary"]);
  });
});
