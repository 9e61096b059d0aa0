import type { ItemType } from "@/lib/content/item-types";
import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { accuracyOf, scoreByFormat, scoreByTopic, type FormatScore, type TopicScore } from "@/lib/quiz/breakdown";
import { scoreOfCounts, scoreQuiz, type QuizScore } from "@/lib/quiz/marking";
import { calibrate, type Calibration } from "@/lib/strategy/calibration";
import { isConfidence, type Confidence } from "@/lib/strategy/confidence";
import { whatIf, type WhatIf } from "@/lib/strategy/what-if";
import { finishIfTimeIsUp } from "./time-limit";
import type { QuizMode } from "./view";

/** One question of a finished quiz as the analysis reads it. */
export type AnalysedQuestion = {
  questionId: string;
  /** 1-based, as the paper numbers it. */
  number: number;
  type: ItemType;
  topic: string;
  prompt: string;
  chosenOptionId: string | null;
  key: string;
  /** True right, false wrong, null skipped or left unanswered. */
  correct: boolean | null;
  /** Time from the previous answer (or from Start) to this one; null when unanswered. */
  timeMs: number | null;
  markedForReview: boolean;
  /** How sure the learner said they were; null when not said. */
  confidence: Confidence | null;
};

/** A finished quiz in the trend of the user's quizzes of its kind. */
export type TrendPoint = { quizId: string; finishedAt: Date; questions: number; score: number; maxScore: number; /** score / maxScore */ share: number };

export type QuizAnalysis = {
  quizId: string;
  mode: QuizMode;
  clockStartedAt: Date | null;
  finishedAt: Date;
  timeLimitSec: number | null;
  /** From Start to the end (the finish, or the limit); null if never started. */
  timeUsedMs: number | null;
  score: QuizScore;
  /** Right among attempted. */
  accuracy: number | null;
  /** Weakest share first. */
  byFormat: (FormatScore & { accuracy: number | null })[];
  byTopic: (TopicScore & { accuracy: number | null })[];
  time: { answered: number; totalMs: number; meanMs: number | null; medianMs: number | null };
  /** Every question in paper order. */
  questions: AnalysedQuestion[];
  /** The answered questions that took longest, longest first (SLOWEST_SHOWN at most). */
  slowest: AnalysedQuestion[];
  /** The user's finished quizzes of this mode up to this one, oldest first (TREND_LENGTH at most, this one last). */
  trend: TrendPoint[];
  /** This quiz's share of the maximum against the previous one of its mode; null when it is the first. */
  change: { previousShare: number; share: number; difference: number } | null;
  /** This quiz's answers per confidence level: attempts, accuracy with its interval, expected marks (lib/strategy). */
  confidence: Calibration;
  /** The score as marked, had the guesses been skipped, had the skipped 50-50s been attempted (lib/strategy). */
  whatIf: WhatIf;
};

export const SLOWEST_SHOWN = 5;
export const TREND_LENGTH = 10;

/** The pure part of the analysis: the scores by format and topic, time per question, and the slowest questions. */
export function analyseQuestions(questions: readonly AnalysedQuestion[]) {
  const score = scoreQuiz(questions.map((question) => question.correct));
  const times = questions.flatMap((question) => (question.timeMs === null ? [] : [question.timeMs])).sort((a, b) => a - b);
  const totalMs = times.reduce((sum, ms) => sum + ms, 0);
  const middle = Math.floor(times.length / 2);
  return {
    score,
    accuracy: accuracyOf(score),
    byFormat: scoreByFormat(questions).map((format) => ({ ...format, accuracy: accuracyOf(format) })),
    byTopic: scoreByTopic(questions).map((topic) => ({ ...topic, accuracy: accuracyOf(topic) })),
    time: {
      answered: times.length,
      totalMs,
      meanMs: times.length === 0 ? null : Math.round(totalMs / times.length),
      medianMs: times.length === 0 ? null : times.length % 2 === 1 ? times[middle]! : Math.round((times[middle - 1]! + times[middle]!) / 2),
    },
    slowest: questions
      .filter((question) => question.timeMs !== null)
      .sort((a, b) => b.timeMs! - a.timeMs! || a.number - b.number)
      .slice(0, SLOWEST_SHOWN),
  };
}

/**
 * The analysis of a finished quiz (meant for mock papers, and given for any finished quiz): its score
 * under UPSC marking, accuracy by format and by topic, time per question and the slowest questions,
 * and the trend of the user's finished quizzes of the same mode. Refused (409 `not_finished`) until the
 * quiz is finished: a paper's keys are withheld until then. A timed quiz past its limit is finished first.
 */
export async function analyseQuiz(db: Db, userId: string, quizId: string, now: Date): Promise<QuizAnalysis> {
  const read = () =>
    db.quizSession.findFirst({
      where: { id: quizId, userId },
      select: {
        id: true,
        mode: true,
        timeLimitSec: true,
        clockStartedAt: true,
        finishedAt: true,
        questions: {
          orderBy: { position: "asc" },
          select: { id: true, position: true, type: true, topic: true, prompt: true, chosenOptionId: true, answer: true, correct: true, timeMs: true, answeredAt: true, markedForReview: true, confidence: true },
        },
      },
    });
  let quiz = await read();
  if (!quiz) throw new NotFoundError("No such quiz.");
  if (!quiz.finishedAt && (await finishIfTimeIsUp(db, quiz, now))) quiz = (await read())!;
  const finishedAt = quiz.finishedAt;
  if (!finishedAt) throw new ConflictError("Finish the paper to see its analysis: its answers stay sealed until then.", "not_finished");

  const questions: AnalysedQuestion[] = quiz.questions.map((question, index) => ({
    questionId: question.id,
    number: index + 1,
    type: question.type as ItemType,
    topic: question.topic,
    prompt: question.prompt,
    chosenOptionId: question.chosenOptionId,
    key: question.answer,
    correct: question.correct,
    timeMs: question.answeredAt ? question.timeMs : null,
    markedForReview: question.markedForReview,
    confidence: isConfidence(question.confidence) ? question.confidence : null,
  }));
  const trend = await trendUpTo(db, userId, quiz.mode, finishedAt, quiz.id);
  const current = trend[trend.length - 1];
  const previous = trend[trend.length - 2];
  return {
    quizId: quiz.id,
    mode: quiz.mode as QuizMode,
    clockStartedAt: quiz.clockStartedAt,
    finishedAt,
    timeLimitSec: quiz.timeLimitSec,
    timeUsedMs: quiz.clockStartedAt ? Math.max(0, finishedAt.getTime() - quiz.clockStartedAt.getTime()) : null,
    ...analyseQuestions(questions),
    questions,
    trend,
    change: previous && current ? { previousShare: previous.share, share: current.share, difference: current.share - previous.share } : null,
    confidence: calibrate(quiz.questions.map((question, index) => ({ correct: question.correct, confidence: questions[index]!.confidence, answeredAt: question.answeredAt ?? finishedAt }))),
    whatIf: whatIf(questions),
  };
}

/** The user's finished quizzes of `mode` finished by `until`, this one included, oldest first: two queries. */
async function trendUpTo(db: Db, userId: string, mode: string, until: Date, quizId: string): Promise<TrendPoint[]> {
  const sessions = (
    await db.quizSession.findMany({
      where: { userId, mode, OR: [{ id: quizId }, { finishedAt: { lte: until }, id: { not: quizId } }] },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      take: TREND_LENGTH,
      select: { id: true, finishedAt: true },
    })
  ).reverse();
  // This quiz last, even when another finished at the same instant.
  sessions.sort((a, b) => Number(a.id === quizId) - Number(b.id === quizId));
  const groups = await db.quizQuestion.groupBy({ by: ["quizId", "correct"], where: { quizId: { in: sessions.map(({ id }) => id) } }, _count: { _all: true } });
  return sessions.map((session) => {
    const count = (correct: boolean | null) => groups.find((group) => group.quizId === session.id && group.correct === correct)?._count._all ?? 0;
    const score = scoreOfCounts(count(true), count(false), count(true) + count(false) + count(null));
    return { quizId: session.id, finishedAt: session.finishedAt!, questions: score.questions, score: score.score, maxScore: score.maxScore, share: score.maxScore === 0 ? 0 : score.score / score.maxScore };
  });
}
