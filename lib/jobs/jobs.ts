import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { DomainError, NotFoundError } from "@/lib/errors";

/**
 * A user's long task run off the request path: the request that starts it gets the job (HTTP 202) and
 * the client polls it (jobOf) until it is done or failed. The one home of that mechanism; each kind's
 * work lives with its domain (lib/memory-model/fit.ts, lib/practice/reschedule.ts).
 */
export type JobKind = "memory-model-fit" | "reschedule-cards";
export type JobStatus = "queued" | "running" | "done" | "failed";

export type JobView<R = unknown> = {
  id: string;
  kind: JobKind;
  status: JobStatus;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** What the work gave, once done. */
  result: R | null;
  /** Why it failed, in words for the user. */
  error: string | null;
};

/** A failure whose message is meant for the user (shown in Settings); any other error is logged and reported generically. */
export class JobFailedError extends DomainError {}

/** The transaction a job's completion runs in: its own writes go in with the job's, or not at all. */
export type JobTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * A job's work: runs once the job's turn comes, and gives its result and, optionally, writes that must
 * land only if this instance still holds the job (`commit`, in the transaction that marks it done).
 */
export type JobWork<R> = () => Promise<{ result: R; commit?: (tx: JobTx) => Promise<void> }>;

export type JobTiming = {
  /** How long a lease lasts unless renewed: past it, the job is taken to be orphaned by a crashed instance. */
  leaseMs: number;
  /** How often the instance holding a job renews its lease, while it waits its turn and while it runs. */
  renewEveryMs: number;
};

export const JOB_TIMING: JobTiming = { leaseMs: 60_000, renewEveryMs: 15_000 };

/** How long a finished job stays pollable: it is deleted when the user next starts one of its kind after this. */
export const FINISHED_JOBS_KEPT_MS = 24 * 60 * 60_000;

export type StartJobOptions<R> = {
  userId: string;
  kind: JobKind;
  work: JobWork<R>;
  now: () => Date;
  /** This instance's name for the lease: one per call unless a test names the instance. */
  owner?: string;
  timing?: JobTiming;
};

export type StartedJob<R> = {
  job: JobView<R>;
  /**
   * Settles when this call's job has finished (done or failed; it never rejects), or null when the job
   * returned was already live, queued or running on this or another instance: it is not this call's to run.
   */
  finished: Promise<JobView<R>> | null;
};

type JobRow = {
  id: string;
  kind: string;
  status: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  result: string | null;
  error: string | null;
};

function viewOf<R>(row: JobRow): JobView<R> {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status as JobStatus,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    result: row.result === null ? null : (JSON.parse(row.result) as R),
    error: row.error,
  };
}

const JOB_SELECT = { id: true, kind: true, status: true, createdAt: true, startedAt: true, finishedAt: true, result: true, error: true } as const;

const activeKeyOf = (kind: JobKind, userId: string) => `${kind}:${userId}`;

/**
 * Starts the user's job of this kind, or returns the one already queued or running (on any instance):
 * idempotent, and one live job per user and kind everywhere, since BackgroundJob.activeKey is unique
 * while a job is live. A live job whose lease has lapsed was left by an instance that stopped: this call
 * takes it over and runs it. The work runs in the background, one job at a time in this process.
 */
export async function startJob<R>(db: Db, options: StartJobOptions<R>): Promise<StartedJob<R>> {
  const { userId, kind, now } = options;
  const owner = options.owner ?? randomUUID();
  const timing = options.timing ?? JOB_TIMING;
  const activeKey = activeKeyOf(kind, userId);
  // Each pass either returns or lost a race to another instance, whose job the next pass finds.
  for (let attempt = 0; attempt < 5; attempt++) {
    const leaseUntil = new Date(now().getTime() + timing.leaseMs);
    const live = await db.backgroundJob.findUnique({ where: { activeKey }, select: { ...JOB_SELECT, leaseUntil: true } });
    if (live) {
      if (live.leaseUntil && live.leaseUntil.getTime() >= now().getTime()) return { job: viewOf<R>(live), finished: null };
      // Orphaned: the instance that held it stopped renewing (crashed or was stopped) before finishing it.
      const { count } = await db.backgroundJob.updateMany({
        where: { id: live.id, activeKey, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now() } }] },
        data: { leaseOwner: owner, leaseUntil, status: "queued", startedAt: null },
      });
      if (count === 1) return { job: viewOf<R>({ ...live, status: "queued", startedAt: null }), finished: runJob(db, live, owner, options.work, timing, now) };
      continue;
    }
    // A finished job is kept a while for whoever still polls it, then goes when the user starts another.
    await db.backgroundJob.deleteMany({ where: { userId, kind, activeKey: null, finishedAt: { lt: new Date(now().getTime() - FINISHED_JOBS_KEPT_MS) } } });
    try {
      const created = await db.backgroundJob.create({
        data: { id: randomUUID(), userId, kind, status: "queued", activeKey, leaseOwner: owner, leaseUntil, createdAt: now() },
        select: JOB_SELECT,
      });
      return { job: viewOf<R>(created), finished: runJob(db, created, owner, options.work, timing, now) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`Could not start or find the ${kind} job of user ${userId}.`);
}

/** The user's job by id; a NotFoundError for another user's or an unknown id alike. */
export async function jobOf<R = unknown>(db: Db, userId: string, jobId: string): Promise<JobView<R>> {
  const row = await db.backgroundJob.findFirst({ where: { id: jobId, userId }, select: JOB_SELECT });
  if (!row) throw new NotFoundError("No such job.");
  return viewOf<R>(row);
}

/** The user's jobs still queued or running, oldest first: a page opened meanwhile resumes polling them. */
export async function liveJobsOf(db: Db, userId: string): Promise<JobView[]> {
  const rows = await db.backgroundJob.findMany({ where: { userId, activeKey: { not: null } }, orderBy: { createdAt: "asc" }, select: JOB_SELECT });
  return rows.map((row) => viewOf(row));
}

/** Heavy jobs of this process, one after another (Next may load this module more than once: the queue is global). */
const jobQueue = globalThis as unknown as { smritiJobQueue?: Promise<unknown> };

function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const turn = (jobQueue.smritiJobQueue ?? Promise.resolve()).then(run);
  jobQueue.smritiJobQueue = turn.catch(() => undefined);
  return turn;
}

class LeaseLostError extends Error {}

/**
 * Runs a job this instance holds: renews its lease from now until it has finished, so the lease lapses
 * only if this process stops, however long the job waits or runs; marks it running when its turn
 * comes; then stores the result with the work's own writes in one transaction, only while this instance
 * still holds the job. A failure is recorded on the job. Never rejects.
 */
async function runJob<R>(db: Db, job: JobRow, owner: string, work: JobWork<R>, timing: JobTiming, now: () => Date): Promise<JobView<R>> {
  const jobId = job.id;
  const held = { id: jobId, leaseOwner: owner };
  const renew = () =>
    db.backgroundJob
      .updateMany({ where: held, data: { leaseUntil: new Date(now().getTime() + timing.leaseMs) } })
      .then(({ count }) => {
        // Taken over (this process stalled past the lease) or deleted with its account: nothing left to hold.
        if (count === 0) clearInterval(renewal);
      })
      .catch((error: unknown) => console.error(`[jobs] could not renew the lease of job ${jobId}`, error));
  const renewal = setInterval(() => void renew(), timing.renewEveryMs);
  renewal.unref();
  try {
    const outcome = await inTurn(async () => {
      const { count } = await db.backgroundJob.updateMany({ where: held, data: { status: "running", startedAt: now() } });
      if (count === 0) throw new LeaseLostError();
      return work();
    });
    await db.$transaction(async (tx) => {
      const { count } = await tx.backgroundJob.updateMany({
        where: { ...held, status: "running" },
        data: { status: "done", result: JSON.stringify(outcome.result), finishedAt: now(), activeKey: null, leaseOwner: null, leaseUntil: null },
      });
      if (count === 0) throw new LeaseLostError();
      await outcome.commit?.(tx);
    });
  } catch (error) {
    if (!(error instanceof LeaseLostError)) await recordFailure(db, jobId, owner, error, now);
  } finally {
    clearInterval(renewal);
  }
  const row = await db.backgroundJob.findUnique({ where: { id: jobId }, select: JOB_SELECT });
  // Gone only with its account (deleted meanwhile): nothing was stored.
  return row ? viewOf<R>(row) : { ...viewOf<R>(job), status: "failed", error: "The job was deleted with its account." };
}

async function recordFailure(db: Db, jobId: string, owner: string, error: unknown, now: () => Date): Promise<void> {
  if (!(error instanceof JobFailedError)) console.error(`[jobs] job ${jobId} failed`, error);
  const message = error instanceof JobFailedError ? error.message : "It failed on our side. Please try again in a while.";
  try {
    await db.backgroundJob.updateMany({
      where: { id: jobId, leaseOwner: owner },
      data: { status: "failed", error: message, finishedAt: now(), activeKey: null, leaseOwner: null, leaseUntil: null },
    });
  } catch (failure) {
    // The lease then lapses and the next start takes the job over.
    console.error(`[jobs] could not record the failure of job ${jobId}`, failure);
  }
}
