import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { dayFromEpochDay, epochDayOf, localDayOf, type LocalDay } from "@/lib/calendar/local-day";
import { liveJobsOf, type JobView } from "@/lib/jobs/jobs";
import { activeItemsPerTopic, studiedCardsWithTopics } from "@/lib/readiness/load";
import { MIN_TRAINING_REVIEWS, storedFitReport, type FitReport } from "./fit";
import { DEFAULT_PARAMETERS, parseParameters } from "./parameters";
import { measuringDay, type RetentionOutcome, type RetentionSimulator, type SimulatedCard, type SimulationInput } from "./simulate";

/** The desired retentions the simulation compares: 0.70 to 0.97 in steps of 0.01. */
export const SIMULATED_RETENTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i / 100) * 100) / 100);
export const SIMULATED_DAYS = 90;
/** Recall wanted on exam day, as a share of the facts studied by then, unless the caller names another. */
export const DEFAULT_EXAM_DAY_TARGET = 0.9;

export type RetentionChoice = {
  days: number;
  /** The day recall is measured on: the exam day, or the end of the simulated days without an exam date (or one over a year away). */
  measuredOn: LocalDay;
  examDate: LocalDay | null;
  examDayTarget: number;
  currentRetention: number;
  /** The lowest simulated retention whose expected recall on measuredOn reaches the target; null if none does. */
  lowestRetentionMeetingTarget: number | null;
  points: RetentionOutcome[];
};

export type MemoryModelView = {
  /** The parameters scheduling uses for this user now. */
  parameters: number[];
  usingFittedParameters: boolean;
  minimumTrainingReviews: number;
  /** The last fit (adopted or not), or null before the first. */
  lastFit: FitReport | null;
  /** The user's fit or reschedule still queued or running, so that a page opened meanwhile follows it. */
  liveJobs: JobView[];
  retention: RetentionChoice;
};

export type MemoryModelOptions = {
  now: Date;
  /** Runs the simulation with its seeded random source: in a worker for requests, here in tests. */
  simulate: RetentionSimulator;
  examDayTarget?: number;
};

/** What GET /api/memory-model and Settings show: parameters, the last fit and the retention simulation. */
export async function getMemoryModel(db: Db, userId: string, options: MemoryModelOptions): Promise<MemoryModelView> {
  const settings = await db.userSettings.upsert({
    where: { userId },
    create: { userId },
    update: {},
    select: { desiredRetention: true, examDate: true, timeZone: true, newCardsPerDay: true, fsrsParameters: true },
  });
  const [lastFit, liveJobs, cards, topicSizes, firstRatings] = await Promise.all([
    storedFitReport(db, userId),
    liveJobsOf(db, userId),
    studiedCardsWithTopics(db, userId),
    activeItemsPerTopic(db),
    db.reviewLog.groupBy({ by: ["rating"], where: { userId, stateBefore: State.New }, _count: { _all: true } }),
  ]);
  const fitted = parseParameters(settings.fsrsParameters);
  const parameters = fitted ?? [...DEFAULT_PARAMETERS];
  const dayOf = (at: Date) => epochDayOf(localDayOf(at, settings.timeZone));
  const today = localDayOf(options.now, settings.timeZone);
  const simulatedCards: SimulatedCard[] = cards.map(({ card }) => ({
    stability: card.stability,
    difficulty: card.difficulty,
    lastReviewDay: dayOf(card.last_review ?? card.due),
    dueDay: dayOf(card.due),
  }));
  const share = (rating: number) => firstRatings.find((group) => group.rating === rating)?._count._all ?? 0;
  const ratedFirst = [share(1), share(2), share(3), share(4)] as const;
  const examDayTarget = options.examDayTarget ?? DEFAULT_EXAM_DAY_TARGET;

  const simulation: Omit<SimulationInput, "newRandom"> = {
    parameters,
    cards: simulatedCards,
    newCards: Math.max(0, topicSizes.reduce((sum, { items }) => sum + items, 0) - cards.length),
    newCardsPerDay: settings.newCardsPerDay,
    firstRatings: ratedFirst.some((count) => count > 0) ? ratedFirst : [0, 0, 1, 0],
    today: epochDayOf(today),
    days: SIMULATED_DAYS,
    examDay: settings.examDate && settings.examDate > today ? epochDayOf(settings.examDate) : null,
    retentions: SIMULATED_RETENTIONS,
  };
  const points = await options.simulate(simulation);
  return {
    parameters,
    usingFittedParameters: fitted !== null,
    minimumTrainingReviews: MIN_TRAINING_REVIEWS,
    lastFit,
    liveJobs,
    retention: {
      days: SIMULATED_DAYS,
      measuredOn: dayFromEpochDay(measuringDay(simulation)),
      examDate: settings.examDate,
      examDayTarget,
      currentRetention: settings.desiredRetention,
      lowestRetentionMeetingTarget: points.find((point) => point.studied > 0 && point.remembered / point.studied >= examDayTarget)?.retention ?? null,
      points,
    },
  };
}
