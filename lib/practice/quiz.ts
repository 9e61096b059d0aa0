import { State } from "ts-fsrs";
import type { Citation, ItemType, Option } from "@/lib/content/bank";
import { topicCovers } from "@/lib/content/schema";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assembleQuiz, type Candidate } from "@/lib/quiz/assemble";
import { scoreQuiz, SECONDS_PER_QUESTION, type QuizScore } from "@/lib/quiz/marking";
import { CARD_STATE_SELECT, newCardState, type RatingName } from "@/lib/srs/schedule";
import { userDay } from "./day";
import { QUIZ_TYPES, RECALL_TYPES } from "./items";
import { DEFAULT_POLICY, DEFAULT_TIME_ZONE, policyOf } from "./policy";
import { isUniqueViolation, MAX_ATTEMPTS, StaleCardError, writeRatings, type PlannedRating } from "./reviews";

export type QuizMode = "daily" | "topic" | "mistakes" | "custom";

export type AnswerResult = { chosenOptionId: string | null; correct: boolean | null; key: string; explanation: string; sources: Citation[] };

export type QuizQuestionView = { id: string; position: number; type: ItemType; topic: string; prompt: string; options: Option[]; result: AnswerResult | null };

export type QuizView = {
  id: string;
  mode: QuizMode;
  topic: string | null;
  dailyDay: string | null;
  timeLimitSec: number;
  startedAt: Date;
  finishedAt: Date | null;
  questions: QuizQuestionView[];
  score: QuizScore;
};

export type AnswerReply = AnswerResult & { questionId: string; score: QuizScore };

const FRESH_CANDIDATES = 400;
const MISTAKE_LOOKBACK = 500;
const DEFAULT_PRACTICE_SIZE = 10;

const QUESTION_FIELDS = {
  id: true,
  position: true,
  chosenOptionId: true,
  correct: true,
  answeredAt: true,
  item: { select: { type: true, topic: true, prompt: true, options: true, answer: true, explanation: true, sources: true } },
} as const;

/**
 * Today's quiz for the user, made on the first request of their day (in their time zone) and the same
 * quiz for every request after that, finished or not. Two first requests at once make one quiz: the
 * unique (userId, dailyDay) index decides and the loser reads the winner's.
 */
export async function dailyQuiz(db: Db, userId: string, now: Date): Promise<QuizView> {
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true, dailyQuizSize: true } });
  const { day, end } = userDay(now, settings?.timeZone ?? DEFAULT_TIME_ZONE);
  const existing = await db.quizSession.findUnique({ where: { userId_dailyDay: { userId, dailyDay: day } }, select: { id: true } });
  if (existing) return quizView(db, userId, existing.id);
  const size = settings?.dailyQuizSize ?? 15;
  const chosen = assembleQuiz(await dueQuizCandidates(db, userId, end, size), await freshQuizCandidates(db, userId), size, `${userId}:${day}`);
  try {
    const { id } = await createQuiz(db, userId, { mode: "daily", dailyDay: day, topic: null }, chosen, now);
    return quizView(db, userId, id);
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await db.quizSession.findUniqueOrThrow({ where: { userId_dailyDay: { userId, dailyDay: day } }, select: { id: true } });
    return quizView(db, userId, winner.id);
  }
}

export type PracticeRequest = { mode: "topic"; topic: string; size?: number } | { mode: "mistakes"; size?: number } | { mode: "custom"; size: number };

/** A quiz outside the daily one: a topic, the questions last answered wrong, or a timed test of any size. */
export async function startPracticeQuiz(db: Db, userId: string, request: PracticeRequest, now: Date): Promise<QuizView> {
  const size = request.size ?? DEFAULT_PRACTICE_SIZE;
  const seed = `${userId}:${now.toISOString()}`;
  let chosen: Candidate[];
  if (request.mode === "topic") {
    // A topic includes its subtopics. Matched in code, exactly: Prisma's startsWith is a LIKE, where
    // % and _ are wildcards and SQLite ignores case. The bank has a few hundred topics.
    const live = { type: { in: QUIZ_TYPES }, retiredAt: null };
    const topics = (await db.bankItem.groupBy({ by: ["topic"], where: live })).map(({ topic }) => topic).filter((topic) => topicCovers(request.topic, topic));
    const items = await db.bankItem.findMany({
      where: { ...live, topic: { in: topics } },
      select: { id: true, topic: true, type: true },
      orderBy: { id: "asc" },
    });
    if (items.length === 0) throw new NotFoundError("There are no questions on that topic.");
    chosen = assembleQuiz([], items.map(toCandidate), size, seed);
  } else if (request.mode === "mistakes") {
    chosen = (await lastAnsweredWrong(db, userId)).slice(0, size);
    if (chosen.length === 0) throw new ConflictError("You have no wrong answers to retry yet.");
  } else {
    const settings = await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } });
    const { end } = userDay(now, settings?.timeZone ?? DEFAULT_TIME_ZONE);
    chosen = assembleQuiz(await dueQuizCandidates(db, userId, end, size), await freshQuizCandidates(db, userId), size, seed);
  }
  const { id } = await createQuiz(db, userId, { mode: request.mode, dailyDay: null, topic: request.mode === "topic" ? request.topic : null }, chosen, now);
  return quizView(db, userId, id);
}

function toCandidate(item: { id: string; topic: string; type: string }): Candidate {
  return { itemId: item.id, topic: item.topic, type: item.type };
}

/** Questions the user has answered before that fall due before `dueBefore` (the end of their day), most overdue first. */
async function dueQuizCandidates(db: Db, userId: string, dueBefore: Date, size: number): Promise<Candidate[]> {
  const cards = await db.card.findMany({
    where: { userId, state: { not: State.New }, due: { lt: dueBefore }, item: { type: { in: QUIZ_TYPES }, retiredAt: null } },
    orderBy: { due: "asc" },
    take: size,
    select: { item: { select: { id: true, topic: true, type: true } } },
  });
  return cards.map((card) => toCandidate(card.item));
}

/**
 * Questions the user has never had rated (no card, or a card still new), a sample of at most
 * FRESH_CANDIDATES for assembleQuiz to spread over topics and formats. Taken in content-hash order, which
 * is fixed but unrelated to type or topic: ids start with the type ("mcq:…"), so id order would fill the
 * sample with the first formats alphabetically once the bank outgrows it.
 */
async function freshQuizCandidates(db: Db, userId: string): Promise<Candidate[]> {
  const items = await db.bankItem.findMany({
    where: { type: { in: QUIZ_TYPES }, retiredAt: null, cards: { none: { userId, state: { not: State.New } } } },
    orderBy: [{ contentHash: "asc" }, { id: "asc" }],
    take: FRESH_CANDIDATES,
    select: { id: true, topic: true, type: true },
  });
  return items.map(toCandidate);
}

/** Questions whose latest answer was wrong, most recent first. */
async function lastAnsweredWrong(db: Db, userId: string): Promise<Candidate[]> {
  const answers = await db.quizQuestion.findMany({
    where: { quiz: { userId }, answeredAt: { not: null }, item: { retiredAt: null } },
    orderBy: { answeredAt: "desc" },
    take: MISTAKE_LOOKBACK,
    select: { correct: true, item: { select: { id: true, topic: true, type: true } } },
  });
  const latest = new Map<string, { correct: boolean | null; candidate: Candidate }>();
  for (const answer of answers) {
    if (!latest.has(answer.item.id)) latest.set(answer.item.id, { correct: answer.correct, candidate: toCandidate(answer.item) });
  }
  return [...latest.values()].filter(({ correct }) => correct === false).map(({ candidate }) => candidate);
}

async function createQuiz(
  db: Db,
  userId: string,
  kind: { mode: QuizMode; dailyDay: string | null; topic: string | null },
  chosen: Candidate[],
  now: Date,
) {
  if (chosen.length === 0) throw new ConflictError("There are no questions to ask yet.");
  return db.quizSession.create({
    data: {
      userId,
      ...kind,
      timeLimitSec: chosen.length * SECONDS_PER_QUESTION,
      startedAt: now,
      questions: { create: chosen.map((candidate, position) => ({ position, itemId: candidate.itemId })) },
    },
    select: { id: true },
  });
}

/**
 * A quiz as its owner may see it: every question, with the key, explanation and sources only for
 * questions already answered, or for all of them once the quiz is finished.
 */
export async function quizView(db: Db, userId: string, quizId: string): Promise<QuizView> {
  const quiz = await db.quizSession.findFirst({
    where: { id: quizId, userId },
    select: {
      id: true,
      mode: true,
      topic: true,
      dailyDay: true,
      timeLimitSec: true,
      startedAt: true,
      finishedAt: true,
      questions: { orderBy: { position: "asc" }, select: QUESTION_FIELDS },
    },
  });
  if (!quiz) throw new NotFoundError("No such quiz.");
  const finished = quiz.finishedAt !== null;
  return {
    id: quiz.id,
    mode: quiz.mode as QuizMode,
    topic: quiz.topic,
    dailyDay: quiz.dailyDay,
    timeLimitSec: quiz.timeLimitSec,
    startedAt: quiz.startedAt,
    finishedAt: quiz.finishedAt,
    questions: quiz.questions.map((question) => ({
      id: question.id,
      position: question.position,
      type: question.item.type as ItemType,
      topic: question.item.topic,
      prompt: question.item.prompt,
      options: JSON.parse(question.item.options) as Option[],
      result: question.answeredAt || finished ? resultOf(question) : null,
    })),
    score: scoreQuiz(quiz.questions.map((question) => question.correct)),
  };
}

function resultOf(question: { chosenOptionId: string | null; correct: boolean | null; item: { answer: string; explanation: string; sources: string } }): AnswerResult {
  return {
    chosenOptionId: question.chosenOptionId,
    correct: question.correct,
    key: question.item.answer,
    explanation: question.item.explanation,
    sources: JSON.parse(question.item.sources) as Citation[],
  };
}

export type AnswerInput = { questionId: string; optionId: string | null; answerId: string };

/**
 * Records an answer (null: skipped) and schedules what it shows about the user's memory: the question's
 * own card and the user's studied flashcards of the facts behind it get Good for a right answer and
 * Again for a wrong one (origin "quiz"). The answer and its ratings are one transaction. The first
 * answer to a question stands: answering it again, or retrying the request, returns it and changes nothing.
 */
export async function answerQuestion(db: Db, userId: string, quizId: string, input: AnswerInput, now: Date): Promise<AnswerReply> {
  const question = await db.quizQuestion.findFirst({
    where: { id: input.questionId, quizId, quiz: { userId } },
    select: { ...QUESTION_FIELDS, itemId: true, item: { select: { ...QUESTION_FIELDS.item.select, factIds: true } }, quiz: { select: { startedAt: true, finishedAt: true } } },
  });
  if (!question) throw new NotFoundError("No such question in this quiz.");
  if (question.answeredAt) return reply(db, quizId, question.id, resultOf(question));
  if (question.quiz.finishedAt) throw new ConflictError("This quiz is finished.");
  const options = JSON.parse(question.item.options) as Option[];
  if (input.optionId !== null && !options.some((option) => option.id === input.optionId)) throw new NotFoundError("No such option.");

  const correct = input.optionId === null ? null : input.optionId === question.item.answer;
  const previous = await db.quizQuestion.findFirst({
    where: { quizId, answeredAt: { not: null } },
    orderBy: { answeredAt: "desc" },
    select: { answeredAt: true },
  });
  const since = previous?.answeredAt ?? question.quiz.startedAt;
  const answer = { answerId: input.answerId, chosenOptionId: input.optionId, correct, answeredAt: now, timeMs: Math.max(0, now.getTime() - since.getTime()) };
  const factIds = JSON.parse(question.item.factIds) as string[];

  for (let attempt = 1; ; attempt++) {
    const plan = correct === null ? null : await planAnswerRatings(db, userId, question.itemId, factIds, correct ? "good" : "again", input.answerId, now);
    try {
      const stored = await db.$transaction(async (tx) => {
        // Only an open question of an open quiz: a concurrent answer or finish wins.
        const { count } = await tx.quizQuestion.updateMany({ where: { id: question.id, answeredAt: null, quiz: { is: { finishedAt: null } } }, data: answer });
        if (count === 0) return false;
        if (plan) await writeRatings(tx, userId, plan.ratings, plan.policy, now, "quiz");
        return true;
      });
      // Another request answered it first (that answer stands) or finished the quiz.
      if (!stored) return storedReply(db, quizId, question.id);
      break;
    } catch (error) {
      if (error instanceof StaleCardError && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof StaleCardError) throw new ConflictError("A card changed while this answer was saved; send it again.");
      if (isUniqueViolation(error)) throw new ConflictError("That answer id was already used for another question.");
      throw error;
    }
  }
  return reply(db, quizId, question.id, { chosenOptionId: input.optionId, correct, ...keyOf(question.item) });
}

function keyOf(item: { answer: string; explanation: string; sources: string }) {
  return { key: item.answer, explanation: item.explanation, sources: JSON.parse(item.sources) as Citation[] };
}

async function storedReply(db: Db, quizId: string, questionId: string): Promise<AnswerReply> {
  const stored = await db.quizQuestion.findUniqueOrThrow({ where: { id: questionId }, select: QUESTION_FIELDS });
  if (!stored.answeredAt) throw new ConflictError("This quiz is finished.");
  return reply(db, quizId, questionId, resultOf(stored));
}

async function reply(db: Db, quizId: string, questionId: string, result: AnswerResult): Promise<AnswerReply> {
  const outcomes = await db.quizQuestion.findMany({ where: { quizId }, select: { correct: true } });
  return { questionId, ...result, score: scoreQuiz(outcomes.map((outcome) => outcome.correct)) };
}

const CARD_STATE_FIELDS = { id: true, itemId: true, version: true, ...CARD_STATE_SELECT } as const;

/**
 * The ratings an answer makes: the question's own card (made on its first answer) and the user's studied
 * flashcards and clozes of the same facts (recall items are named `${type}:${factId}` by the bank, one
 * fact each). Review ids derive from the answer id, so they are as unique as it is. Cards in id order,
 * so that two transactions lock shared cards in the same order. Two or three queries, whatever the history.
 */
async function planAnswerRatings(db: Db, userId: string, itemId: string, factIds: readonly string[], rating: RatingName, answerId: string, now: Date) {
  const factItemIds = factIds.flatMap((factId) => RECALL_TYPES.map((type) => `${type}:${factId}`));
  const [cards, settings] = await Promise.all([
    db.card.findMany({
      where: { userId, OR: [{ itemId }, { itemId: { in: factItemIds }, state: { not: State.New } }] },
      select: CARD_STATE_FIELDS,
    }),
    db.userSettings.findUnique({ where: { userId }, select: { desiredRetention: true, examDate: true, timeZone: true } }),
  ]);
  if (!cards.some((card) => card.itemId === itemId)) cards.push(await createCard(db, userId, itemId, now));
  const ratings: PlannedRating[] = cards
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, itemId: _itemId, version, ...before }) => ({ card: { id, version, before }, rating, reviewId: `${answerId}:${id}`, durationMs: 0 }));
  return { ratings, policy: settings ? policyOf(settings) : DEFAULT_POLICY };
}

async function createCard(db: Db, userId: string, itemId: string, now: Date) {
  try {
    return await db.card.create({ data: { userId, itemId, ...newCardState(now) }, select: CARD_STATE_FIELDS });
  } catch (error) {
    // Made a moment ago by another request: that one will do.
    if (!isUniqueViolation(error)) throw error;
    return db.card.findUniqueOrThrow({ where: { userId_itemId: { userId, itemId } }, select: CARD_STATE_FIELDS });
  }
}

/** Ends the quiz (unanswered questions count as skipped) and returns its score; finishing twice is harmless. */
export async function finishQuiz(db: Db, userId: string, quizId: string, now: Date): Promise<QuizScore> {
  const quiz = await db.quizSession.findFirst({ where: { id: quizId, userId }, select: { id: true } });
  if (!quiz) throw new NotFoundError("No such quiz.");
  await db.quizSession.updateMany({ where: { id: quizId, finishedAt: null }, data: { finishedAt: now } });
  const outcomes = await db.quizQuestion.findMany({ where: { quizId }, select: { correct: true } });
  return scoreQuiz(outcomes.map((outcome) => outcome.correct));
}
