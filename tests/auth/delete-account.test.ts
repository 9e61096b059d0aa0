import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { registerUser } from "@/lib/auth/accounts";
import { deleteAccount, WRONG_DELETION_CONFIRMATION_MESSAGE } from "@/lib/auth/delete-account";
import { requestPasswordReset } from "@/lib/auth/reset-tokens";
import { sessionIsLive, startSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { RejectedFieldError } from "@/lib/errors";
import { answerQuestion, dailyQuiz, startQuizClock } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { reportItem } from "@/lib/reports/reports";
import { registrationSchema } from "@/lib/validation/account";
import { createItems } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const PASSWORD = "correct horse battery";
const REPORTED = "mcq:q0";

type UserModel = Exclude<Prisma.ModelName, "BankItem">;

/**
 * A user's rows in every table that holds users' data. Typed over Prisma's model names, so a new table
 * fails to compile here until the test (and deleteAccount) say whose rows it holds.
 */
const ROWS_OF: Record<UserModel, (db: Db, userId: string) => Promise<number>> = {
  User: (db, id) => db.user.count({ where: { id } }),
  UserSettings: (db, userId) => db.userSettings.count({ where: { userId } }),
  MemoryModel: (db, userId) => db.memoryModel.count({ where: { userId } }),
  BackgroundJob: (db, userId) => db.backgroundJob.count({ where: { userId } }),
  PasswordReset: (db, userId) => db.passwordReset.count({ where: { userId } }),
  UserSession: (db, userId) => db.userSession.count({ where: { userId } }),
  Card: (db, userId) => db.card.count({ where: { userId } }),
  ReviewLog: (db, userId) => db.reviewLog.count({ where: { userId } }),
  StudyDay: (db, userId) => db.studyDay.count({ where: { userId } }),
  FlashcardTopicTally: (db, userId) => db.flashcardTopicTally.count({ where: { userId } }),
  QuizSession: (db, userId) => db.quizSession.count({ where: { userId } }),
  QuizQuestion: (db, userId) => db.quizQuestion.count({ where: { quiz: { userId } } }),
  ItemReport: (db, userId) => db.itemReport.count({ where: { userId } }),
};

describeEachDatabase("account deletion", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, [
      ...Array.from({ length: 6 }, (_, index) => ({ id: `flashcard:f${index}`, topic: `Topic ${index % 2}`, factIds: [`f${index}`] })),
      ...Array.from({ length: 20 }, (_, index) => ({ id: `mcq:q${index}`, type: "mcq", factIds: [`q${index}`] })),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** A learner with something in every table: sessions, a reset link, reviews, a quiz answered, a report. */
  async function learnerWithHistory(email: string) {
    const db = database.db;
    const { id } = await registerUser(db, registrationSchema.parse({ email, password: PASSWORD }));
    const sessions = [await startSession(db, id, NOW), await startSession(db, id, NOW)];
    await requestPasswordReset(db, email, NOW);
    for (const card of await reviewQueue(db, id, 3, NOW)) {
      await submitReview(db, id, { reviewId: `r-${card.id}`, cardId: card.id, rating: "good", durationMs: 1 }, NOW);
    }
    const quiz = await dailyQuiz(db, id, NOW);
    await startQuizClock(db, id, quiz.id, NOW);
    const question = quiz.questions[0]!;
    await answerQuestion(db, id, quiz.id, { questionId: question.id, optionId: question.options[0]!.id, answerId: `a-${id}` }, NOW);
    await reportItem(db, id, REPORTED, { reason: "wrong-answer" }, NOW);
    // A memory-model fit's record (too few reviews to fit, as for any new learner).
    await db.memoryModel.create({ data: { userId: id, fittedAt: NOW, outcome: "too-few-reviews", reason: "fewer than 400 reviews" } });
    await db.backgroundJob.create({ data: { id: randomUUID(), userId: id, kind: "memory-model-fit", status: "running", activeKey: `memory-model-fit:${id}`, createdAt: NOW } });
    return { id, email, sessions };
  }

  const rowsOf = async (userId: string) =>
    Object.fromEntries(await Promise.all(Object.entries(ROWS_OF).map(async ([model, count]) => [model, await count(database.db, userId)] as const)));

  it("covers every table but the bank", () => {
    expect(Object.keys(ROWS_OF).sort()).toEqual(Object.keys(Prisma.ModelName).filter((model) => model !== "BankItem").sort());
  });

  it("deletes every row of the user, and nothing of anyone else's; the user's sessions are refused", async () => {
    const gone = await learnerWithHistory("leaving@example.in");
    const [stays, third] = [await learnerWithHistory("staying@example.in"), await learnerWithHistory("third@example.in")];
    // Three learners' wrong-answer reports withhold the item.
    expect((await database.db.bankItem.findUniqueOrThrow({ where: { id: REPORTED } })).withheldAt).not.toBeNull();
    const before = await rowsOf(gone.id);
    for (const [model, rows] of Object.entries(before)) expect(rows, `${model} is seeded`).toBeGreaterThan(0);
    const othersBefore = [await rowsOf(stays.id), await rowsOf(third.id)];
    const bankItems = await database.db.bankItem.count();

    await deleteAccount(database.db, gone.id, "  Leaving@Example.IN ", NOW);

    for (const [model, rows] of Object.entries(await rowsOf(gone.id))) expect(rows, `${model} rows left`).toBe(0);
    expect([await rowsOf(stays.id), await rowsOf(third.id)]).toEqual(othersBefore);
    expect(await database.db.bankItem.count()).toBe(bankItems);
    for (const sid of gone.sessions) expect(await sessionIsLive(database.db, { sub: gone.id, sid }, NOW)).toBe(false);
    expect(await sessionIsLive(database.db, { sub: stays.id, sid: stays.sessions[0] }, NOW)).toBe(true);
    // Two learners' reports are left: below the rule's three, the item is served again.
    expect((await database.db.bankItem.findUniqueOrThrow({ where: { id: REPORTED } })).withheldAt).toBeNull();
  });

  it("takes the password as confirmation too, and anything else deletes nothing", async () => {
    const user = await learnerWithHistory("confirm@example.in");
    const before = await rowsOf(user.id);
    for (const wrong of ["someone@example.in", "not the password", "confirm@example"]) {
      const refusal = deleteAccount(database.db, user.id, wrong, NOW);
      await expect(refusal).rejects.toBeInstanceOf(RejectedFieldError);
      await expect(refusal).rejects.toThrow(WRONG_DELETION_CONFIRMATION_MESSAGE);
    }
    expect(await rowsOf(user.id)).toEqual(before);
    await deleteAccount(database.db, user.id, PASSWORD, NOW);
    expect(await database.db.user.count({ where: { id: user.id } })).toBe(0);
  });
});
