import type { Db } from "@/lib/db/client";
import { scoreOfCounts } from "@/lib/quiz/marking";

export type QuizSummary = {
  id: string;
  mode: string;
  topic: string | null;
  dailyDay: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  questions: number;
  correct: number;
  wrong: number;
  unanswered: number;
  /** Marks under UPSC marking (unanswered: 0), out of maxScore. */
  score: number;
  maxScore: number;
  /** correct / answered, or null when nothing was answered. */
  accuracy: number | null;
  /**
   * Mean time per answered question, or null when nothing was answered or the quiz is unfinished: an
   * open quiz's answers may sit hours apart across a break, which is no time spent on a question.
   */
  averageTimeMs: number | null;
};

/** The history shows this many most recent quizzes. */
export const QUIZ_HISTORY_LIMIT = 50;

/**
 * The user's most recent quizzes, newest first, each scored from its questions in two queries. A mock
 * paper appears once it is finished: until then its score is withheld (lib/practice/quiz/view.ts).
 */
export async function quizHistory(db: Db, userId: string): Promise<QuizSummary[]> {
  const sessions = await db.quizSession.findMany({
    where: { userId, NOT: { mode: "paper", finishedAt: null } },
    orderBy: { startedAt: "desc" },
    take: QUIZ_HISTORY_LIMIT,
    select: { id: true, mode: true, topic: true, dailyDay: true, startedAt: true, finishedAt: true },
  });
  if (sessions.length === 0) return [];
  const groups = await db.quizQuestion.groupBy({
    by: ["quizId", "correct"],
    where: { quizId: { in: sessions.map(({ id }) => id) } },
    _count: { _all: true },
    _sum: { timeMs: true },
  });
  return sessions.map((session) => {
    const own = groups.filter((group) => group.quizId === session.id);
    const count = (correct: boolean | null) => own.find((group) => group.correct === correct)?._count._all ?? 0;
    const correct = count(true);
    const wrong = count(false);
    const unanswered = count(null);
    const answered = correct + wrong;
    const answeredTimeMs = own.filter((group) => group.correct !== null).reduce((sum, group) => sum + (group._sum.timeMs ?? 0), 0);
    const questions = answered + unanswered;
    const { score, maxScore } = scoreOfCounts(correct, wrong, questions);
    return {
      ...session,
      questions,
      correct,
      wrong,
      unanswered,
      score,
      maxScore,
      accuracy: answered === 0 ? null : correct / answered,
      averageTimeMs: answered === 0 || session.finishedAt === null ? null : answeredTimeMs / answered,
    };
  });
}
