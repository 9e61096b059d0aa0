import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seededRandom } from "@/lib/content/generate/random";
import { createDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { FINISHED_JOBS_KEPT_MS, JobFailedError, jobOf, type JobView } from "@/lib/jobs/jobs";
import { MIN_TRAINING_REVIEWS, startMemoryModelFit, storedFitReport, type FitJobResult, type FitOptions } from "@/lib/memory-model/fit";
import { simulateHere } from "@/lib/memory-model/simulate";
import { YIELD_TIMING } from "@/lib/jobs/yield-to-requests";
import { fitInChildProcess, fitProcessSettings, simulateInWorker, type ParameterFitter } from "@/lib/memory-model/workers";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { getMemoryModel, SIMULATED_RETENTIONS } from "@/lib/memory-model/model";
import { DEFAULT_PARAMETERS } from "@/lib/memory-model/parameters";
import { refitDueMemoryModels, usersDueRefit } from "@/lib/memory-model/refit";
import { reviewQueue } from "@/lib/practice/queue";
import { submitReview } from "@/lib/practice/reviews";
import { DEFAULT_POLICY, schedulingFor } from "@/lib/practice/policy";
import { CARD_STATE_SELECT } from "@/lib/srs/card-state";
import { scheduleCard } from "@/lib/srs/schedule";
import { createItems, createUser } from "../helpers/factories";
import { FAST_FORGETTER, storeSyntheticHistory, syntheticHistory } from "../helpers/review-history";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const START = new Date("2026-01-01T00:00:00Z");
const NOW = new Date("2026-07-01T06:00:00Z");
const ITEMS = Array.from({ length: 700 }, (_, i) => `flashcard:f${i}`);
const clock = (at: Date) => () => at;

// Most tests fit in child processes at nice 19: on a shared, loaded machine they take their time.
vi.setConfig({ testTimeout: 120_000 });

/** Starts a fit and waits for the job this call started (it must have started one). */
async function fitAndWait(db: TestDatabase["db"], userId: string, options: FitOptions): Promise<JobView<FitJobResult>> {
  const { job, finished } = await startMemoryModelFit(db, userId, options);
  expect(job.status).toBe("queued");
  expect(finished).not.toBeNull();
  return finished!;
}

/**
 * The app's fitter (a child process reading the test database through its own connection), counting the
 * jobs it runs, the trainings among them, and the most jobs that ever ran at once.
 */
function countingFitter(database: TestDatabase) {
  const counts = { calls: 0, trainings: 0, running: 0, mostAtOnce: 0 };
  const inChild = fitInChildProcess(resolveDatabaseTarget(database.url));
  const fitter: ParameterFitter = async (job) => {
    counts.calls++;
    counts.running++;
    counts.mostAtOnce = Math.max(counts.mostAtOnce, counts.running);
    try {
      const history = await inChild(job);
      if (history.fit) counts.trainings++;
      return history;
    } finally {
      counts.running--;
    }
  };
  return { fitter, counts };
}

describeEachDatabase("the personal memory model", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, ITEMS.map((id) => ({ id, factIds: [id.split(":")[1]!] })));
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function userWithHistory(trueParameters: readonly number[], cards: number, seed: string) {
    const user = await createUser(database.db);
    const history = syntheticHistory({ trueParameters, cards, newCardsPerDay: 10, start: START, days: 180, random: seededRandom(seed) });
    await storeSyntheticHistory(database.db, user.id, history, ITEMS);
    return user;
  }

  const fsrsParametersOf = async (userId: string) =>
    (await database.db.userSettings.findUniqueOrThrow({ where: { userId }, select: { fsrsParameters: true } })).fsrsParameters;

  it("keeps the defaults, with the reason, for a user with too few reviews", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 20, "short history");
    const { fitter, counts } = countingFitter(database);

    const job = await fitAndWait(database.db, user.id, { now: clock(NOW), fitter });

    expect(job).toMatchObject({ kind: "memory-model-fit", status: "done", error: null, finishedAt: NOW });
    const report = job.result!;
    expect(report.outcome).toBe("too-few-reviews");
    expect(report.trainingReviews).toBeLessThan(MIN_TRAINING_REVIEWS);
    expect(report.reason).toContain(`at least ${MIN_TRAINING_REVIEWS} reviews`);
    expect(report.reason).toContain(`you have ${report.trainingReviews}`);
    expect(counts.calls).toBe(1);
    expect(counts.trainings).toBe(0);
    expect(await fsrsParametersOf(user.id)).toBeNull();
    expect((await getMemoryModel(database.db, user.id, { now: NOW, simulate: simulateHere("view") })).usingFittedParameters).toBe(false);
  });

  it("adopts parameters fitted to a fast forgetter's history, and scheduling then uses them", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 300, "fast forgetter");
    const job = await fitAndWait(database.db, user.id, { now: clock(NOW), fitter: fitInChildProcess(resolveDatabaseTarget(database.url)) });

    // What the client polls: the job, done, with the evaluation.
    expect(await jobOf(database.db, user.id, job.id)).toEqual(job);
    const report = job.result!;
    expect(report.outcome).toBe("adopted");
    expect(report.evaluation!.fitted.logLoss).toBeLessThan(report.evaluation!.default.logLoss);
    const stored = JSON.parse((await fsrsParametersOf(user.id))!) as number[];
    expect(stored).toEqual(report.fittedParameters);
    expect(await storedFitReport(database.db, user.id)).toEqual({ ...report, fittedAt: NOW });

    // The next card rated "good" now gets the fitted model's schedule, not the defaults'.
    const [card] = await reviewQueue(database.db, user.id, 1, NOW);
    const before = await database.db.card.findUniqueOrThrow({ where: { id: card!.id }, select: CARD_STATE_SELECT });
    const withFitted = scheduleCard(before, "good", NOW, schedulingFor({ ...DEFAULT_POLICY, weights: stored }));
    const withDefaults = scheduleCard(before, "good", NOW, schedulingFor(DEFAULT_POLICY));
    expect(withFitted.stability).not.toBeCloseTo(withDefaults.stability, 3);
    await submitReview(database.db, user.id, { reviewId: `fitted-${user.id}`, cardId: card!.id, rating: "good", durationMs: 1 }, NOW);
    const after = await database.db.card.findUniqueOrThrow({ where: { id: card!.id }, select: CARD_STATE_SELECT });
    expect(after.stability).toBeCloseTo(withFitted.stability, 6);
    expect(after.due.getTime()).toBe(withFitted.due.getTime());

    const view = await getMemoryModel(database.db, user.id, { now: NOW, simulate: simulateHere("view") });
    expect(view.usingFittedParameters).toBe(true);
    expect(view.parameters).toEqual(stored);
  });

  it("is idempotent: a second start while the fit is live returns the same job; after it, no new rating means no new fit", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 300, "idempotent");
    const { fitter, counts } = countingFitter(database);
    const first = await startMemoryModelFit(database.db, user.id, { now: clock(NOW), fitter });
    const second = await startMemoryModelFit(database.db, user.id, { now: clock(NOW), fitter });
    expect(second.job.id).toBe(first.job.id);
    expect(second.finished).toBeNull();
    const done = await first.finished!;
    expect(done.status).toBe("done");

    const later = await fitAndWait(database.db, user.id, { now: clock(new Date(NOW.getTime() + 60_000)), fitter });
    expect(later.id).not.toBe(done.id);
    expect(later.result).toEqual(done.result);
    expect(counts.calls).toBe(1);
  });

  it("never fits one user twice at once, whichever instance asks (separate clients)", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 300, "two instances");
    const { fitter, counts } = countingFitter(database);
    const instances = ["instance-a", "instance-b", "instance-c"].map((owner) => ({ owner, db: createDb(resolveDatabaseTarget(database.url)) }));
    try {
      const started = await Promise.all(instances.map(({ owner, db }) => startMemoryModelFit(db, user.id, { now: clock(NOW), fitter, owner })));
      expect(new Set(started.map(({ job }) => job.id)).size).toBe(1);
      const running = started.filter(({ finished }) => finished !== null);
      expect(running).toHaveLength(1);
      expect((await running[0]!.finished!).status).toBe("done");
      expect(counts.calls).toBe(1);
      expect(counts.mostAtOnce).toBe(1);
    } finally {
      await Promise.all(instances.map(({ db }) => db.$disconnect()));
    }
  });

  it("keeps a job's lease while it waits its turn and while it runs, longer than the lease lasts, and stores its fit", async () => {
    const slow = await userWithHistory(FAST_FORGETTER, 20, "lease, first");
    const waiting = await userWithHistory(FAST_FORGETTER, 20, "lease, second");
    const timing = { leaseMs: 300, renewEveryMs: 60 };
    const inChild = fitInChildProcess(resolveDatabaseTarget(database.url));
    // Each fit lasts three leases (on top of the child's own time).
    const slowFitter: ParameterFitter = async (job) => {
      await new Promise((resolve) => setTimeout(resolve, 3 * timing.leaseMs));
      return inChild(job);
    };
    const now = () => new Date();
    const first = await startMemoryModelFit(database.db, slow.id, { now, fitter: slowFitter, timing });
    const second = await startMemoryModelFit(database.db, waiting.id, { now, fitter: slowFitter, timing });

    // Two leases on, the second waits behind the first and the first runs: both leases are still live,
    // so another instance asking for either gets the same job and does not take it over.
    await new Promise((resolve) => setTimeout(resolve, 2 * timing.leaseMs));
    const other = createDb(resolveDatabaseTarget(database.url));
    try {
      expect((await jobOf(other, waiting.id, second.job.id)).status).toBe("queued");
      for (const [user, started] of [[slow, first], [waiting, second]] as const) {
        const again = await startMemoryModelFit(other, user.id, { now, fitter: slowFitter, timing, owner: "another instance" });
        expect(again).toMatchObject({ job: { id: started.job.id }, finished: null });
      }
    } finally {
      await other.$disconnect();
    }
    for (const [user, started] of [[slow, first], [waiting, second]] as const) {
      expect(await started.finished!).toMatchObject({ status: "done", result: { outcome: "too-few-reviews" } });
      expect((await storedFitReport(database.db, user.id))?.outcome).toBe("too-few-reviews");
    }
  });

  it("takes over a job whose instance stopped (its lease lapsed) and runs it", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 20, "takeover");
    const orphan = await database.db.backgroundJob.create({
      data: {
        id: "00000000-0000-4000-8000-000000000017",
        userId: user.id,
        kind: "memory-model-fit",
        status: "running",
        activeKey: `memory-model-fit:${user.id}`,
        leaseOwner: "crashed instance",
        leaseUntil: new Date(NOW.getTime() - 1),
        createdAt: new Date(NOW.getTime() - 60_000),
        startedAt: new Date(NOW.getTime() - 60_000),
      },
    });
    const { fitter } = countingFitter(database);
    const { job, finished } = await startMemoryModelFit(database.db, user.id, { now: clock(NOW), fitter });
    expect(job).toMatchObject({ id: orphan.id, status: "queued" });
    expect(await finished!).toMatchObject({ id: orphan.id, status: "done", result: { outcome: "too-few-reviews" } });
  });

  it("reports a failed fit on its job, stores nothing, and lets the next start begin afresh", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 20, "failure");
    const told: ParameterFitter = async () => {
      throw new JobFailedError("The fit took longer than 5 minutes and was stopped. Please try again later.");
    };
    const broken: ParameterFitter = async () => {
      throw new Error("SQLITE_CORRUPT: database disk image is malformed");
    };
    const failed = await fitAndWait(database.db, user.id, { now: clock(NOW), fitter: told });
    expect(failed).toMatchObject({ status: "failed", result: null, error: "The fit took longer than 5 minutes and was stopped. Please try again later." });
    // An unexpected error is logged, not shown: the user gets a plain sentence.
    const crashed = await fitAndWait(database.db, user.id, { now: clock(NOW), fitter: broken });
    expect(crashed).toMatchObject({ status: "failed", error: "It failed on our side. Please try again in a while." });
    expect(await storedFitReport(database.db, user.id)).toBeNull();

    const { fitter } = countingFitter(database);
    expect(await fitAndWait(database.db, user.id, { now: clock(NOW), fitter })).toMatchObject({ status: "done", result: { outcome: "too-few-reviews" } });
    // A day and more later, a new start clears the finished jobs away; the new one stays.
    const nextDay = await fitAndWait(database.db, user.id, { now: clock(new Date(NOW.getTime() + FINISHED_JOBS_KEPT_MS + 1)), fitter });
    expect((await database.db.backgroundJob.findMany({ where: { userId: user.id }, select: { id: true } })).map(({ id }) => id)).toEqual([nextDay.id]);
    await expect(jobOf(database.db, user.id, failed.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows a job only to its user", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 20, "owner only");
    const stranger = await createUser(database.db);
    const { fitter } = countingFitter(database);
    const job = await fitAndWait(database.db, user.id, { now: clock(NOW), fitter });
    await expect(jobOf(database.db, stranger.id, job.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refits monthly only users with enough new reviews", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 300, "monthly");
    const quiet = await userWithHistory(FAST_FORGETTER, 20, "monthly, too few");
    expect(await usersDueRefit(database.db, NOW)).toContain(user.id);
    expect(await usersDueRefit(database.db, NOW)).not.toContain(quiet.id);

    const { fitter } = countingFitter(database);
    const { fitted } = await refitDueMemoryModels(database.db, { now: () => NOW, fitter });
    expect(fitted).toContain(user.id);
    expect(await usersDueRefit(database.db, NOW)).not.toContain(user.id);

    // A month later, the same reviews are not enough for a refit...
    const monthLater = new Date(NOW.getTime() + 31 * 86_400_000);
    expect(await usersDueRefit(database.db, monthLater)).not.toContain(user.id);
    // ...but MIN_TRAINING_REVIEWS more are.
    const card = await database.db.card.findFirstOrThrow({ where: { userId: user.id } });
    await database.db.reviewLog.createMany({
      data: Array.from({ length: MIN_TRAINING_REVIEWS }, (_, i) => ({
        reviewId: `more-${user.id}-${i}`, userId: user.id, cardId: card.id, rating: 3, origin: "quiz", reviewedAt: new Date(NOW.getTime() + i * 60_000),
        stateBefore: 2, state: 2, due: NOW, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, cardBefore: "{}", localDay: 20_636,
      })),
    });
    expect(await usersDueRefit(database.db, monthLater)).toContain(user.id);
  });

  it("simulates every retention from 0.70 to 0.97 and marks the lowest that meets the exam-day target", async () => {
    const user = await userWithHistory(DEFAULT_PARAMETERS, 300, "simulation");
    await database.db.userSettings.update({ where: { userId: user.id }, data: { examDate: "2026-09-01", desiredRetention: 0.85 } });

    const view = await getMemoryModel(database.db, user.id, { now: NOW, simulate: simulateInWorker("simulation") });
    expect(view.liveJobs).toEqual([]);
    const again = await getMemoryModel(database.db, user.id, { now: NOW, simulate: simulateHere("simulation") });

    // The worker and this thread run the one simulation: the same seed gives the same curve.
    expect(again).toEqual(view);
    expect(view.retention.points.map((point) => point.retention)).toEqual(SIMULATED_RETENTIONS);
    expect(view.retention).toMatchObject({ days: 90, examDate: "2026-09-01", measuredOn: "2026-09-01", currentRetention: 0.85, examDayTarget: 0.9 });
    const lowest = view.retention.lowestRetentionMeetingTarget!;
    expect(lowest).not.toBeNull();
    for (const point of view.retention.points) {
      expect(point.remembered / point.studied >= 0.9).toBe(point.retention >= lowest);
    }
    const first = view.retention.points[0]!;
    const last = view.retention.points.at(-1)!;
    expect(last.reviewsPerDay).toBeGreaterThan(first.reviewsPerDay);
    expect(first.studied).toBe(ITEMS.length);
  });
});

describe("the fit process' settings from the environment", () => {
  it("defaults to stopping between turns after 20 ms of quiet, and reads each setting the bench varies", () => {
    expect(fitProcessSettings({})).toMatchObject({ yieldToRequests: true, stopsBetweenTurns: true, yieldTiming: YIELD_TIMING, readPageRows: 2_000, rayonThreads: "1" });
    expect(fitProcessSettings({ FIT_YIELD_QUIET_MS: "0", FIT_STOP: "at-once", FIT_YIELD_SLICE_MS: "10", FIT_YIELD_PAUSE_MS: "2000" })).toMatchObject({
      stopsBetweenTurns: false,
      yieldTiming: { quietMs: 0, sliceMs: 10, maxPauseMs: 2_000 },
    });
    expect(fitProcessSettings({ FIT_YIELD_QUIET_MS: "", FIT_YIELD_SLICE_MS: "-1", FIT_YIELD_PAUSE_MS: "0" }).yieldTiming, "empty, negative, or 0 where 0 means nothing, keeps the default").toEqual(YIELD_TIMING);
    expect(fitProcessSettings({ FIT_READ_PAGE_ROWS: "many" }).readPageRows).toBe(2_000);
  });
});
