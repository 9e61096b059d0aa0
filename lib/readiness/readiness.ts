import { createEmptyCard, Rating, type Card as FsrsCard, type FSRS } from "ts-fsrs";
import { schedulerFor } from "@/lib/srs/schedule";
import { addDays, localDayOf, startOfLocalDay, type LocalDay } from "@/lib/calendar/local-day";
import { applyExamDateLimit, daysUntilExam, type ExamLimit } from "./exam-mode";
import { isStudied, recallAt } from "./recall";

/** One of the user's cards with the topic of its bank item. */
export type TopicCard = { topic: string; card: FsrsCard };

/** How many active bank items a topic has. */
export type TopicSize = { topic: string; items: number };

/**
 * What the user has actually been doing lately, per day, over `days` days: the last PACE_DAYS days, or
 * fewer when the user's first rating is more recent (0 before any rating).
 */
export type Pace = { days: number; reviewsPerDay: number; newCardsPerDay: number };

export type ReadinessInput = {
  examDate: LocalDay;
  timeZone: string;
  targetRetention: number;
  /** The user's fitted FSRS parameters (lib/memory-model), or null for ts-fsrs' defaults. */
  parameters?: readonly number[] | null;
  /** The user's daily new-card limit from Settings: the plan says when it is too low to finish the bank. */
  newCardsPerDayLimit: number;
  now: Date;
  cards: readonly TopicCard[];
  topicSizes: readonly TopicSize[];
  pace: Pace;
};

export type RecallSummary = {
  /** Active bank items. */
  items: number;
  /** Cards reviewed at least once. */
  studied: number;
  /** Mean FSRS retrievability of the studied cards at the start of exam day; null when none is studied. */
  predictedRecall: number | null;
  /** Studied cards whose recall on exam day is below the target. */
  belowTarget: number;
};

export type TopicReadiness = RecallSummary & { topic: string };

export type ReadinessPlan = {
  /** Days left to study: today up to the eve of the exam. */
  studyDays: number;
  /** Reviews of studied cards and of the cards still to introduce, until each reaches the target on exam day. */
  reviewsNeeded: number;
  reviewsPerDay: number;
  /** Bank items never studied. */
  newCards: number;
  /** The last day to introduce new cards, leaving them time for a few reviews before the exam. */
  introduceBy: LocalDay;
  /** Days from today to introduceBy, both included: what newCardsPerDay spreads the new cards over. */
  introductionDays: number;
  newCardsPerDay: number;
  /** The user's new cards a day from Settings, which the plan's figure is compared with. */
  newCardsPerDayLimit: number;
  /** The plan needs more new cards a day than Settings allow. */
  newCardsLimitTooLow: boolean;
  pace: Pace;
  /**
   * Whether the pace, rounded to whole cards a day, keeps up with the plan; null while the pace covers
   * fewer than MIN_PACE_DAYS days, too few to judge (a first session is all new cards and no reviews).
   */
  onTrack: { reviews: boolean; newCards: boolean; overall: boolean } | null;
};

export type Readiness = {
  examDate: LocalDay;
  daysLeft: number;
  targetRetention: number;
  overall: RecallSummary;
  /** Weakest predicted recall first; topics with nothing studied last. */
  topics: TopicReadiness[];
  /** Null on exam day: there is nothing left to plan. */
  plan: ReadinessPlan | null;
};

/** The pace is judged against the plan only once it covers this many days. */
export const MIN_PACE_DAYS = 7;

/** New cards stop this many days before the exam so that each still gets a few reviews. */
export const NEW_CARD_LEAD_DAYS = 7;

// A card that answers "good" every time reaches any target within a handful of reviews; this bounds the
// simulation should a scheduler misbehave.
const MAX_SIMULATED_REVIEWS = 40;

/**
 * Exam readiness from the user's cards: predicted recall on exam day per topic and overall (ts-fsrs
 * retrievability at the start of exam day), and the plan to bring every card to the target by then.
 * Returns null once the exam day has passed.
 *
 * The plan simulates each studied card answered "good" at every due date, with exam mode moving due
 * dates that would leave it short on exam day, and counts the reviews until its exam-day recall reaches
 * the target. Unseen items are introduced evenly until NEW_CARD_LEAD_DAYS before the exam, each costing
 * the reviews of a card introduced halfway through that period. Real answers are not all "good", so the
 * numbers are the least work that gets there.
 */
export function assessReadiness(input: ReadinessInput): Readiness | null {
  const { examDate, timeZone, targetRetention, now } = input;
  const daysLeft = daysUntilExam(examDate, timeZone, now);
  if (daysLeft < 0) return null;
  const examStart = startOfLocalDay(examDate, timeZone);
  // The user's weights (or the defaults) at their retention, without fuzz, so the plan is the same on every request.
  const scheduler = schedulerFor({ desiredRetention: targetRetention, weights: input.parameters ?? null });

  const studied = input.cards.filter(({ card }) => isStudied(card));
  const recallByTopic = new Map<string, number[]>();
  for (const { topic, card } of studied) {
    const recalls = recallByTopic.get(topic) ?? [];
    recalls.push(recallAt(card, examStart, scheduler));
    recallByTopic.set(topic, recalls);
  }
  const itemsByTopic = new Map(input.topicSizes.map(({ topic, items }) => [topic, items]));
  const topicNames = new Set([...itemsByTopic.keys(), ...recallByTopic.keys()]);
  const topics = [...topicNames]
    .map((topic) => ({ topic, ...summarise(itemsByTopic.get(topic) ?? 0, recallByTopic.get(topic) ?? [], targetRetention) }))
    .sort(weakestFirst);
  const overall = summarise(
    input.topicSizes.reduce((sum, { items }) => sum + items, 0),
    [...recallByTopic.values()].flat(),
    targetRetention,
  );

  const limit: ExamLimit = { examDate, timeZone, targetRetention, now, scheduler };
  const plan = daysLeft === 0 ? null : planUntilExam(input, limit, studied, overall, daysLeft, examStart, scheduler);
  return { examDate, daysLeft, targetRetention, overall, topics, plan };
}

function summarise(items: number, recalls: number[], targetRetention: number): RecallSummary {
  return {
    items,
    studied: recalls.length,
    predictedRecall: recalls.length === 0 ? null : recalls.reduce((sum, r) => sum + r, 0) / recalls.length,
    belowTarget: recalls.filter((r) => r < targetRetention).length,
  };
}

function weakestFirst(a: TopicReadiness, b: TopicReadiness): number {
  if (a.predictedRecall === null || b.predictedRecall === null) {
    if (a.predictedRecall !== b.predictedRecall) return a.predictedRecall === null ? 1 : -1;
  } else if (a.predictedRecall !== b.predictedRecall) {
    return a.predictedRecall - b.predictedRecall;
  }
  return a.topic.localeCompare(b.topic);
}

function planUntilExam(
  input: ReadinessInput,
  limit: ExamLimit,
  studied: readonly TopicCard[],
  overall: RecallSummary,
  studyDays: number,
  examStart: Date,
  scheduler: FSRS,
): ReadinessPlan {
  const today = localDayOf(input.now, input.timeZone);
  const introductionDays = Math.max(1, studyDays - NEW_CARD_LEAD_DAYS);
  const introduceBy = addDays(today, introductionDays - 1);
  const newCards = Math.max(0, overall.items - overall.studied);

  const studiedReviews = studied.reduce((sum, { card }) => sum + reviewsUntilReady(card, limit, examStart, scheduler), 0);
  const typicalIntroduction = startOfLocalDay(addDays(today, Math.floor(introductionDays / 2)), input.timeZone);
  const reviewsPerNewCard = newCards === 0 ? 0 : reviewsAfterIntroduction(typicalIntroduction, limit, examStart, scheduler);
  const reviewsNeeded = studiedReviews + newCards * reviewsPerNewCard;

  const reviewsPerDay = Math.ceil(reviewsNeeded / studyDays);
  const newCardsPerDay = Math.ceil(newCards / introductionDays);
  const { pace } = input;
  const reviews = Math.round(pace.reviewsPerDay) >= reviewsPerDay;
  const newCardsOnTrack = Math.round(pace.newCardsPerDay) >= newCardsPerDay;
  return {
    studyDays,
    reviewsNeeded,
    reviewsPerDay,
    newCards,
    introduceBy,
    introductionDays,
    newCardsPerDay,
    newCardsPerDayLimit: input.newCardsPerDayLimit,
    newCardsLimitTooLow: newCardsPerDay > input.newCardsPerDayLimit,
    pace,
    onTrack: pace.days < MIN_PACE_DAYS ? null : { reviews, newCards: newCardsOnTrack, overall: reviews && newCardsOnTrack },
  };
}

/** Reviews, each answered "good" when due (exam mode applied), until recall on exam day reaches the target. */
function reviewsUntilReady(card: FsrsCard, limit: ExamLimit, examStart: Date, scheduler: FSRS): number {
  let current = card;
  let reviews = 0;
  while (recallAt(current, examStart, scheduler) < limit.targetRetention && reviews < MAX_SIMULATED_REVIEWS) {
    const at = current.due > limit.now ? current.due : limit.now;
    if (at >= examStart) break;
    current = applyExamDateLimit(scheduler.next(current, at, Rating.Good).card, { ...limit, now: at });
    reviews++;
  }
  return reviews;
}

/** The reviews a card first answered "good" at `introducedAt` needs after that first answer. */
function reviewsAfterIntroduction(introducedAt: Date, limit: ExamLimit, examStart: Date, scheduler: FSRS): number {
  const introduced = scheduler.next(createEmptyCard(introducedAt), introducedAt, Rating.Good).card;
  const limited = applyExamDateLimit(introduced, { ...limit, now: introducedAt });
  return reviewsUntilReady(limited, { ...limit, now: introducedAt }, examStart, scheduler);
}
