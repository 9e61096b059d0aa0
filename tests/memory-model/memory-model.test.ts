import { afterAll, beforeAll, expect, it } from "vitest";
import { seededRandom } from "@/lib/content/generate/random";
import { ConflictError } from "@/lib/errors";
import { fitMemoryModel, MIN_TRAINING_REVIEWS, storedFitReport } from "@/lib/memory-model/fit";
import { simulateHere } from "@/lib/memory-model/simulate";
import { fitInChildProcess, simulateInWorker, type ParameterFitter } from "@/lib/memory-model/workers";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { acquireFitLease, FIT_LEASE_MS, releaseFitLease } from "@/lib/memory-model/lease";
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

    const report = await fitMemoryModel(database.db, user.id, { now: NOW, fitter });

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
    const report = await fitMemoryModel(database.db, user.id, { now: NOW, fitter: fitInChildProcess(resolveDatabaseTarget(database.url)) });

    expect(report.outcome).toBe("adopted");
    expect(report.evaluation!.fitted.logLoss).toBeLessThan(report.evaluation!.default.logLoss);
    const stored = JSON.parse((await fsrsParametersOf(user.id))!) as number[];
    expect(stored).toEqual(report.fittedParameters);
    expect(await storedFitReport(database.db, user.id)).toEqual(report);

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

  it("is idempotent: with no new rating, a second fit returns the first one's report without fitting again", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 300, "idempotent");
    const { fitter, counts } = countingFitter(database);
    const first = await fitMemoryModel(database.db, user.id, { now: NOW, fitter });
    const second = await fitMemoryModel(database.db, user.id, { now: new Date(NOW.getTime() + 60_000), fitter });
    expect(second).toEqual(first);
    expect(counts.calls).toBe(1);
  });

  it("never fits one user twice at once, whichever instance asks", async () => {
    const user = await userWithHistory(FAST_FORGETTER, 300, "two instances");
    const { fitter, counts } = countingFitter(database);
    const results = await Promise.allSettled(
      ["instance-a", "instance-b", "instance-c"].map((owner) => fitMemoryModel(database.db, user.id, { now: NOW, fitter, owner })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(counts.mostAtOnce).toBe(1);
    // The lease was given back: the user can be fitted again (the history is unchanged, so nothing is refitted).
    await expect(fitMemoryModel(database.db, user.id, { now: NOW, fitter })).resolves.toMatchObject({ outcome: "adopted" });
  });

  it("gives a lease to one of many simultaneous takers, and lets a lapsed one be taken over", async () => {
    const user = await createUser(database.db);
    const taken = await Promise.all(Array.from({ length: 8 }, (_, i) => acquireFitLease(database.db, user.id, `owner-${i}`, NOW)));
    expect(taken.filter(Boolean)).toHaveLength(1);
    const holder = `owner-${taken.indexOf(true)}`;
    expect(await acquireFitLease(database.db, user.id, "late", new Date(NOW.getTime() + FIT_LEASE_MS - 1))).toBe(false);
    expect(await acquireFitLease(database.db, user.id, "late", new Date(NOW.getTime() + FIT_LEASE_MS + 1))).toBe(true);
    // The first holder's release, after the lapse, does not free the new holder's lease.
    await releaseFitLease(database.db, user.id, holder);
    expect(await acquireFitLease(database.db, user.id, "third", new Date(NOW.getTime() + FIT_LEASE_MS + 2))).toBe(false);
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
