import "server-only";
import { Rating, State } from "ts-fsrs";
import type { Db } from "@/lib/db/client";
import { csvRecord } from "./csv";
import { pages } from "./pages";

export const REVIEW_LOG_CSV_COLUMNS = [
  "reviewed_at",
  "item_id",
  "topic",
  "origin",
  "rating",
  "rating_name",
  "duration_ms",
  "state_after",
  "due",
  "stability",
  "difficulty",
  "elapsed_days",
  "scheduled_days",
] as const;

/** The user's review log as CSV, oldest first, one record per rating, read a page at a time. */
export async function* reviewLogCsv(db: Db, userId: string): AsyncGenerator<string> {
  yield csvRecord(REVIEW_LOG_CSV_COLUMNS);
  const reviewPages = pages((last: { id: string; reviewedAt: Date } | undefined, size) =>
    db.reviewLog.findMany({
      where: {
        userId,
        ...(last && { OR: [{ reviewedAt: { gt: last.reviewedAt } }, { reviewedAt: last.reviewedAt, id: { gt: last.id } }] }),
      },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      take: size,
      select: {
        id: true,
        reviewedAt: true,
        origin: true,
        rating: true,
        durationMs: true,
        state: true,
        due: true,
        stability: true,
        difficulty: true,
        elapsedDays: true,
        scheduledDays: true,
        card: { select: { itemId: true, item: { select: { topic: true } } } },
      },
    }),
  );
  for await (const page of reviewPages) {
    yield page
      .map((review) =>
        csvRecord([
          review.reviewedAt,
          review.card.itemId,
          review.card.item.topic,
          review.origin,
          review.rating,
          Rating[review.rating],
          review.durationMs,
          State[review.state],
          review.due,
          review.stability,
          review.difficulty,
          review.elapsedDays,
          review.scheduledDays,
        ]),
      )
      .join("");
  }
}
