import type { Db } from "@/lib/db/client";
import { MIN_TRAINING_REVIEWS, startMemoryModelFit } from "./fit";
import type { ParameterFitter } from "./workers";

/** A user's model is refitted at most this often... */
export const REFIT_AFTER_DAYS = 30;
/** ...and only once this many ratings have come in since the last fit (or in all, before the first). */
export const REFIT_NEW_REVIEWS = MIN_TRAINING_REVIEWS;

const MS_PER_DAY = 86_400_000;

/**
 * The users due their monthly refit: no fit in REFIT_AFTER_DAYS and REFIT_NEW_REVIEWS new ratings since
 * the last. Counted from the StudyDay rollups (a row per user and day), never from the review log.
 */
export async function usersDueRefit(db: Db, now: Date): Promise<string[]> {
  const [totals, models] = await Promise.all([
    db.studyDay.groupBy({ by: ["userId"], _sum: { reviews: true } }),
    db.memoryModel.findMany({ select: { userId: true, fittedAt: true, reviewsAtFit: true } }),
  ]);
  const modelOf = new Map(models.map((model) => [model.userId, model]));
  const cutoff = now.getTime() - REFIT_AFTER_DAYS * MS_PER_DAY;
  return totals
    .filter(({ userId, _sum }) => {
      const model = modelOf.get(userId);
      if (model?.fittedAt && model.fittedAt.getTime() > cutoff) return false;
      return (_sum.reviews ?? 0) - (model?.reviewsAtFit ?? 0) >= REFIT_NEW_REVIEWS;
    })
    .map(({ userId }) => userId)
    .sort();
}

/**
 * Refits every user due one, one after another, each as a fit job (lib/jobs) waited for before the next.
 * A user whose fit is already queued or running (asked for in Settings, or on another instance) is
 * skipped: it is being fitted there.
 */
export async function refitDueMemoryModels(db: Db, options: { now: () => Date; fitter: ParameterFitter }): Promise<{ fitted: string[]; skipped: string[] }> {
  const fitted: string[] = [];
  const skipped: string[] = [];
  for (const userId of await usersDueRefit(db, options.now())) {
    const { finished } = await startMemoryModelFit(db, userId, { now: options.now, fitter: options.fitter });
    const job = finished && (await finished);
    if (job?.status === "done") fitted.push(userId);
    else skipped.push(userId);
  }
  return { fitted, skipped };
}

/** How often the server looks for users due a refit. */
export const REFIT_CHECK_MS = 60 * 60_000;

/**
 * Starts the hourly look for users due a refit in this server process, off the request path; the timer
 * does not keep the process alive. Several instances may all run it: a user has one live fit job at a time (lib/jobs).
 */
export function startRefitSchedule(db: () => Db, fitter: ParameterFitter): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      await refitDueMemoryModels(db(), { now: () => new Date(), fitter });
    } catch (error) {
      console.error("[memory-model] the monthly refit check failed", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), REFIT_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
