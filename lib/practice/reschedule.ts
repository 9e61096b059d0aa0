import { setImmediate as nextTurn } from "node:timers/promises";
import { State } from "ts-fsrs";
import { hotSqlOf, type Db } from "@/lib/db/client";
import { prepared, type HotWrite } from "@/lib/db/hot-sql";
import { startJob, type JobTiming, type StartedJob } from "@/lib/jobs/jobs";
import { CARD_STATE_SELECT, cardStateFromJson, LOG_STATES_SELECT, newCardState, pickLogStates, type CardState, type LogStates } from "@/lib/srs/card-state";
import { ratingName } from "@/lib/srs/schedule";
import { policyOfStored, type SchedulingPolicy } from "./policy";
import { updateCard } from "./reviews";
import { byTime, replayRatings, STORED_LOG_SELECT, type HistoryEntry } from "./replay";

/** What "reschedule my cards" did. */
export type RescheduleResult = {
  /** Cards with a review log, all replayed. */
  cards: number;
  /** Cards whose memory state or due date changed. */
  changed: number;
  /** Cards whose due date moved. */
  moved: number;
};

/** A card replayed: the state its log gives, and the log rows whose derived columns that changes. */
export type ReplayedCard = {
  id: string;
  /** The version the replay read: the card is written only over it. */
  version: number;
  after: CardState;
  /** Whether its state or any of its log rows differ from what is stored. */
  changed: boolean;
  /** Whether its due date moved. */
  moved: boolean;
  logs: { id: string; data: LogStates }[];
};

/** A page of the user's reviewed cards (in id order) and their replays. */
export type ReplayedBatch = { cardIds: string[]; replayed: ReplayedCard[] };

/** What a replay is asked: whose cards, with which scheduling, how many cards a batch. */
export type ReplayJob = { userId: string; policy: SchedulingPolicy; batchSize: number };

/**
 * Reads and replays the user's reviewed cards, batch by batch: the heavy part of a reschedule (a heavy
 * user's 100,000 log rows decoded and run through ts-fsrs), as a strategy: in the app a child process
 * at the lowest priority on a read-only connection (reschedule-process.ts), replayHere in the bench's
 * measure of how it was before.
 */
export type CardReplayer = (job: ReplayJob) => AsyncIterable<ReplayedBatch>;

export type RescheduleOptions = {
  replayer: CardReplayer;
  /** Cards replayed and written per transaction: small, so that other users' writes wait little. */
  batchSize?: number;
  /** Runs before each batch is written; tests rate a card there, as a user might meanwhile. */
  beforeWrite?: (cardIds: readonly string[]) => Promise<void>;
};

const BATCH_SIZE = 50;
/** A card rated again and again while being rescheduled is retried this often, then reported. */
const MAX_ATTEMPTS = 8;

/**
 * Starts "reschedule my cards" as a background job (lib/jobs) the client polls: off the request path,
 * one per user at a time across every instance, a second start while one is live returning that one.
 * The replay runs in the `replayer` (a child process in the app); this process writes its batches,
 * each version-checked, so a rating submitted meanwhile is kept (rescheduleCards).
 */
export function startRescheduleCards(
  db: Db,
  userId: string,
  options: { now: () => Date; replayer: CardReplayer; owner?: string; timing?: JobTiming },
): Promise<StartedJob<RescheduleResult>> {
  const { replayer, ...job } = options;
  return startJob<RescheduleResult>(db, { userId, kind: "reschedule-cards", ...job, work: async () => ({ result: await rescheduleCards(db, userId, { replayer }) }) });
}

/**
 * "Reschedule my cards": recomputes every card's memory state and due date from its review log with the
 * user's current scheduling (their fitted parameters, retention and exam date), as Anki's reschedule does
 * after an optimisation, through the replay rule a late offline rating uses (replay.ts). Each log row's
 * derived columns (the state after it and the snapshot before it) are rewritten to match, so that undo
 * and later replays start from the rescheduled states.
 *
 * The replayer reads and replays the cards a batch at a time; this process writes each batch, a few cards
 * a transaction, each card only over the version it was replayed from: a card rated meanwhile is read and
 * replayed again here, with the new rating in its log, so the rating is never lost. The writes stay in
 * this process on purpose: SQLite has one write lock, and a process at nice 19 that the kernel leaves
 * descheduled while holding it would hold up every other writer. Idempotent: a second run changes nothing.
 */
export async function rescheduleCards(db: Db, userId: string, options: RescheduleOptions): Promise<RescheduleResult> {
  const settings = await db.userSettings.findUnique({ where: { userId }, select: { desiredRetention: true, examDate: true, timeZone: true, fsrsParameters: true } });
  const policy = policyOfStored(settings);
  const result: RescheduleResult = { cards: 0, changed: 0, moved: 0 };
  for await (const batch of options.replayer({ userId, policy, batchSize: options.batchSize ?? BATCH_SIZE })) {
    let pending = batch.cardIds;
    let replayed = batch.replayed;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`Cards ${pending.join(", ")} kept changing while being rescheduled.`);
      if (attempt > 1) replayed = await replayCards(db, userId, pending, policy);
      await options.beforeWrite?.(pending);
      const written = await writeReplayed(db, replayed);
      result.changed += written.changed;
      result.moved += written.moved;
      // Rated since they were read: their logs have a rating the replay did not see. Read and replayed again (here: a few cards).
      pending = written.stale;
    }
    result.cards += batch.cardIds.length;
  }
  return result;
}

/**
 * The user's reviewed cards, read and replayed through `db` a batch at a time with a turn of the event
 * loop between batches: what the replay's child process runs on its read-only connection.
 */
export async function* replayedBatches(db: Db, job: ReplayJob): AsyncGenerator<ReplayedBatch> {
  let after: string | undefined;
  for (;;) {
    const page = await db.card.findMany({
      where: { userId: job.userId, reviewLogs: { some: {} }, ...(after === undefined ? {} : { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: job.batchSize,
      select: { id: true },
    });
    if (page.length === 0) return;
    after = page[page.length - 1]!.id;
    const cardIds = page.map((card) => card.id);
    yield { cardIds, replayed: await replayCards(db, job.userId, cardIds, job.policy) };
    await nextTurn();
  }
}

/** The replay on this thread, reading through `db`: how the server ran it before it had a process of its own (the bench compares). */
export function replayHere(db: Db): CardReplayer {
  return (job) => replayedBatches(db, job);
}

/** The cards with their logs, each replayed from the start of its log with the policy. */
async function replayCards(db: Db, userId: string, cardIds: readonly string[], policy: SchedulingPolicy): Promise<ReplayedCard[]> {
  const [cards, logs] = await Promise.all([
    db.card.findMany({ where: { id: { in: [...cardIds] }, userId }, select: { ...CARD_STATE_SELECT, id: true, version: true, createdAt: true, item: { select: { topic: true } } } }),
    db.reviewLog.findMany({ where: { cardId: { in: [...cardIds] } }, select: { ...STORED_LOG_SELECT, ...LOG_STATES_SELECT, cardId: true } }),
  ]);
  const logsOf = new Map<string, typeof logs>();
  for (const log of logs) logsOf.set(log.cardId, [...(logsOf.get(log.cardId) ?? []), log]);

  return cards.flatMap((card) => {
    const history = (logsOf.get(card.id) ?? []).sort(byTime);
    if (history.length === 0) return [];
    const first = history[0]!;
    // A log that starts at the card's introduction is its whole history: replayed from a new card (as
    // lib/reliability/replay checks it). Otherwise from the snapshot before its first rating.
    const from = first.stateBefore === State.New ? newCardState(card.createdAt) : cardStateFromJson(first.cardBefore);
    const entries: HistoryEntry[] = history.map((log) => ({ reviewId: log.reviewId, rating: ratingName(log.rating), reviewedAt: log.reviewedAt, durationMs: log.durationMs, stored: log }));
    const rows = replayRatings(userId, card.id, card.item.topic, from, entries, policy);
    const after = rows[rows.length - 1]!.after;
    const changedLogs = rows.flatMap(({ log }, i) => {
      const stored = history[i]!;
      const data = pickLogStates(log);
      const same = (Object.keys(data) as (keyof typeof data)[]).every((key) => sameValue(stored[key], data[key]));
      return same ? [] : [{ id: stored.id, data }];
    });
    const cardChanged = (Object.keys(CARD_STATE_SELECT) as (keyof CardState)[]).some((key) => !sameValue(card[key], after[key]));
    return [{ id: card.id, version: card.version, after, changed: cardChanged || changedLogs.length > 0, moved: !sameValue(card.due, after.due), logs: changedLogs }];
  });
}

/**
 * Cards written per transaction: a card brings its ~17 log rows, so a few hundred statements at most, a
 * few milliseconds of the server's thread, after which other users' requests get a turn. A batch of 50
 * cards in one synchronous transaction (~900 statements) held a one-connection user's next review
 * behind it (docs/performance.md, issue 17's fourth pass: p95 4.9 times higher at one connection).
 */
const CARDS_PER_WRITE = 5;

/**
 * Writes the changed cards of a batch and their log rows, a few cards a transaction with a turn of the
 * event loop between, each card over the version replayed and its log rows only with it; gives the cards
 * rated since (stale). Through the hot paths' statements (lib/db/hot-sql), prepared once: on SQLite each
 * transaction runs synchronously, a statement per row at a few microseconds each, and never holds the
 * write lock across an `await`. A batch through Prisma's raw UPDATE ... FROM (VALUES ...) was compiled and
 * prepared anew each time, and cost the server's thread more than the writes themselves.
 */
async function writeReplayed(db: Db, replayed: readonly ReplayedCard[]): Promise<{ stale: string[]; changed: number; moved: number }> {
  const toWrite = replayed.filter((card) => card.changed);
  const stale = new Set<string>();
  const hot = hotSqlOf(db);
  for (let start = 0; start < toWrite.length; start += CARDS_PER_WRITE) {
    if (start > 0) await nextTurn();
    await hot.transaction(
      toWrite.slice(start, start + CARDS_PER_WRITE).flatMap((card): HotWrite[] => [
        {
          query: updateCard(hot, { ...card.after, id: card.id, version: card.version, newVersion: card.version + 1 }),
          // Rated since it was read: its log has a rating this replay did not see.
          changed: (rows) => void (rows === 0 && stale.add(card.id)),
        },
        ...card.logs.map((log) => ({ query: updateLogStates(hot, { id: log.id, ...log.data }), skip: () => stale.has(card.id) })),
      ]),
    );
  }
  const written = toWrite.filter((card) => !stale.has(card.id));
  return { stale: [...stale], changed: written.length, moved: written.filter((card) => card.moved).length };
}

const updateLogStates = prepared((q, log: LogStates & { id: string }) => q.updateTable("ReviewLog").set(pickLogStates(log)).where("id", "=", log.id));

/**
 * Whether a stored value is the one a replay gives. Floats within a part in 10^12: a double can come back
 * from the database a last digit apart (measured on SQLite: 0.20057739317417145 read as 0.2005773931741714),
 * which must not count as a change, or a second run would rewrite every card again.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}
