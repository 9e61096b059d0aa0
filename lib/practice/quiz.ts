import { State } from "ts-fsrs";
import type { Citation, ItemType, Option } from "@/lib/content/bank";
import { topicCovers } from "@/lib/content/schema";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assembleQuiz, type Candidate } from "@/lib/quiz/assemble";
import { scoreQuiz, SECONDS_PER_QUESTION, type QuizScore } from "@/lib/quiz/marking";
import { NOT_WITHHELD } from "@/lib/reports/withheld";
import { CARD_STATE_SELECT, newCardState, type RatingName } from "@/lib/srs/schedule";
import { userDay } from "./day";
import { QUIZ_TYPES, RECALL_TYPES } from "./items";
import { DEFAULT_POLICY, DEFAULT_TIME_ZONE, policyOf } from "./policy";
import { isUniqueViolation, MAX_ATTEMPTS, StaleCardError, writeRatings, type PlannedRating } from "./reviews";

export type QuizMode = "daily" | "topic" | "mistakes" | "custom";

// itemId comes with the key, never before the answer: some item ids name their key ("…:does-not-explain").
export type AnswerResult = { chosenOptionId: string | null; correct: boolean | null; key: string; explanation: string; sources: Citation[]; itemId: string };

export type QuizQuestionView = { id: string; position: number; type: ItemType; topic: string; prompt: string; options: Option[]; result: AnswerResult | null };

export type QuizView = {
  id: string;
  mode: QuizMode;
  topic: string | null;
  dailyDay: string | null;
  /** Seconds allowed once the clock starts; null for an untimed quiz. */
  timeLimitSec: number | null;
  /** When the quiz was made. */
  startedAt: Date;
  /** When the learner pressed Start; null until then (nothing can be answered before). */
  clockStartedAt: Date | null;
  /** When a timed quiz's time runs out (clockStartedAt + timeLimitSec); null if untimed or not started. */
  endsAt: Date | null;
  finishedAt: Date | null;
  questions: QuizQuestionView[];
  score: QuizScore;
};

export type AnswerReply = AnswerResult & { questionId: string; score: QuizScore };

const FRESH_CANDIDATES = 400;
const MISTAKE_LOOKBACK = 500;
const DEFAULT_PRACTICE_SIZE = 10;

/** A quiz question as shown: the snapshot kept with the question row, never the bank's current text. */
const QUESTION_FIELDS = {
  id: true,
  position: true,
  chosenOptionId: true,
  correct: true,
  answeredAt: true,
  type: true,
  topic: true,
  prompt: true,
  options: true,
  answer: true,
  explanation: true,
  sources: true,
  itemId: true,
} as const;

const QUIZ_FIELDS = { id: true, mode: true, topic: true, dailyDay: true, timeLimitSec: true, startedAt: true, clockStartedAt: true, finishedAt: true } as const;

const CANDIDATE_FIELDS = { id: true, topic: true, type: true, factIds: true, subjects: true } as const;

/**
 * Today's quiz for the user, made on the first request of their day (in their time zone) and the same
 * quiz for every request after that, finished or not. Two first requests at once make one quiz: the
 * unique (userId, dailyDay) index decides and the loser reads the winner's. Its clock starts on Start.
 */
export async function dailyQuiz(db: Db, userId: string, now: Date): Promise<QuizView> {
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true, dailyQuizSize: true } });
  const { day, start, end } = userDay(now, settings?.timeZone ?? DEFAULT_TIME_ZONE);
  const existing = await db.quizSession.findUnique({ where: { userId_dailyDay: { userId, dailyDay: day } }, select: { id: true } });
  if (existing) return quizView(db, userId, existing.id, now);
  const size = settings?.dailyQuizSize ?? 15;
  const askedToday = await itemsAskedSince(db, userId, start);
  const chosen = assembleQuiz(await dueQuizCandidates(db, userId, end, size, askedToday), await freshQuizCandidates(db, userId, askedToday), size, `${userId}:${day}`);
  if (chosen.length === 0) throw new ConflictError(ALL_SEEN);
  try {
    const { id } = await createQuiz(db, userId, { mode: "daily", dailyDay: day, topic: null, timed: true }, chosen, now);
    return quizView(db, userId, id, now);
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await db.quizSession.findUniqueOrThrow({ where: { userId_dailyDay: { userId, dailyDay: day } }, select: { id: true } });
    return quizView(db, userId, winner.id, now);
  }
}

const ALL_SEEN = "You have seen every question in the bank, and none is due again today. Come back tomorrow: questions return as they fall due.";

export type PracticeRequest = ({ mode: "topic"; topic: string; size?: number } | { mode: "mistakes"; size?: number } | { mode: "custom"; size: number }) & {
  /** With a clock at Prelims pace (default: a custom test is timed, topic and mistakes practice are not). */
  timed?: boolean;
  /** Finish the user's unfinished practice quiz, if any, and start this one; without it, that quiz is refused. */
  replaceUnfinished?: boolean;
};

/**
 * A quiz outside the daily one: a topic, the questions last answered wrong, or a test of any size.
 * One practice quiz at a time: while one is unfinished, a new one is refused (409 `unfinished_quiz`
 * with its id) unless the request says to finish it. Questions already asked today, in any quiz, are
 * not asked again today (except in mistakes mode, whose point is asking them again).
 */
export async function startPracticeQuiz(db: Db, userId: string, request: PracticeRequest, now: Date): Promise<QuizView> {
  const size = request.size ?? DEFAULT_PRACTICE_SIZE;
  const seed = `${userId}:${now.toISOString()}`;
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } });
  const { start, end } = userDay(now, settings?.timeZone ?? DEFAULT_TIME_ZONE);
  let chosen: Candidate[];
  if (request.mode === "topic") {
    // A topic includes its subtopics. Matched in code, exactly: Prisma's startsWith is a LIKE, where
    // % and _ are wildcards and SQLite ignores case. The bank has a few hundred topics.
    const live = { type: { in: QUIZ_TYPES }, retiredAt: null, ...NOT_WITHHELD };
    const topics = (await db.bankItem.groupBy({ by: ["topic"], where: live })).map(({ topic }) => topic).filter((topic) => topicCovers(request.topic, topic));
    const items = await db.bankItem.findMany({
      where: { ...live, topic: { in: topics } },
      select: CANDIDATE_FIELDS,
      orderBy: { id: "asc" },
    });
    if (items.length === 0) throw new NotFoundError("There are no questions on that topic.");
    const askedToday = await itemsAskedSince(db, userId, start);
    const unasked = items.filter((item) => !askedToday.includes(item.id));
    if (unasked.length === 0) throw new ConflictError("You have seen every question on this topic today. Try another topic, or come back tomorrow.");
    // A topic quiz is about one subject by choice: only questions of one fact are kept apart, or a topic
    // such as one meeting would make a quiz of a single question.
    chosen = assembleQuiz([], unasked.map((item) => toCandidate(item, "facts")), size, seed);
  } else if (request.mode === "mistakes") {
    chosen = assembleQuiz(await lastAnsweredWrong(db, userId), [], size, seed);
    if (chosen.length === 0) throw new ConflictError("You have no wrong answers to retry yet.");
  } else {
    const askedToday = await itemsAskedSince(db, userId, start);
    chosen = assembleQuiz(await dueQuizCandidates(db, userId, end, size, askedToday), await freshQuizCandidates(db, userId, askedToday), size, seed);
    if (chosen.length === 0) throw new ConflictError(ALL_SEEN);
  }
  // Checked once the questions are known, so that a request that could not start anyway says why.
  const unfinished = await unfinishedPracticeQuizId(db, userId, now);
  if (unfinished && !request.replaceUnfinished) {
    throw new ConflictError("You have an unfinished practice quiz: finish it, or confirm that you want to end it and start another.", "unfinished_quiz", { quizId: unfinished });
  }
  const timed = request.timed ?? request.mode === "custom";
  const kind = { mode: request.mode, dailyDay: null, topic: request.mode === "topic" ? request.topic : null, timed };
  const id = await db.$transaction(async (tx) => {
    // The unfinished one ends now, as if its learner had pressed Finish: its unanswered questions count as
    // skipped. Every open practice quiz, in case two starts once raced past the check above.
    if (unfinished) await tx.quizSession.updateMany({ where: { userId, dailyDay: null, finishedAt: null }, data: { finishedAt: now } });
    return (await createQuiz(tx, userId, kind, chosen, now)).id;
  });
  return quizView(db, userId, id, now);
}

/** The user's unfinished practice quiz (not the daily one), to resume; null when there is none. */
export async function unfinishedPracticeQuiz(db: Db, userId: string, now: Date): Promise<QuizView | null> {
  const id = await unfinishedPracticeQuizId(db, userId, now);
  return id ? quizView(db, userId, id, now) : null;
}

async function unfinishedPracticeQuizId(db: Db, userId: string, now: Date): Promise<string | null> {
  const open = await db.quizSession.findMany({ where: { userId, dailyDay: null, finishedAt: null }, orderBy: { startedAt: "desc" }, select: { id: true, timeLimitSec: true, clockStartedAt: true } });
  for (const quiz of open) {
    // A timed paper whose time ran out is finished at its limit, not resumed.
    if (await finishIfTimeIsUp(db, quiz, now)) continue;
    return quiz.id;
  }
  return null;
}

/** Two questions are siblings when they share a fact or, unless only facts count, a narrow subject. */
function toCandidate(item: { id: string; topic: string; type: string; factIds: string; subjects: string }, siblings: "facts" | "facts-and-subjects" = "facts-and-subjects"): Candidate {
  const subjects = siblings === "facts" ? [] : (JSON.parse(item.subjects) as string[]).map((subject) => `subject:${subject}`);
  return { itemId: item.id, topic: item.topic, type: item.type, siblingKeys: [...(JSON.parse(item.factIds) as string[]), ...subjects] };
}

/** Items asked in any of the user's quizzes made since `since` (the start of their day). */
async function itemsAskedSince(db: Db, userId: string, since: Date): Promise<string[]> {
  const rows = await db.quizQuestion.findMany({ where: { quiz: { userId, startedAt: { gte: since } } }, select: { itemId: true } });
  return rows.map((row) => row.itemId);
}

/** Questions the user has answered before that fall due before `dueBefore` (the end of their day), most overdue first. */
async function dueQuizCandidates(db: Db, userId: string, dueBefore: Date, size: number, exclude: string[]): Promise<Candidate[]> {
  const cards = await db.card.findMany({
    where: { userId, state: { not: State.New }, due: { lt: dueBefore }, itemId: { notIn: exclude }, item: { type: { in: QUIZ_TYPES }, retiredAt: null, ...NOT_WITHHELD } },
    orderBy: { due: "asc" },
    take: size,
    select: { item: { select: CANDIDATE_FIELDS } },
  });
  return cards.map((card) => toCandidate(card.item));
}

/**
 * Questions the user has never had rated (no card, or a card still new) and not asked today, a sample
 * of at most FRESH_CANDIDATES for assembleQuiz to spread over topics and formats. Taken in content-hash
 * order, which is fixed but unrelated to type or topic: ids start with the type ("mcq:…"), so id order
 * would fill the sample with the first formats alphabetically once the bank outgrows it.
 */
async function freshQuizCandidates(db: Db, userId: string, exclude: string[]): Promise<Candidate[]> {
  const items = await db.bankItem.findMany({
    where: { type: { in: QUIZ_TYPES }, retiredAt: null, ...NOT_WITHHELD, id: { notIn: exclude }, cards: { none: { userId, state: { not: State.New } } } },
    orderBy: [{ contentHash: "asc" }, { id: "asc" }],
    take: FRESH_CANDIDATES,
    select: CANDIDATE_FIELDS,
  });
  return items.map((item) => toCandidate(item));
}

/** Questions whose latest answer was wrong, most recent first. */
async function lastAnsweredWrong(db: Db, userId: string): Promise<Candidate[]> {
  const answers = await db.quizQuestion.findMany({
    where: { quiz: { userId }, answeredAt: { not: null }, item: { retiredAt: null, ...NOT_WITHHELD } },
    orderBy: { answeredAt: "desc" },
    take: MISTAKE_LOOKBACK,
    select: { correct: true, item: { select: CANDIDATE_FIELDS } },
  });
  const latest = new Map<string, { correct: boolean | null; candidate: Candidate }>();
  for (const answer of answers) {
    if (!latest.has(answer.item.id)) latest.set(answer.item.id, { correct: answer.correct, candidate: toCandidate(answer.item) });
  }
  return [...latest.values()].filter(({ correct }) => correct === false).map(({ candidate }) => candidate);
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Makes the quiz with a snapshot of each question as the bank has it now: that is what the learner sees. */
async function createQuiz(
  db: Db | Tx,
  userId: string,
  kind: { mode: QuizMode; dailyDay: string | null; topic: string | null; timed: boolean },
  chosen: Candidate[],
  now: Date,
) {
  if (chosen.length === 0) throw new ConflictError("There are no questions to ask yet.");
  const items = new Map(
    (await db.bankItem.findMany({ where: { id: { in: chosen.map((candidate) => candidate.itemId) } }, select: { id: true, type: true, topic: true, prompt: true, options: true, answer: true, explanation: true, sources: true } })).map((item) => [item.id, item]),
  );
  const { timed, ...rest } = kind;
  return db.quizSession.create({
    data: {
      userId,
      ...rest,
      timeLimitSec: timed ? chosen.length * SECONDS_PER_QUESTION : null,
      startedAt: now,
      questions: {
        create: chosen.map((candidate, position) => {
          const { id: itemId, ...shown } = items.get(candidate.itemId)!;
          return { position, itemId, ...shown };
        }),
      },
    },
    select: { id: true },
  });
}

function endsAtOf(quiz: { timeLimitSec: number | null; clockStartedAt: Date | null }): Date | null {
  return quiz.timeLimitSec === null || quiz.clockStartedAt === null ? null : new Date(quiz.clockStartedAt.getTime() + quiz.timeLimitSec * 1000);
}

/**
 * A timed paper is finished at its limit: whoever looks at it after that (its learner, a late answer)
 * finds it finished at the moment time ran out. True when the quiz is (now) finished for that reason.
 */
async function finishIfTimeIsUp(db: Db, quiz: { id: string; timeLimitSec: number | null; clockStartedAt: Date | null }, now: Date): Promise<boolean> {
  const endsAt = endsAtOf(quiz);
  if (!endsAt || now.getTime() <= endsAt.getTime()) return false;
  await db.quizSession.updateMany({ where: { id: quiz.id, finishedAt: null }, data: { finishedAt: endsAt } });
  return true;
}

/**
 * Starts the quiz's clock (the learner pressed Start): a timed paper's limit runs from now. Starting
 * again changes nothing, so a reload or a second tab never restarts the clock.
 */
export async function startQuizClock(db: Db, userId: string, quizId: string, now: Date): Promise<QuizView> {
  const quiz = await db.quizSession.findFirst({ where: { id: quizId, userId }, select: { id: true } });
  if (!quiz) throw new NotFoundError("No such quiz.");
  await db.quizSession.updateMany({ where: { id: quizId, clockStartedAt: null, finishedAt: null }, data: { clockStartedAt: now } });
  return quizView(db, userId, quizId, now);
}

/**
 * A quiz as its owner may see it: every question as it was shown, with the key, explanation and
 * sources only for questions already answered, or for all of them once the quiz is finished. A timed
 * quiz whose time ran out is finished first, at its limit.
 */
export async function quizView(db: Db, userId: string, quizId: string, now: Date): Promise<QuizView> {
  const read = () => db.quizSession.findFirst({ where: { id: quizId, userId }, select: { ...QUIZ_FIELDS, questions: { orderBy: { position: "asc" }, select: QUESTION_FIELDS } } });
  let quiz = await read();
  if (!quiz) throw new NotFoundError("No such quiz.");
  if (!quiz.finishedAt && (await finishIfTimeIsUp(db, quiz, now))) quiz = (await read())!;
  const finished = quiz.finishedAt !== null;
  return {
    id: quiz.id,
    mode: quiz.mode as QuizMode,
    topic: quiz.topic,
    dailyDay: quiz.dailyDay,
    timeLimitSec: quiz.timeLimitSec,
    startedAt: quiz.startedAt,
    clockStartedAt: quiz.clockStartedAt,
    endsAt: endsAtOf(quiz),
    finishedAt: quiz.finishedAt,
    questions: quiz.questions.map((question) => ({
      id: question.id,
      position: question.position,
      type: question.type as ItemType,
      topic: question.topic,
      prompt: question.prompt,
      options: JSON.parse(question.options) as Option[],
      result: question.answeredAt || finished ? resultOf(question) : null,
    })),
    score: scoreQuiz(quiz.questions.map((question) => question.correct)),
  };
}

function resultOf(question: { chosenOptionId: string | null; correct: boolean | null; itemId: string; answer: string; explanation: string; sources: string }): AnswerResult {
  return { chosenOptionId: question.chosenOptionId, correct: question.correct, ...keyOf(question) };
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
    select: { ...QUESTION_FIELDS, itemId: true, item: { select: { factIds: true } }, quiz: { select: { id: true, finishedAt: true, timeLimitSec: true, clockStartedAt: true } } },
  });
  if (!question) throw new NotFoundError("No such question in this quiz.");
  if (question.answeredAt) return reply(db, quizId, question.id, resultOf(question));
  if (question.quiz.finishedAt) throw new ConflictError("This quiz is finished.");
  if (!question.quiz.clockStartedAt) throw new ConflictError("This quiz has not started: press Start (POST /api/quiz/{id}/start) first.", "not_started");
  if (await finishIfTimeIsUp(db, question.quiz, now)) {
    throw new ConflictError(`Time is up: this paper ended at ${endsAtOf(question.quiz)!.toISOString()} and was finished then; answers after that are not counted.`, "time_up", { endsAt: endsAtOf(question.quiz)!.toISOString() });
  }
  const options = JSON.parse(question.options) as Option[];
  if (input.optionId !== null && !options.some((option) => option.id === input.optionId)) throw new NotFoundError("No such option.");

  const correct = input.optionId === null ? null : input.optionId === question.answer;
  const previous = await db.quizQuestion.findFirst({
    where: { quizId, answeredAt: { not: null } },
    orderBy: { answeredAt: "desc" },
    select: { answeredAt: true },
  });
  // Time on a question runs from the previous answer, or from Start for the first one.
  const since = previous?.answeredAt ?? question.quiz.clockStartedAt;
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
  return reply(db, quizId, question.id, { chosenOptionId: input.optionId, correct, ...keyOf(question) });
}

/** The key, explanation and sources of a question as it was shown (its snapshot), and the item to report on. */
function keyOf(question: { itemId: string; answer: string; explanation: string; sources: string }) {
  return { key: question.answer, explanation: question.explanation, sources: JSON.parse(question.sources) as Citation[], itemId: question.itemId };
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
    db.userSettings.findUnique({ where: { userId }, select: { desiredRetention: true, examDate: true, timeZone: true, fsrsParameters: true } }),
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
  const quiz = await db.quizSession.findFirst({ where: { id: quizId, userId }, select: { id: true, timeLimitSec: true, clockStartedAt: true } });
  if (!quiz) throw new NotFoundError("No such quiz.");
  // A timed paper finished after its limit ended at the limit.
  if (!(await finishIfTimeIsUp(db, quiz, now))) await db.quizSession.updateMany({ where: { id: quizId, finishedAt: null }, data: { finishedAt: now } });
  const outcomes = await db.quizQuestion.findMany({ where: { quizId }, select: { correct: true } });
  return scoreQuiz(outcomes.map((outcome) => outcome.correct));
}
