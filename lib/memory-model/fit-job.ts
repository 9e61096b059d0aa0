// A fit, as its own process (started by lib/memory-model/workers.ts, with tsx, at the lowest CPU priority):
// it reads the user's review log through a connection of its own and trains fsrs-rs on it, so that neither
// decoding a heavy user's 100,000 rows nor the training holds up the server that serves everyone else.
// Loaded by path at run time, never imported by the app: Next must not bundle fsrs-rs' native addon.
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import {
  computeParameters,
  evaluateWithTimeSeriesSplits,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from "@open-spaced-repetition/binding";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/db/database-url";
import { stopBetweenTurns } from "@/lib/jobs/yield-to-requests";
import { reviewSequences, trainingReviewCount, type LoggedRating, type ReviewSequence } from "./history";
import type { FitJobRequest, FitResult, FittedHistory } from "./workers";

type Page<Cursor> = { rows: LoggedRating[]; next: Cursor | null };

/**
 * The user's ratings, read `pageRows` at a time in (reviewedAt, row) order, each page its own short read
 * (on SQLite a read snapshot holds back the WAL checkpoint that the server's writes need; on PostgreSQL
 * the database's own process, at normal priority, does the reading), with a turn of this process' event
 * loop between them.
 */
export async function readLoggedRatings(target: DatabaseTarget, userId: string, pageRows: number): Promise<LoggedRating[]> {
  const ratings: LoggedRating[] = [];
  const read = async <Cursor>(readPage: (cursor: Cursor | null) => Page<Cursor> | Promise<Page<Cursor>>) => {
    for (let cursor: Cursor | null = null; ; ) {
      const page: Page<Cursor> = await readPage(cursor);
      ratings.push(...page.rows);
      if (page.next === null) return;
      cursor = page.next;
      await nextTurn();
    }
  };
  if (target.provider === "sqlite") {
    // Read-only, on the WAL database: it never blocks the server's writes, nor they it.
    const sqlite = new Database(target.filePath, { readonly: true, fileMustExist: true, timeout: 5_000 });
    try {
      // The raw stored reviewedAt is the cursor, so that ISO text and older epoch-millisecond rows keep SQLite's one order.
      const statement = sqlite.prepare(
        `SELECT rowid AS "row", "cardId", "rating", "stateBefore", "localDay", "reviewedAt" FROM "ReviewLog"
         WHERE "userId" = ? AND ("reviewedAt", rowid) > (?, ?) ORDER BY "reviewedAt", rowid LIMIT ?`,
      );
      type Row = { row: number; cardId: string; rating: number; stateBefore: number; localDay: number | null; reviewedAt: string | number };
      await read<[string | number, number]>((cursor) => {
        // Below every stored value in SQLite's order (NULL < numbers < text): the first page starts at the user's first row.
        const rows = statement.all(userId, cursor?.[0] ?? -Infinity, cursor?.[1] ?? 0, pageRows) as Row[];
        const last = rows.at(-1);
        return {
          // Prisma's SQLite adapter stores dates as ISO 8601 text (older rows may be epoch milliseconds).
          rows: rows.map(({ row: _row, ...row }) => ({ ...row, reviewedAt: new Date(row.reviewedAt) })),
          next: rows.length === pageRows && last ? [last.reviewedAt, last.row] : null,
        };
      });
      return ratings;
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url, options: target.schema ? `-c search_path=${target.schema}` : undefined });
  await client.connect();
  try {
    type Row = { id: string; cardId: string; rating: number; stateBefore: number; localDay: number | null; reviewedAt: string; reviewedAtMs: number };
    await read<[string, string]>(async (cursor) => {
      // Prisma's timestamps carry no time zone and hold UTC: read as epoch milliseconds, whatever this process's zone.
      // The cursor keeps the stored timestamp as text, so no precision is lost between pages.
      const { rows } = await client.query<Row>(
        `SELECT "id", "cardId", "rating", "stateBefore", "localDay", "reviewedAt"::text AS "reviewedAt", (EXTRACT(EPOCH FROM "reviewedAt") * 1000)::float8 AS "reviewedAtMs"
         FROM "ReviewLog" WHERE "userId" = $1 AND ("reviewedAt", "id") > ($2::timestamp(3), $3) ORDER BY "reviewedAt", "id" LIMIT $4`,
        [userId, cursor?.[0] ?? "-infinity", cursor?.[1] ?? "", pageRows],
      );
      const last = rows.at(-1);
      return {
        rows: rows.map(({ cardId, rating, stateBefore, localDay, reviewedAtMs }) => ({ cardId, rating, stateBefore, localDay, reviewedAt: new Date(reviewedAtMs) })),
        next: rows.length === pageRows && last ? [last.reviewedAt, last.id] : null,
      };
    });
    return ratings;
  } finally {
    await client.end();
  }
}

/** Cards whose items are built in one turn: about 20 ms, so that a stop asked for meanwhile waits no longer (a heavy user's 6,200 take 0.5 s). */
const CARDS_PER_TURN = 250;

/**
 * fsrs-rs' training items: for each card, one item per rating after the first, holding every rating up to
 * it with the days since the previous one; items with no rating on a later day teach nothing long-term.
 */
async function trainingItems(sequences: readonly ReviewSequence[]): Promise<FSRSBindingItem[]> {
  const items: FSRSBindingItem[] = [];
  for (const [index, { ratings, days }] of sequences.entries()) {
    if (index > 0 && index % CARDS_PER_TURN === 0) await nextTurn();
    const reviews = ratings.map((rating, i) => new FSRSBindingReview(rating, i === 0 ? 0 : days[i]! - days[i - 1]!));
    for (let end = 2; end <= reviews.length; end++) {
      const item = new FSRSBindingItem(reviews.slice(0, end));
      if (item.longTermReviewCnt() > 0) items.push(item);
    }
  }
  return items;
}

/** Trains the parameters on the sequences and evaluates them beside the defaults. CPU-heavy: run it here, in this process. */
export async function fitSequences(sequences: readonly ReviewSequence[], defaultParameters: readonly number[]): Promise<FitResult> {
  const items = await trainingItems(sequences);
  const options = { enableShortTerm: true };
  const parameters = await computeParameters(items, options);
  // The defaults were never trained on this history: evaluated on all of it. The fitted ones are judged
  // out of sample, each split trained on the reviews before it, so they cannot win by memorising.
  const defaults = new FSRSBinding([...defaultParameters]).evaluate(items);
  const fitted = await evaluateWithTimeSeriesSplits(items, options);
  return {
    parameters,
    items: items.length,
    evaluation: {
      default: { logLoss: defaults.logLoss, rmseBins: defaults.rmseBins },
      fitted: { logLoss: fitted.logLoss, rmseBins: fitted.rmseBins },
    },
  };
}

/** The whole job: the user's history, and a fit of it when it is long enough to fit. */
export async function runFitJob(job: FitJobRequest): Promise<FittedHistory> {
  const sequences = reviewSequences(await readLoggedRatings(job.target, job.userId, job.readPageRows));
  const trainingReviews = trainingReviewCount(sequences);
  if (trainingReviews < job.minTrainingReviews) return { trainingReviews, fit: null };
  return { trainingReviews, fit: await fitSequences(sequences, job.defaultParameters) };
}

// Run as a child process: one job from the parent, one answer, exit.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.send) {
  // Stopped while the server serves a request, never inside a query: the read snapshot is not held through a pause.
  stopBetweenTurns();
  process.once("message", (job: FitJobRequest) => {
    runFitJob(job).then(
      (history) => process.send!({ ok: true, history }, () => process.exit(0)),
      (error: unknown) => process.send!({ ok: false, message: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
    );
  });
}
