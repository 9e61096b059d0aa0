import { fsrs, Rating, type FSRS, type Grade } from "ts-fsrs";
import { seededRandom, type Random } from "@/lib/content/generate/random";
import { longestGapKeepingRecall } from "@/lib/readiness/recall";

/** The simulation with its random source still to be given: how getMemoryModel runs it (a strategy). */
export type RetentionSimulator = (input: Omit<SimulationInput, "newRandom">) => Promise<RetentionOutcome[]>;

/** Runs the simulation here, on this thread, with `seed`'s random source: for scripts and tests. */
export function simulateHere(seed: string): RetentionSimulator {
  return async (input) => simulateRetentions({ ...input, newRandom: () => seededRandom(seed) });
}

/** A studied card as the simulation sees it, in the user's days (days since 1970-01-01). */
export type SimulatedCard = { stability: number; difficulty: number; lastReviewDay: number; dueDay: number };

export type SimulationInput = {
  parameters: readonly number[];
  /** The user's studied cards. */
  cards: readonly SimulatedCard[];
  /** Bank items the user has not studied yet, introduced at newCardsPerDay. */
  newCards: number;
  newCardsPerDay: number;
  /** How the user rates a card the first time: the share of again, hard, good and easy (any scale). */
  firstRatings: readonly [number, number, number, number];
  /** The user's today. */
  today: number;
  /** Reviews per day are counted over these days from today. */
  days: number;
  /** The exam day; null to measure recall at the end of `days` instead. */
  examDay: number | null;
  retentions: readonly number[];
  /**
   * A fresh seeded random source, one per retention: each retention then sees the same draws (common
   * random numbers), so the curve shows what the retention changes rather than sampling noise.
   */
  newRandom: () => Random;
};

export type RetentionOutcome = {
  retention: number;
  /** Mean ratings a day (new cards' first ratings included) over the simulated days. */
  reviewsPerDay: number;
  /** Cards studied by the measuring day (exam day, or the end of the period). */
  studied: number;
  /** Expected facts remembered on that day: the sum of the studied cards' recall probabilities. */
  remembered: number;
};

/** New cards stop this many days before the exam, as in the readiness plan, so each gets a few reviews. */
const NEW_CARD_LEAD_DAYS = 7;
/** The simulation runs to the exam when it is this close, so the exam-day figure is simulated, not extrapolated. */
const MAX_SIMULATED_DAYS = 366;

/**
 * The user's next days under each desired retention: every card reviewed when due with recall drawn from
 * its forgetting curve (a pass answered "good", a failure "again" and seen the next day), new cards
 * introduced each day up to the limit with first ratings drawn from the user's own, and exam mode pulling
 * a review before the exam when the due date would leave recall below the retention on exam day, as
 * scheduling does. No daily review cap: the point is what each retention costs.
 *
 * Deterministic for a given seed.
 */
export function simulateRetentions(input: SimulationInput): RetentionOutcome[] {
  return input.retentions.map((retention) => simulateRetention(input, retention));
}

/** The day recall is measured on: the exam day when it is ahead and within reach, else the end of the period. */
export function measuringDay({ today, days, examDay }: Pick<SimulationInput, "today" | "days" | "examDay">): number {
  return examDay !== null && examDay > today && examDay - today <= MAX_SIMULATED_DAYS ? examDay : today + days;
}

function simulateRetention(input: SimulationInput, retention: number): RetentionOutcome {
  const scheduler = fsrs({ w: [...input.parameters], request_retention: retention, enable_fuzz: false });
  const countUntil = input.today + input.days;
  const measureDay = measuringDay(input);
  const examDay = measureDay === input.examDay ? input.examDay : null;
  const simulation = { scheduler, retention, examDay, measureDay, countUntil, random: input.newRandom(), reviews: 0 };

  let studied = 0;
  let remembered = 0;
  const measure = (card: SimulatedCard) => {
    studied++;
    remembered += scheduler.forgetting_curve(Math.max(0, measureDay - card.lastReviewDay), card.stability);
  };
  for (const card of input.cards) {
    measure(reviewUntil({ ...card, dueDay: Math.max(card.dueDay, input.today) }, simulation));
  }
  const lastIntroductionDay = Math.min(countUntil, examDay === null ? countUntil : examDay - NEW_CARD_LEAD_DAYS);
  let unseen = input.newCards;
  for (let day = input.today; day < lastIntroductionDay && unseen > 0; day++) {
    for (let n = 0; n < input.newCardsPerDay && unseen > 0; n++, unseen--) {
      measure(reviewUntil(introduce(day, input.firstRatings, simulation), simulation));
    }
  }
  return { retention, reviewsPerDay: simulation.reviews / input.days, studied, remembered };
}

type Simulation = { scheduler: FSRS; retention: number; examDay: number | null; measureDay: number; countUntil: number; random: Random; reviews: number };

function introduce(day: number, firstRatings: SimulationInput["firstRatings"], simulation: Simulation): SimulatedCard {
  const grade = drawGrade(firstRatings, simulation.random());
  const { stability, difficulty } = simulation.scheduler.next_state(null, 0, grade);
  if (day < simulation.countUntil) simulation.reviews++;
  return schedule({ stability, difficulty, lastReviewDay: day, dueDay: day }, grade, simulation);
}

/** Reviews the card at each due date before the measuring day; returns its state then. */
function reviewUntil(start: SimulatedCard, simulation: Simulation): SimulatedCard {
  let card = start;
  while (card.dueDay < simulation.measureDay) {
    const elapsed = card.dueDay - card.lastReviewDay;
    const recalled = simulation.random() < simulation.scheduler.forgetting_curve(elapsed, card.stability);
    const grade = recalled ? Rating.Good : Rating.Again;
    const { stability, difficulty } = simulation.scheduler.next_state({ stability: card.stability, difficulty: card.difficulty }, elapsed, grade);
    if (card.dueDay < simulation.countUntil) simulation.reviews++;
    card = schedule({ stability, difficulty, lastReviewDay: card.dueDay, dueDay: card.dueDay }, grade, simulation);
  }
  return card;
}

/** The next due day after a rating on `card.lastReviewDay`, with exam mode's limit. */
function schedule(card: SimulatedCard, grade: Grade, simulation: Simulation): SimulatedCard {
  const { scheduler, examDay, retention } = simulation;
  const interval = grade === Rating.Again ? 1 : scheduler.next_interval(card.stability, 0);
  let dueDay = card.lastReviewDay + interval;
  if (examDay !== null && dueDay >= examDay && scheduler.forgetting_curve(examDay - card.lastReviewDay, card.stability) < retention) {
    const gap = Math.max(1, longestGapKeepingRecall(card.stability, retention, scheduler));
    dueDay = Math.max(card.lastReviewDay + 1, examDay - gap);
  }
  return { ...card, dueDay };
}

function drawGrade(shares: SimulationInput["firstRatings"], draw: number): Grade {
  const total = shares.reduce((sum, share) => sum + share, 0);
  let threshold = draw * total;
  for (let i = 0; i < 3; i++) {
    threshold -= shares[i]!;
    if (threshold < 0) return (i + 1) as Grade;
  }
  return Rating.Easy;
}
