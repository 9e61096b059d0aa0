import type { Db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ReviewMarkInput } from "@/lib/validation/practice";
import { finishIfTimeIsUp } from "./time-limit";

export type ReviewMarkReply = { questionId: string; markedForReview: boolean };

/**
 * Marks a question for review on the answer sheet, or clears the mark: the learner's reminder to come
 * back to it, kept on the server so that a reload or another device finds it. Only while the quiz is
 * open; setting a mark twice is harmless.
 */
export async function markForReview(db: Db, userId: string, quizId: string, input: ReviewMarkInput, now: Date): Promise<ReviewMarkReply> {
  const question = await db.quizQuestion.findFirst({
    where: { id: input.questionId, quizId, quiz: { userId } },
    select: { id: true, quiz: { select: { id: true, finishedAt: true, timeLimitSec: true, clockStartedAt: true } } },
  });
  if (!question) throw new NotFoundError("No such question in this quiz.");
  if (question.quiz.finishedAt || (await finishIfTimeIsUp(db, question.quiz, now))) throw new ConflictError("This quiz is finished.");
  await db.quizQuestion.updateMany({ where: { id: question.id, quiz: { is: { finishedAt: null } } }, data: { markedForReview: input.marked } });
  return { questionId: question.id, markedForReview: input.marked };
}
