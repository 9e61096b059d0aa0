import type { Db } from "@/lib/db/client";
import { RejectedFieldError } from "@/lib/errors";
import { deleteReportsOf } from "@/lib/reports/reports";
import { verifyPassword } from "./passwords";

export const WRONG_DELETION_CONFIRMATION_MESSAGE = "That is neither your email address nor your password.";

/**
 * Deletes an account and everything of its user, in one transaction: reports (the items they held back
 * are judged again), quizzes and their questions, the review log and its rollups, cards, reset links,
 * sessions (every token of the account is then refused: lib/auth/sessions), background jobs, settings and the
 * user.
 * `confirmation` is the account's email address (any case, spaces around it ignored) or its password;
 * anything else is a RejectedFieldError on "confirmation" and deletes nothing.
 */
export async function deleteAccount(db: Db, userId: string, confirmation: string, now: Date): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return;
  const confirmed = confirmation.trim().toLowerCase() === user.email || (await verifyPassword(user.passwordHash, confirmation));
  if (!confirmed) throw new RejectedFieldError("confirmation", WRONG_DELETION_CONFIRMATION_MESSAGE);
  await db.$transaction(async (tx) => {
    await deleteReportsOf(tx, userId, now);
    await tx.quizQuestion.deleteMany({ where: { quiz: { userId } } });
    await tx.quizSession.deleteMany({ where: { userId } });
    // The rollups first: the review log's delete triggers then find no rollup rows to count down.
    await tx.studyDay.deleteMany({ where: { userId } });
    await tx.flashcardTopicTally.deleteMany({ where: { userId } });
    await tx.reviewLog.deleteMany({ where: { userId } });
    await tx.card.deleteMany({ where: { userId } });
    await tx.passwordReset.deleteMany({ where: { userId } });
    await tx.userSession.deleteMany({ where: { userId } });
    await tx.memoryModel.deleteMany({ where: { userId } });
    // A job still running for the account then stores nothing: its completion needs its row (lib/jobs).
    await tx.backgroundJob.deleteMany({ where: { userId } });
    await tx.userSettings.deleteMany({ where: { userId } });
    await tx.user.deleteMany({ where: { id: userId } });
  });
}
