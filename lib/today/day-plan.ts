import "server-only";
import type { Db } from "@/lib/db/client";
import { settingsOrDefaults } from "@/lib/defaults";
import { getProgress, type Progress } from "@/lib/progress/progress";
import { timeLimitSecFor, type QuizScore } from "@/lib/quiz/marking";
import { isFinalStretch } from "@/lib/readiness/exam-mode";
import type { LocalDay } from "@/lib/calendar/local-day";
import { todaySummary, type Today } from "./summary";

/** At most this many weak topics are proposed for the day. */
export const WEAK_TOPICS_PER_DAY = 3;

export type WeakTopic = { topic: string; accuracy: number; correct: number; attempts: number };

export type ExamDayPlan = {
  name: string | null;
  date: LocalDay;
  daysLeft: number;
  /** From readiness: the reviews and new cards a day that bring every card to the target by exam day; null on exam day. */
  reviewsPerDay: number | null;
  newCardsPerDay: number | null;
  introduceBy: LocalDay | null;
  /** Bank items never studied, which the plan introduces by `introduceBy`. */
  newCards: number;
  /** The user's new cards per day from Settings, which the plan's figure is read against. */
  newCardsLimit: number;
  newCardsLimitTooLow: boolean;
  targetRetention: number;
  /** The last days before the exam (exam mode's final stretch): the flashcard queue goes weakest-on-exam-day first. */
  finalStretch: boolean;
};

export type DayPlan = {
  day: LocalDay;
  streak: Today["streak"];
  /** Step 1: flashcard reviews (the flashcard and cloze cards due by the end of the day, then new ones). */
  flashcards: { due: number; new: number; reviewedToday: number; done: boolean };
  /** Step 2: the daily quiz of Prelims questions, its size and time whether started or not. */
  /** `answered` counts skipped questions too: the ones behind the user. */
  quiz: { status: Today["quiz"]["status"]; questions: number; minutes: number; answered: number; score: QuizScore | null; done: boolean };
  /** Step 3: the topics to practise, weakest first: accuracy below the user's target retention. */
  weakTopics: WeakTopic[];
  /** The first step not done yet, in the order above; null when the day's work is done. */
  next: "flashcards" | "quiz" | "weak-topics" | null;
  /** Null without an exam date, or once the exam day has passed. */
  exam: ExamDayPlan | null;
};

/** The minutes a quiz allows, whole minutes rounded up. */
export function quizMinutes(timeLimitSec: number): number {
  return Math.ceil(timeLimitSec / 60);
}

/**
 * The day's plan from what Today and Progress already compute (todaySummary, getProgress and its
 * readiness): no rule of its own but the order of the steps and which topics count as weak.
 */
export function composeDayPlan(input: {
  today: Today;
  progress: Pick<Progress, "topics" | "retention" | "exam" | "readiness">;
  dailyQuizSize: number;
  newCardsPerDay: number;
  /** The stored limit of today's quiz once it exists. */
  quizTimeLimitSec: number | null;
  /** Its questions answered or skipped so far. */
  quizAnswered: number;
}): DayPlan {
  const { today, progress } = input;
  const flashcardsLeft = today.due + today.new;
  const questions = today.quiz.score?.questions ?? input.dailyQuizSize;
  const timeLimitSec = input.quizTimeLimitSec ?? timeLimitSecFor(questions);
  const target = progress.retention.desired;
  const weakTopics = progress.topics
    .filter(({ accuracy }) => accuracy < target)
    .slice(0, WEAK_TOPICS_PER_DAY)
    .map(({ topic, accuracy, correct, attempts }) => ({ topic, accuracy, correct, attempts }));
  const flashcards = { due: today.due, new: today.new, reviewedToday: today.reviewedToday, done: flashcardsLeft === 0 };
  const quiz = {
    status: today.quiz.status,
    questions,
    minutes: quizMinutes(timeLimitSec),
    answered: input.quizAnswered,
    score: today.quiz.score,
    done: today.quiz.status === "finished",
  };
  const next = !flashcards.done ? "flashcards" : !quiz.done ? "quiz" : weakTopics.length > 0 ? "weak-topics" : null;

  const exam = progress.exam && progress.exam.daysLeft >= 0 ? progress.exam : null;
  const plan = progress.readiness?.plan ?? null;
  return {
    day: today.day,
    streak: today.streak,
    flashcards,
    quiz,
    weakTopics,
    next,
    exam: exam
      ? {
          name: exam.name,
          date: exam.date,
          daysLeft: exam.daysLeft,
          reviewsPerDay: plan ? plan.reviewsPerDay : null,
          newCardsPerDay: plan ? plan.newCardsPerDay : null,
          introduceBy: plan ? plan.introduceBy : null,
          newCards: plan?.newCards ?? 0,
          newCardsLimit: input.newCardsPerDay,
          newCardsLimitTooLow: plan?.newCardsLimitTooLow ?? false,
          targetRetention: target,
          finalStretch: isFinalStretch(exam.daysLeft),
        }
      : null,
  };
}

/** What the Today page shows: the day's work in order, and with an exam date the day's share of the exam plan. */
export async function dayPlan(db: Db, userId: string, now: Date): Promise<DayPlan> {
  const settings = settingsOrDefaults(await db.userSettings.findUnique({ where: { userId }, select: { dailyQuizSize: true, newCardsPerDay: true } }));
  const [today, progress] = await Promise.all([todaySummary(db, userId, now), getProgress(db, userId, now)]);
  const quiz = today.quiz.id
    ? await db.quizSession.findUnique({
        where: { id: today.quiz.id },
        select: { timeLimitSec: true, _count: { select: { questions: { where: { answeredAt: { not: null } } } } } },
      })
    : null;
  return composeDayPlan({
    today,
    progress,
    dailyQuizSize: settings.dailyQuizSize,
    newCardsPerDay: settings.newCardsPerDay,
    quizTimeLimitSec: quiz?.timeLimitSec ?? null,
    quizAnswered: quiz?._count.questions ?? 0,
  });
}
