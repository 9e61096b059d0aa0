import type { Db } from "@/lib/db/client";

export function endsAtOf(quiz: { timeLimitSec: number | null; clockStartedAt: Date | null }): Date | null {
  return quiz.timeLimitSec === null || quiz.clockStartedAt === null ? null : new Date(quiz.clockStartedAt.getTime() + quiz.timeLimitSec * 1000);
}

/**
 * A timed paper is finished at its limit: whoever looks at it after that (its learner, a late answer)
 * finds it finished at the moment time ran out. True when the quiz is (now) finished for that reason.
 */
export async function finishIfTimeIsUp(db: Db, quiz: { id: string; timeLimitSec: number | null; clockStartedAt: Date | null }, now: Date): Promise<boolean> {
  const endsAt = endsAtOf(quiz);
  if (!endsAt || now.getTime() <= endsAt.getTime()) return false;
  await db.quizSession.updateMany({ where: { id: quiz.id, finishedAt: null }, data: { finishedAt: endsAt } });
  return true;
}
