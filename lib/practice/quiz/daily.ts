import { userDay } from "@/lib/calendar/user-day";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { settingsOrDefaults } from "@/lib/defaults";
import { ConflictError } from "@/lib/errors";
import { assembleQuiz } from "@/lib/quiz/assemble";
import { ALL_SEEN, dueQuizCandidates, freshQuizCandidates, itemsAskedSince } from "./candidates";
import { createQuiz } from "./create";
import { quizView, type QuizView } from "./view";

/**
 * Today's quiz for the user, made on the first request of their day (in their time zone) and the same
 * quiz for every request after that, finished or not. Two first requests at once make one quiz: the
 * unique (userId, dailyDay) index decides and the loser reads the winner's. Its clock starts on Start.
 */
export async function dailyQuiz(db: Db, userId: string, now: Date): Promise<QuizView> {
  const settings = settingsOrDefaults(await db.userSettings.findUnique({ where: { userId }, select: { timeZone: true, dailyQuizSize: true } }));
  const { day, start, end } = userDay(now, settings.timeZone);
  const existing = await db.quizSession.findUnique({ where: { userId_dailyDay: { userId, dailyDay: day } }, select: { id: true } });
  if (existing) return quizView(db, userId, existing.id, now);
  const size = settings.dailyQuizSize;
  const askedToday = await itemsAskedSince(db, userId, start);
  const chosen = assembleQuiz(await dueQuizCandidates(db, userId, end, size, askedToday), await freshQuizCandidates(db, userId, askedToday), size, `${userId}:${day}`);
  if (chosen.length === 0) throw new ConflictError(ALL_SEEN);
  try {
    const { id } = await createQuiz(db, userId, { mode: "daily", dailyDay: day, topic: null, timed: true }, chosen, now);
    return quizView(db, userId, id, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.quizSession.findUniqueOrThrow({ where: { userId_dailyDay: { userId, dailyDay: day } }, select: { id: true } });
    return quizView(db, userId, winner.id, now);
  }
}
