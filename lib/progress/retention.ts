import { State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { toNumber } from "./sql";

export type TrueRetention = {
  /** Ratings of cards that were in the review state when rated. */
  reviews: number;
  /** Of those, the ones not rated "again". */
  recalled: number;
  /** recalled / reviews, or null with no such review in the window. */
  rate: number | null;
};

export type RecentStudy = {
  retention7Days: TrueRetention;
  retention30Days: TrueRetention;
  /** Over the last `paceDays` days: ratings of cards seen before, and cards rated for the first time. */
  paceDays: number;
  reviewsInPace: number;
  newCardsInPace: number;
};

const DAY_MS = 86_400_000;
export const PACE_DAYS = 14;

type Row = {
  reviews7: bigint | number | null;
  recalled7: bigint | number | null;
  reviews30: bigint | number | null;
  recalled30: bigint | number | null;
  paceReviews: bigint | number | null;
  paceNew: bigint | number | null;
};

/**
 * True retention over the last 7 and 30 days (as in Anki: the share of reviews of mature memories,
 * cards in the review state, that were recalled), and the recent pace of reviews and new cards.
 *
 * The state a card was in before a rating is the state after its previous rating (the review log
 * keeps the state after): the previous row in the window (LAG), or for a card's first rating in the
 * window a look-up through the (cardId, reviewedAt) index, once per card rather than once per rating.
 * A card's first rating ever has no previous one: the card was new. This holds because ratings are the only thing that changes a
 * card's FSRS state, and undoing one deletes its log. It reads columns only, never the cardBefore JSON,
 * so the same SQL serves SQLite and PostgreSQL. One query over the last 30 days of logs.
 *
 * The pace window is the last PACE_DAYS days, or fewer for an account younger than that.
 */
export async function recentStudy(db: Db, userId: string, accountCreatedAt: Date, now: Date): Promise<RecentStudy> {
  const since30 = new Date(now.getTime() - 30 * DAY_MS);
  const since7 = new Date(now.getTime() - 7 * DAY_MS);
  const accountDays = Math.ceil((now.getTime() - accountCreatedAt.getTime()) / DAY_MS);
  const paceDays = Math.min(PACE_DAYS, Math.max(1, accountDays));
  const sincePace = new Date(now.getTime() - paceDays * DAY_MS);
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      SUM(CASE WHEN t."stateBefore" = ${State.Review} AND t."reviewedAt" >= ${since7} THEN 1 ELSE 0 END) AS "reviews7",
      SUM(CASE WHEN t."stateBefore" = ${State.Review} AND t."reviewedAt" >= ${since7} AND t."rating" > 1 THEN 1 ELSE 0 END) AS "recalled7",
      SUM(CASE WHEN t."stateBefore" = ${State.Review} THEN 1 ELSE 0 END) AS "reviews30",
      SUM(CASE WHEN t."stateBefore" = ${State.Review} AND t."rating" > 1 THEN 1 ELSE 0 END) AS "recalled30",
      SUM(CASE WHEN t."stateBefore" IS NOT NULL AND t."reviewedAt" >= ${sincePace} THEN 1 ELSE 0 END) AS "paceReviews",
      SUM(CASE WHEN t."stateBefore" IS NULL AND t."reviewedAt" >= ${sincePace} THEN 1 ELSE 0 END) AS "paceNew"
    FROM (
      SELECT r."reviewedAt", r."rating",
        COALESCE(
          LAG(r."state") OVER (PARTITION BY r."cardId" ORDER BY r."reviewedAt"),
          (SELECT p."state" FROM "ReviewLog" p
            WHERE p."cardId" = r."cardId" AND p."reviewedAt" < r."reviewedAt"
            ORDER BY p."reviewedAt" DESC LIMIT 1)
        ) AS "stateBefore"
      FROM "ReviewLog" r
      WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${since30} AND r."reviewedAt" <= ${now}
    ) t`;
  return {
    retention7Days: retention(row?.reviews7, row?.recalled7),
    retention30Days: retention(row?.reviews30, row?.recalled30),
    paceDays,
    reviewsInPace: toNumber(row?.paceReviews),
    newCardsInPace: toNumber(row?.paceNew),
  };
}

function retention(reviews: bigint | number | null | undefined, recalled: bigint | number | null | undefined): TrueRetention {
  const total = toNumber(reviews);
  const kept = toNumber(recalled);
  return { reviews: total, recalled: kept, rate: total === 0 ? null : kept / total };
}
