import { afterAll, beforeAll, expect, it } from "vitest";
import { dayPlan } from "@/lib/today/day-plan";
import { answerQuestion, dailyQuiz, finishQuiz, startQuizClock } from "@/lib/practice/quiz";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// 10:00 on 20 November 2026 in Kolkata.
const MORNING = new Date("2026-11-20T04:30:00Z");
const LATER = new Date("2026-11-20T05:00:00Z");

describeEachDatabase("Today's plan", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 6 }, (_, index) => ({ id: `flashcard:f${index}`, topic: index < 3 ? "Polity" : "Economy" })),
      ...Array.from({ length: 8 }, (_, index) => ({ id: `mcq:q${index}`, type: "mcq", topic: index % 2 === 0 ? "Polity > Parliament" : "Economy > Budget" })),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("before anything is done: flashcards first, then the quiz with its size and minutes, no weak topics, no exam plan", async () => {
    const user = await createUser(database.db, { timeZone: "Asia/Kolkata", newCardsPerDay: 4, dailyQuizSize: 5 });
    const plan = await dayPlan(database.db, user.id, MORNING);
    expect(plan.flashcards).toEqual({ due: 0, new: 4, reviewedToday: 0, done: false });
    // 5 questions at 72 seconds: 6 minutes.
    expect(plan.quiz).toEqual({ status: "not-started", questions: 5, minutes: 6, answered: 0, score: null, done: false });
    expect(plan.weakTopics).toEqual([]);
    expect(plan.next).toBe("flashcards");
    expect(plan.exam).toBeNull();
  });

  it("the quiz's own size and time once made; topics answered below the target are weak, weakest first, with links to practise", async () => {
    const user = await createUser(database.db, { timeZone: "Asia/Kolkata", newCardsPerDay: 0, dailyQuizSize: 6 });
    const quiz = await dailyQuiz(database.db, user.id, MORNING);
    await startQuizClock(database.db, user.id, quiz.id, MORNING);
    for (const [index, question] of quiz.questions.entries()) {
      // Every Economy question wrong, Polity questions right except the first.
      const wrong = question.topic.startsWith("Economy") || index === quiz.questions.findIndex((candidate) => candidate.topic.startsWith("Polity"));
      await answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: wrong ? "a" : "b", answerId: `plan-${index}-${quiz.id}` }, MORNING);
    }
    // A skipped question is behind the user too.
    const extra = await createUser(database.db, { timeZone: "Asia/Kolkata", newCardsPerDay: 0, dailyQuizSize: 5 });
    const extraQuiz = await dailyQuiz(database.db, extra.id, MORNING);
    await startQuizClock(database.db, extra.id, extraQuiz.id, MORNING);
    await answerQuestion(database.db, extra.id, extraQuiz.id, { questionId: extraQuiz.questions[0]!.id, optionId: null, answerId: `skip-${extraQuiz.id}` }, MORNING);
    expect((await dayPlan(database.db, extra.id, MORNING)).quiz).toMatchObject({ status: "in-progress", answered: 1, questions: 5 });
    const plan = await dayPlan(database.db, user.id, MORNING);
    expect(plan.flashcards.done).toBe(true);
    expect(plan.quiz).toMatchObject({ status: "in-progress", questions: 6, minutes: Math.ceil((6 * 72) / 60), answered: 6, done: false });
    expect(plan.next).toBe("quiz");
    expect(plan.weakTopics.map(({ topic }) => topic)).toEqual(["Economy > Budget", "Polity > Parliament"]);
    expect(plan.weakTopics[0]).toMatchObject({ accuracy: 0, correct: 0 });

    await finishQuiz(database.db, user.id, quiz.id, LATER);
    const after = await dayPlan(database.db, user.id, LATER);
    expect(after.quiz).toMatchObject({ status: "finished", done: true });
    expect(after.next).toBe("weak-topics");
  });

  it("with an exam date: the day's share of the readiness plan; the final stretch in the last week", async () => {
    const user = await createUser(database.db, { timeZone: "Asia/Kolkata", newCardsPerDay: 20, dailyQuizSize: 5, examDate: "2027-01-19" });
    const plan = await dayPlan(database.db, user.id, MORNING);
    expect(plan.exam).toMatchObject({ date: "2027-01-19", daysLeft: 60, finalStretch: false, targetRetention: 0.9, newCardsLimitTooLow: false });
    // 14 items never studied, introduced over the 53 days before the last week: one a day.
    expect(plan.exam?.newCardsPerDay).toBe(1);
    // Read against the limit in Settings, which is higher: the page says that one a day is enough.
    expect(plan.exam).toMatchObject({ newCards: 14, newCardsLimit: 20 });
    expect(plan.exam?.reviewsPerDay).toBeGreaterThan(0);

    const lastWeek = await createUser(database.db, { timeZone: "Asia/Kolkata", examDate: "2026-11-25" });
    expect((await dayPlan(database.db, lastWeek.id, MORNING)).exam).toMatchObject({ daysLeft: 5, finalStretch: true });
    const examDay = await createUser(database.db, { timeZone: "Asia/Kolkata", examDate: "2026-11-20" });
    expect((await dayPlan(database.db, examDay.id, MORNING)).exam).toMatchObject({ daysLeft: 0, reviewsPerDay: null, finalStretch: false });
    const passed = await createUser(database.db, { timeZone: "Asia/Kolkata", examDate: "2026-11-19" });
    expect((await dayPlan(database.db, passed.id, MORNING)).exam).toBeNull();
  });
});
