import { State } from "ts-fsrs";
import { parseParameters } from "@/lib/memory-model/parameters";
import type { Db } from "@/lib/db/client";
import { settingsOrDefaults } from "@/lib/defaults";
import { NotFoundError } from "@/lib/errors";
import { daysUntilExam } from "@/lib/readiness/exam-mode";
import { activeItemsPerTopic, paperItems, studiedCardsWithTopics } from "@/lib/readiness/load";
import { factRecallAt, predictPaperScore, whenNotRecalledFrom, type PredictedScore } from "@/lib/readiness/predicted-score";
import { guessCalibration } from "@/lib/strategy/strategy";
import { assessReadiness, type Readiness } from "@/lib/readiness/readiness";
import { schedulerFor } from "@/lib/srs/schedule";
import { accuracyByTopic, type TopicAccuracy } from "./accuracy";
import { heatmapDays, streaksOf, type DayCount, type Streaks } from "./activity";
import { dueForecast, type DueDay } from "./forecast";
import { quizHistory, type QuizSummary } from "./quiz-history";
import { recentStudy, type TrueRetention } from "./retention";
import { sqlDialectOf } from "@/lib/db/sql-dialect";
import { studyDays } from "./study-days";
import { localDayOf, startOfLocalDay, type LocalDay } from "@/lib/calendar/local-day";

export type CardsByState = {
  /** Active bank items not studied yet, whether or not a card row exists for them. */
  new: number;
  learning: number;
  review: number;
  relearning: number;
};

export type Exam = { date: LocalDay; name: string | null; daysLeft: number };

export type Progress = {
  timeZone: string;
  today: LocalDay;
  streak: Streaks;
  /** Ratings per day over the last year, oldest first, every day present. */
  heatmap: { days: DayCount[]; totalReviews: number; activeDays: number };
  /** Accuracy per topic, weakest first. */
  topics: TopicAccuracy[];
  retention: { desired: number; last7Days: TrueRetention; last30Days: TrueRetention };
  cardsByState: CardsByState;
  /** Reviews due per day for the next 30 days, today first (overdue cards count for today). */
  forecast: DueDay[];
  /** Most recent quizzes first. */
  quizzes: QuizSummary[];
  /** Null when no exam date is set. */
  exam: Exam | null;
  /**
   * Null when no exam date is set or the exam day has passed. predictedScore: the score on a paper drawn
   * from the bank on exam day (lib/readiness/predicted-score.ts), simulated with a seed of the user and
   * their day, so it changes as they study, not on every reload; a question whose facts are not
   * recalled is skipped, or guessed at the user's own guess accuracy when their guesses have paid
   * (whenNotRecalledFrom); null when the bank has no questions.
   */
  readiness: (Readiness & { predictedScore: PredictedScore | null }) | null;
};

/**
 * Everything the Progress page shows, for one user at `now`. The database does the counting: a fixed
 * number of queries whatever the size of the history, each returning at most a row per day, topic, state
 * or quiz, and none reading individual ratings: streaks, the heatmap, retention and flashcard accuracy
 * come from rollups the database keeps as ratings are written. Only readiness reads individual cards
 * (bounded by the bank), and only when an exam is set.
 */
export async function getProgress(db: Db, userId: string, now: Date): Promise<Progress> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      settings: { select: { timeZone: true, examDate: true, examName: true, desiredRetention: true, newCardsPerDay: true, fsrsParameters: true } },
    },
  });
  if (!user) throw new NotFoundError("No such user.");
  const { timeZone, examDate, examName, desiredRetention, newCardsPerDay } = settingsOrDefaults(user.settings);
  const weights = parseParameters(user.settings?.fsrsParameters);
  const dialect = sqlDialectOf(db);
  const today = localDayOf(now, timeZone);

  const [days, topics, forecast, stateGroups, topicSizes, quizzes, studiedCards, examItems, guesses] = await Promise.all([
    studyDays(db, userId),
    accuracyByTopic(db, userId),
    dueForecast(db, dialect, userId, timeZone, today),
    db.card.groupBy({
      by: ["state"],
      where: { userId, state: { not: State.New }, item: { retiredAt: null } },
      _count: { _all: true },
    }),
    activeItemsPerTopic(db),
    quizHistory(db, userId),
    examDate ? studiedCardsWithTopics(db, userId) : Promise.resolve([]),
    examDate ? paperItems(db) : Promise.resolve([]),
    examDate ? guessCalibration(db, userId) : Promise.resolve(null),
  ]);

  const heatmap = heatmapDays(days, today);
  const recent = recentStudy(days, today);
  const inState = (state: State) => stateGroups.find((group) => group.state === state)?._count._all ?? 0;
  const studied = inState(State.Learning) + inState(State.Review) + inState(State.Relearning);
  const activeItems = topicSizes.reduce((sum, { items }) => sum + items, 0);

  const assessed = examDate
    ? assessReadiness({
        examDate,
        timeZone,
        targetRetention: desiredRetention,
        parameters: weights,
        newCardsPerDayLimit: newCardsPerDay,
        now,
        cards: studiedCards,
        topicSizes,
        pace: {
          days: recent.paceDays,
          reviewsPerDay: recent.paceDays === 0 ? 0 : recent.reviewsInPace / recent.paceDays,
          newCardsPerDay: recent.paceDays === 0 ? 0 : recent.newCardsInPace / recent.paceDays,
        },
      })
    : null;
  const readiness = assessed && {
    ...assessed,
    predictedScore: predictPaperScore({
      items: examItems,
      recall: factRecallAt(studiedCards, startOfLocalDay(assessed.examDate, timeZone), schedulerFor({ desiredRetention, weights })),
      seed: `${userId}:${today}`,
      whenNotRecalled: guesses ? whenNotRecalledFrom(guesses) : undefined,
    }),
  };

  return {
    timeZone,
    today,
    streak: streaksOf(
      days.map(({ day }) => day),
      today,
    ),
    heatmap: {
      days: heatmap,
      totalReviews: heatmap.reduce((sum, { reviews }) => sum + reviews, 0),
      activeDays: heatmap.filter(({ reviews }) => reviews > 0).length,
    },
    topics,
    retention: { desired: desiredRetention, last7Days: recent.retention7Days, last30Days: recent.retention30Days },
    cardsByState: {
      new: Math.max(0, activeItems - studied),
      learning: inState(State.Learning),
      review: inState(State.Review),
      relearning: inState(State.Relearning),
    },
    forecast,
    quizzes,
    exam: examDate ? { date: examDate, name: examName, daysLeft: daysUntilExam(examDate, timeZone, now) } : null,
    readiness,
  };
}
