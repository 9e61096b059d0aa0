import { State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { answerQuestion, finishQuiz, startPracticeQuiz, startQuizClock } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview, undoReview } from "@/lib/practice/reviews";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");

describeEachDatabase("requests racing each other", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 10 }, (_, index) => ({ id: `flashcard:f${index}`, factIds: [`f${index}`] })),
      ...Array.from({ length: 5 }, (_, index) => ({ id: `mcq:q${index}`, type: "mcq", factIds: [`f${index}`] })),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** The card's stored state agrees with its log: one rep and one version per rating, each on top of the last. */
  async function expectConsistent(cardId: string, ratings: number) {
    const card = await database.db.card.findUniqueOrThrow({ where: { id: cardId } });
    const logs = await database.db.reviewLog.findMany({ where: { cardId } });
    expect(logs).toHaveLength(ratings);
    expect(card.reps).toBe(ratings);
    expect(logs.map((log) => JSON.parse(log.cardBefore).reps).sort()).toEqual(Array.from({ length: ratings }, (_, index) => index));
  }

  it("applies three different ratings of one card sent at once, each exactly once", async () => {
    const user = await createUser(database.db);
    const [card] = await reviewQueue(database.db, user.id, 1, NOW);
    const results = await Promise.all(
      (["again", "good", "easy"] as const).map((rating, index) =>
        submitReview(database.db, user.id, { reviewId: `three-${index}-${user.id}`, cardId: card!.id, rating, durationMs: 1 }, NOW),
      ),
    );
    expect(new Set(results.map((result) => result.reviewId)).size).toBe(3);
    await expectConsistent(card!.id, 3);
    expect((await database.db.card.findUniqueOrThrow({ where: { id: card!.id } })).version).toBe(3);
  });

  it("stores one rating for a review id sent many times at once", async () => {
    const user = await createUser(database.db);
    const [card] = await reviewQueue(database.db, user.id, 1, NOW);
    const input = { reviewId: `same-${user.id}`, cardId: card!.id, rating: "good" as const, durationMs: 1 };
    const results = await Promise.all(Array.from({ length: 4 }, () => submitReview(database.db, user.id, input, NOW)));
    for (const result of results) expect(result).toEqual(results[0]);
    await expectConsistent(card!.id, 1);
  });

  it("never lets an undo and a new rating of one card overwrite each other", async () => {
    const user = await createUser(database.db);
    const [card] = await reviewQueue(database.db, user.id, 1, NOW);
    await submitReview(database.db, user.id, { reviewId: `first-${user.id}`, cardId: card!.id, rating: "good", durationMs: 1 }, NOW);
    const [undo] = await Promise.allSettled([
      undoReview(database.db, user.id, `first-${user.id}`),
      submitReview(database.db, user.id, { reviewId: `second-${user.id}`, cardId: card!.id, rating: "hard", durationMs: 1 }, NOW),
    ]);
    if (undo.status === "rejected") {
      // The rating came first: the first rating is no longer the card's latest, so it stays.
      expect(undo.reason).toBeInstanceOf(ConflictError);
      await expectConsistent(card!.id, 2);
    } else {
      await expectConsistent(card!.id, 1);
      expect(await database.db.reviewLog.findUnique({ where: { reviewId: `first-${user.id}` } })).toBeNull();
    }
  });

  it("gives each item one card when two queue requests introduce new cards together", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 5 });
    const [a, b] = await Promise.all([reviewQueue(database.db, user.id, 5, NOW), reviewQueue(database.db, user.id, 5, NOW)]);
    for (const queue of [a!, b!]) {
      expect(queue).toHaveLength(5);
      expect(new Set(queue.map((card) => card.itemId)).size).toBe(5);
    }
    // Either both served the same new cards, or the later one introduced the next ones: never two cards for an item.
    const cards = await database.db.card.findMany({ where: { userId: user.id }, select: { id: true, itemId: true } });
    expect(new Set(cards.map((card) => card.itemId)).size).toBe(cards.length);
    expect(new Set([...a!, ...b!].map((card) => card.id)).size).toBeLessThanOrEqual(cards.length);
    // The daily limit counts first ratings, so extra waiting cards never raise it.
    for (const card of a!) await submitReview(database.db, user.id, { reviewId: `limit-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, NOW);
    expect((await reviewQueue(database.db, user.id, 50, NOW)).filter((card) => card.state === State.New)).toHaveLength(0);
  });

  it("keeps the first of two different answers sent at once, and rates its cards once", async () => {
    const user = await createUser(database.db, { newCardsPerDay: 10 });
    for (const card of await reviewQueue(database.db, user.id, 10, NOW)) {
      await submitReview(database.db, user.id, { reviewId: `study-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, NOW);
    }
    const quiz = await startQuizClock(database.db, user.id, (await startPracticeQuiz(database.db, user.id, { mode: "custom", size: 5 }, NOW)).id, NOW);
    const question = quiz.questions[0]!;
    const replies = await Promise.all([
      answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "b", answerId: `right-${user.id}` }, NOW),
      answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "a", answerId: `wrong-${user.id}` }, NOW),
      answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "b", answerId: `right-${user.id}` }, NOW),
    ]);
    const stored = await database.db.quizQuestion.findUniqueOrThrow({ where: { id: question.id } });
    for (const reply of replies) expect(reply).toMatchObject({ chosenOptionId: stored.chosenOptionId, correct: stored.correct, score: { answered: 1 } });
    // The question's card and the studied flashcard of its fact: one rating each, from the winning answer.
    const logs = await database.db.reviewLog.findMany({ where: { userId: user.id, origin: "quiz" } });
    expect(logs).toHaveLength(2);
    expect(logs.every((log) => log.reviewId.startsWith(`${stored.answerId}:`))).toBe(true);
    expect(new Set(logs.map((log) => log.rating))).toEqual(new Set([stored.correct ? 3 : 1]));
    const flashcard = await database.db.card.findFirstOrThrow({ where: { userId: user.id, itemId: stored.itemId.replace("mcq:q", "flashcard:f") } });
    expect(flashcard.state).not.toBe(State.New);
    await expectConsistent(flashcard.id, 2);
  });

  /** A user who has studied every flashcard once, with a started practice quiz of the mcq items. */
  async function studiedUserWithQuiz() {
    const user = await createUser(database.db, { newCardsPerDay: 10 });
    for (const card of await reviewQueue(database.db, user.id, 10, NOW)) {
      await submitReview(database.db, user.id, { reviewId: `study-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, NOW);
    }
    const quiz = await startQuizClock(database.db, user.id, (await startPracticeQuiz(database.db, user.id, { mode: "custom", size: 5 }, NOW)).id, NOW);
    return { user, quiz };
  }

  it("stores an answer retried while its first copy is in flight once, and gives every copy the same reply", async () => {
    const { user, quiz } = await studiedUserWithQuiz();
    const question = quiz.questions[0]!;
    const input = { questionId: question.id, optionId: "a", answerId: `retried-${user.id}`, confidence: "sure" as const };
    const replies = await Promise.all([1, 2, 3].map(() => answerQuestion(database.db, user.id, quiz.id, input, NOW)));
    for (const reply of replies) expect(reply).toEqual(replies[0]);
    expect(replies[0]).toMatchObject({ chosenOptionId: "a", confidence: "sure", score: { answered: 1 } });
    const logs = await database.db.reviewLog.findMany({ where: { userId: user.id, origin: "quiz" } });
    expect(logs.map((log) => log.reviewId.split(":")[0])).toEqual([input.answerId, input.answerId]);
    const item = await database.db.quizQuestion.findUniqueOrThrow({ where: { id: question.id } });
    const flashcard = await database.db.card.findFirstOrThrow({ where: { userId: user.id, itemId: item.itemId.replace("mcq:q", "flashcard:f") } });
    await expectConsistent(flashcard.id, 2);
  });

  it("refuses an answer id already used for another question, and stores and rates nothing for it", async () => {
    const { user, quiz } = await studiedUserWithQuiz();
    const [first, second] = quiz.questions;
    await answerQuestion(database.db, user.id, quiz.id, { questionId: first!.id, optionId: "b", answerId: `twice-${user.id}` }, NOW);
    const logsBefore = await database.db.reviewLog.count({ where: { userId: user.id } });
    const reused = await answerQuestion(database.db, user.id, quiz.id, { questionId: second!.id, optionId: "b", answerId: `twice-${user.id}` }, NOW).catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(ConflictError);
    expect(await database.db.quizQuestion.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({ answeredAt: null, answerId: null });
    expect(await database.db.reviewLog.count({ where: { userId: user.id } })).toBe(logsBefore);
  });

  it("stores an answer racing the quiz's finish whole before it, or refuses it whole", async () => {
    const { user, quiz } = await studiedUserWithQuiz();
    const question = quiz.questions[0]!;
    const [answer] = await Promise.allSettled([
      answerQuestion(database.db, user.id, quiz.id, { questionId: question.id, optionId: "b", answerId: `finish-race-${user.id}` }, NOW),
      finishQuiz(database.db, user.id, quiz.id, NOW),
    ]);
    const stored = await database.db.quizQuestion.findUniqueOrThrow({ where: { id: question.id } });
    const logs = await database.db.reviewLog.count({ where: { userId: user.id, origin: "quiz" } });
    if (answer.status === "fulfilled") {
      expect(stored.answerId).toBe(`finish-race-${user.id}`);
      expect(logs).toBe(2);
    } else {
      expect(answer.reason).toBeInstanceOf(ConflictError);
      expect(stored.answeredAt).toBeNull();
      expect(logs).toBe(0);
    }
  });
});
