import type { Db } from "@/lib/db/client";
import { startJob, type JobTiming, type JobTx, type StartedJob } from "@/lib/jobs/jobs";
import type { FitResult, ModelEvaluation, ParameterFitter } from "./workers";
import { DEFAULT_PARAMETERS } from "./parameters";

/**
 * Fewer ratings than this (on a later day than the card's previous one) fit noise: fsrs-rs' own guidance
 * and Anki's is several hundred. Below it the user keeps the defaults, and is told why.
 */
export const MIN_TRAINING_REVIEWS = 400;

export type FitOutcome = "adopted" | "kept-defaults" | "too-few-reviews";

/** What a fit concluded, as stored in MemoryModel and shown in Settings. */
export type FitReport = {
  outcome: FitOutcome;
  reason: string;
  fittedAt: Date;
  /** The user's ratings when fitted (StudyDay rollups): the monthly refit counts new ones from here. */
  reviews: number;
  trainingReviews: number;
  fittedParameters: number[] | null;
  evaluation: { default: ModelEvaluation; fitted: ModelEvaluation } | null;
};

/** A fit job's result (the job carries its own times): the report without its date. */
export type FitJobResult = Omit<FitReport, "fittedAt">;

export type FitOptions = {
  now: () => Date;
  fitter: ParameterFitter;
  /** Who asks, for the job's lease: one id per call unless a test names the instance. */
  owner?: string;
  timing?: JobTiming;
};

/**
 * Starts fitting the user's memory model to their own review log, as a background job (lib/jobs) the
 * client polls: one per user at a time across every instance, and a second start while one is queued or
 * running returns that one. The fit evaluates the parameters beside the defaults and adopts them
 * (UserSettings.fsrsParameters, which scheduling reads) only when they predict the user's recall better
 * (lower log loss); otherwise scheduling goes back to, or stays on, the defaults. Cards keep their memory
 * state: the parameters shape the intervals from each next rating on.
 *
 * When no rating has been added since the last fit, the job gives that fit's report without fitting again.
 */
export function startMemoryModelFit(db: Db, userId: string, options: FitOptions): Promise<StartedJob<FitJobResult>> {
  return startJob<FitJobResult>(db, {
    userId,
    kind: "memory-model-fit",
    now: options.now,
    owner: options.owner,
    timing: options.timing,
    work: async () => {
      const previous = await storedFitReport(db, userId);
      const reviews = await ratingCount(db, userId);
      if (previous && previous.reviews === reviews) return { result: withoutDate(previous) };
      // The fitter reads the history itself (off this process in the app): the server never holds a heavy user's log.
      const { trainingReviews, fit } = await options.fitter({ userId, defaultParameters: DEFAULT_PARAMETERS, minTrainingReviews: MIN_TRAINING_REVIEWS });
      const now = options.now();
      const report = fit === null ? tooFewReviews(now, reviews, trainingReviews) : judged(now, reviews, trainingReviews, fit);
      const touchesScheduling = previous?.outcome === "adopted" || report.outcome === "adopted";
      return { result: withoutDate(report), commit: (tx) => storeFitReport(tx, userId, report, touchesScheduling) };
    },
  });
}

function withoutDate({ fittedAt: _fittedAt, ...report }: FitReport): FitJobResult {
  return report;
}

/** The user's ratings, from the StudyDay rollups (a row per day) rather than a count over the review log. */
export async function ratingCount(db: Db, userId: string): Promise<number> {
  const { _sum } = await db.studyDay.aggregate({ where: { userId }, _sum: { reviews: true } });
  return _sum.reviews ?? 0;
}

function tooFewReviews(now: Date, reviews: number, trainingReviews: number): FitReport {
  return {
    outcome: "too-few-reviews",
    reason:
      `Fitting needs at least ${MIN_TRAINING_REVIEWS} reviews of cards on a later day than their previous review; ` +
      `you have ${trainingReviews}. Until then you are scheduled with FSRS's default parameters.`,
    fittedAt: now,
    reviews,
    trainingReviews,
    fittedParameters: null,
    evaluation: null,
  };
}

function judged(now: Date, reviews: number, trainingReviews: number, fit: FitResult): FitReport {
  const { default: defaults, fitted } = fit.evaluation;
  const better = fitted.logLoss < defaults.logLoss;
  const losses = `log loss ${fitted.logLoss.toFixed(4)} against ${defaults.logLoss.toFixed(4)} for the defaults`;
  return {
    outcome: better ? "adopted" : "kept-defaults",
    reason: better
      ? `Your own parameters predict your recall better (${losses}): your reviews are now scheduled with them.`
      : `Your own parameters do not predict your recall better (${losses}): you stay on the defaults.`,
    fittedAt: now,
    reviews,
    trainingReviews,
    fittedParameters: fit.parameters,
    evaluation: fit.evaluation,
  };
}

/**
 * Stores the report and, when scheduling changes (`touchesScheduling`), the parameters it uses, in the
 * transaction that completes the fit's job: a fit whose job was taken from it leaves no trace.
 */
async function storeFitReport(tx: JobTx, userId: string, report: FitReport, touchesScheduling: boolean): Promise<void> {
  const stored = {
    fittedAt: report.fittedAt,
    outcome: report.outcome,
    reason: report.reason,
    reviewsAtFit: report.reviews,
    fittedParameters: report.fittedParameters ? JSON.stringify(report.fittedParameters) : null,
    evaluation: JSON.stringify({ trainingReviews: report.trainingReviews, ...(report.evaluation ?? {}) }),
  };
  await tx.memoryModel.upsert({ where: { userId }, create: { userId, ...stored }, update: stored });
  if (!touchesScheduling) return;
  const fsrsParameters = report.outcome === "adopted" ? JSON.stringify(report.fittedParameters) : null;
  await tx.userSettings.upsert({ where: { userId }, create: { userId, fsrsParameters }, update: { fsrsParameters } });
}

/** The last fit's report, or null before the first. */
export async function storedFitReport(db: Db, userId: string): Promise<FitReport | null> {
  const row = await db.memoryModel.findUnique({ where: { userId } });
  if (!row?.fittedAt || !row.outcome) return null;
  const stored = JSON.parse(row.evaluation ?? "{}") as { trainingReviews?: number; default?: ModelEvaluation; fitted?: ModelEvaluation };
  return {
    outcome: row.outcome as FitOutcome,
    reason: row.reason ?? "",
    fittedAt: row.fittedAt,
    reviews: row.reviewsAtFit,
    trainingReviews: stored.trainingReviews ?? 0,
    fittedParameters: row.fittedParameters ? (JSON.parse(row.fittedParameters) as number[]) : null,
    evaluation: stored.default && stored.fitted ? { default: stored.default, fitted: stored.fitted } : null,
  };
}
