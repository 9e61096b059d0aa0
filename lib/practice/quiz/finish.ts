import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { scoreQuiz, type QuizScore } from "@/lib/quiz/marking";
import { finishIfTimeIsUp } from "./time-limit";

/** Ends the quiz (unanswered questions count as skipped) and returns its score; finishing twice is harmless. */
export async function finishQuiz(db: Db, userId: string, quizId: string, now: Date): Promise<QuizScore> {
  const quiz = await db.quizSession.findFirst({ where: { id: quizId, userId }, select: { id: true, timeLimitSec: true, clockStartedAt: true } });
  if (!quiz) throw new NotFoundError("No such quiz.");
  // A timed paper finished after its limit ended at the limit.
  if (!(await finishIfTimeIsUp(db, quiz, now))) await db.quizSession.updateMany({ where: { id: quizId, finishedAt: null }, data: { finishedAt: now } });
  const outcomes = await db.quizQuestion.findMany({ where: { quizId }, select: { correct: true } });
  return scoreQuiz(outcomes.map((outcome) => outcome.correct));
}
