import { userDay } from "@/lib/calendar/user-day";
import { topicCovers } from "@/lib/content/schema";
import type { Db } from "@/lib/db/client";
import type { PracticeRequest } from "@/lib/validation/practice";
import { settingsOrDefaults } from "@/lib/defaults";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assembleQuiz, type Candidate } from "@/lib/quiz/assemble";
import { NOT_WITHHELD } from "@/lib/reports/withheld";
import { mostMisjudgedFactIds } from "@/lib/strategy/strategy";
import { QUIZ_TYPES } from "../items";
import { ALL_SEEN, CANDIDATE_FIELDS, dueQuizCandidates, freshQuizCandidates, itemsAskedSince, lastAnsweredWrong, toCandidate } from "./candidates";
import { createQuiz } from "./create";
import { paperQuestions } from "./paper";
import { finishIfTimeIsUp } from "./time-limit";
import { quizView, type QuizView } from "./view";

const DEFAULT_PRACTICE_SIZE = 10;

export type { PracticeRequest };

/**
 * A quiz outside the daily one: a topic, the questions last answered wrong, questions on the facts most
 * often misjudged in statement items, a test of any size, or a mock paper (the paper's mix of formats,
 * always timed, keys withheld until it is finished).
 * One practice quiz at a time: while one is unfinished, a new one is refused (409 `unfinished_quiz`
 * with its id) unless the request says to finish it. Questions already asked today, in any quiz, are
 * not asked again today (except in mistakes mode, whose point is asking them again).
 */
export async function startPracticeQuiz(db: Db, userId: string, request: PracticeRequest, now: Date): Promise<QuizView> {
  const size = request.size ?? DEFAULT_PRACTICE_SIZE;
  const seed = `${userId}:${now.toISOString()}`;
  const { timeZone } = settingsOrDefaults(await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } }));
  const { start, end } = userDay(now, timeZone);
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
    // Broad subjects (one meeting, one country) are no sibling keys (the bank drops them), so a topic quiz
    // on one meeting still holds many questions under the rule of every quiz.
    chosen = assembleQuiz([], unasked.map((item) => toCandidate(item)), size, seed);
  } else if (request.mode === "paper") {
    chosen = await paperQuestions(db, userId, size, seed);
    if (chosen.length === 0) throw new ConflictError("There are no questions for a paper yet.");
  } else if (request.mode === "mistakes") {
    chosen = assembleQuiz(await lastAnsweredWrong(db, userId), [], size, seed);
    if (chosen.length === 0) throw new ConflictError("You have no wrong answers to retry yet.");
  } else if (request.mode === "misjudged") {
    chosen = assembleQuiz([], await misjudgedFactCandidates(db, userId), size, seed);
    if (chosen.length === 0) throw new ConflictError("You have no misjudged statements to practise yet: mark statements true or false as you answer.");
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
  const timed = request.mode === "paper" || (request.timed ?? request.mode === "custom");
  const kind = { mode: request.mode, dailyDay: null, topic: request.mode === "topic" ? request.topic : null, timed };
  const id = await db.$transaction(async (tx) => {
    // The unfinished one ends now, as if its learner had pressed Finish: its unanswered questions count as
    // skipped. Every open practice quiz, in case two starts once raced past the check above.
    if (unfinished) await tx.quizSession.updateMany({ where: { userId, dailyDay: null, finishedAt: null }, data: { finishedAt: now } });
    return (await createQuiz(tx, userId, kind, chosen, now)).id;
  });
  return quizView(db, userId, id, now);
}

/** Live questions on the user's most misjudged facts (asked again even if seen today: that is the point). */
async function misjudgedFactCandidates(db: Db, userId: string): Promise<Candidate[]> {
  const factIds = new Set(await mostMisjudgedFactIds(db, userId));
  if (factIds.size === 0) return [];
  const items = await db.bankItem.findMany({ where: { type: { in: QUIZ_TYPES }, retiredAt: null, ...NOT_WITHHELD }, select: CANDIDATE_FIELDS, orderBy: { id: "asc" } });
  return items.filter((item) => (JSON.parse(item.factIds) as string[]).some((factId) => factIds.has(factId))).map((item) => toCandidate(item));
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
