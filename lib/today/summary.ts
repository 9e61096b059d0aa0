import "server-only";
import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { settingsOrDefaults } from "@/lib/defaults";
import { NotFoundError } from "@/lib/errors";
import { streaksOf, type Streaks } from "@/lib/progress/activity";
import { studyDays } from "@/lib/progress/study-days";
import { daysUntilExam } from "@/lib/readiness/exam-mode";
import { scoreQuiz, type QuizScore } from "@/lib/quiz/marking";
import { NOT_WITHHELD } from "@/lib/reports/withheld";
import { userDay } from "@/lib/calendar/user-day";
import { countFlashcardsDue } from "@/lib/practice/due";
import { RECALL_TYPES } from "@/lib/practice/items";

export type Today = {
  day: string;
  /** Flashcards due by the end of the user's day (lib/practice/due: what the review queue serves today). */
  due: number;
  /** New flashcards still to introduce today, within the daily limit and what the bank has left. */
  new: number;
  reviewedToday: number;
  quiz: { id: string | null; status: "not-started" | "in-progress" | "finished"; score: QuizScore | null };
  streak: Streaks;
  exam: { date: string; name: string | null; daysLeft: number } | null;
};

/** What the Today page and GET /api/today show: the day's work and where the user stands. */
export async function todaySummary(db: Db, userId: string, now: Date): Promise<Today> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { settings: true } });
  if (!user) throw new NotFoundError("No such user.");
  const settings = settingsOrDefaults(user.settings);
  const { timeZone } = settings;
  const { day, start, end } = userDay(now, timeZone);
  const recall = { type: { in: RECALL_TYPES }, retiredAt: null, ...NOT_WITHHELD };
  const [due, introducedToday, waiting, unseen, reviewedToday, quiz, activeDays] = await Promise.all([
    countFlashcardsDue(db, userId, start, end),
    db.reviewLog.count({ where: { userId, stateBefore: State.New, reviewedAt: { gte: start }, card: { item: { type: { in: RECALL_TYPES } } } } }),
    db.card.count({ where: { userId, state: State.New, item: recall } }),
    db.bankItem.count({ where: { ...recall, cards: { none: { userId } } } }),
    db.reviewLog.count({ where: { userId, reviewedAt: { gte: start }, origin: "flashcard" } }),
    db.quizSession.findUnique({ where: { userId_dailyDay: { userId, dailyDay: day } }, select: { id: true, finishedAt: true, questions: { select: { correct: true, answeredAt: true } } } }),
    studyDays(db, userId),
  ]);
  const newLeft = Math.max(0, settings.newCardsPerDay - introducedToday);
  const { examDate } = settings;
  return {
    day,
    due,
    new: Math.min(newLeft, waiting + unseen),
    reviewedToday,
    quiz: quiz
      ? {
          id: quiz.id,
          status: quiz.finishedAt ? "finished" : "in-progress",
          score: scoreQuiz(quiz.questions.map((question) => question.correct)),
        }
      : { id: null, status: "not-started", score: null },
    streak: streaksOf(
      activeDays.map(({ day: active }) => active),
      day,
    ),
    exam: examDate ? { date: examDate, name: settings.examName, daysLeft: daysUntilExam(examDate, timeZone, now) } : null,
  };
}
