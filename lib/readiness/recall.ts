import { computeDecayFactor, fsrs, State, type Card as FsrsCard, type FSRS } from "ts-fsrs";

/**
 * Retrievability as ts-fsrs computes it. Readiness and exam mode only read the forgetting curve, which
 * depends on the parameters' weights alone, so ts-fsrs' defaults serve unless the caller's scheduler
 * uses other weights, in which case it passes that scheduler.
 */
export const defaultScheduler: FSRS = fsrs();

/** The probability of recalling the card at that instant: 0 for a card never studied. */
export function recallAt(card: FsrsCard, at: Date, scheduler: FSRS = defaultScheduler): number {
  return scheduler.get_retrievability(card, at, false);
}

export function isStudied(card: Pick<FsrsCard, "state">): boolean {
  return card.state !== State.New;
}

/**
 * The most whole days that may pass after a review before recall of a memory of this stability falls
 * below the target: the largest t with R(t) >= target, counted the way get_retrievability counts days.
 */
export function longestGapKeepingRecall(stability: number, targetRetention: number, scheduler: FSRS = defaultScheduler): number {
  const s = +stability.toFixed(8);
  if (s <= 0) return 0;
  const { decay, factor } = computeDecayFactor(scheduler.parameters.w);
  // The curve's inverse gives the exact crossing; the curve itself (rounded to 8 places) has the last word.
  let days = Math.max(0, Math.floor((s / factor) * (Math.pow(targetRetention, 1 / decay) - 1)));
  while (days > 0 && scheduler.forgetting_curve(days, s) < targetRetention) days--;
  while (scheduler.forgetting_curve(days + 1, s) >= targetRetention) days++;
  return days;
}
