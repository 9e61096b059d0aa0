import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { quizView, type QuizView } from "./view";

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
