/**
 * `GET /api/progress` for a user with 100 reviews and one with 100,000, on SQLite: the core function the
 * route calls, timed over repeated runs, with the number of queries each call makes. The two should
 * answer in about the same time with the same number of queries, since the database does the counting.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { State } from "ts-fsrs";
import { createDb, type Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { tallyTopicOf } from "@/lib/db/rollup-rules";
import { DEFAULT_TIME_ZONE } from "@/lib/defaults";
import { getProgress } from "@/lib/progress/progress";
import { epochDayOf, localDayOf } from "@/lib/calendar/local-day";

export type ProgressBenchRow = { reviews: number; cards: number; p50Ms: number; p95Ms: number; queries: number };

const NOW = new Date("2026-11-20T10:00:00Z");
const DAY_MS = 86_400_000;
const TOPICS = 12;
const ITEMS_PER_TOPIC = 100;
const INSERT_CHUNK = 5_000;

// The middle user has the big user's cards and the small user's reviews: it separates what the number
// of reviews costs from what the number of cards costs (readiness reads each card).
const USERS = [
  { reviews: 100, cards: 100, quizzes: 2 },
  { reviews: 100, cards: TOPICS * ITEMS_PER_TOPIC, quizzes: 2 },
  { reviews: 100_000, cards: TOPICS * ITEMS_PER_TOPIC, quizzes: 300 },
];

export async function benchProgress({ runs = 30, warmups = 3 } = {}): Promise<ProgressBenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const target = resolveDatabaseTarget(url);
  await migrateDatabase(url, target);
  let queries = 0;
  const db = createDb(target, { onQuery: () => queries++ });
  try {
    const items = await seedBank(db);
    const rows: ProgressBenchRow[] = [];
    for (const user of USERS) {
      const userId = await seedUser(db, items, user);
      for (let run = 0; run < warmups; run++) await getProgress(db, userId, NOW);
      const timings: number[] = [];
      let queriesPerCall = 0;
      for (let run = 0; run < runs; run++) {
        queries = 0;
        const started = performance.now();
        const progress = await getProgress(db, userId, NOW);
        timings.push(performance.now() - started);
        queriesPerCall = queries;
        if (progress.heatmap.totalReviews !== user.reviews) {
          throw new Error(`seeded ${user.reviews} reviews but progress counts ${progress.heatmap.totalReviews}`);
        }
      }
      rows.push({ reviews: user.reviews, cards: user.cards, p50Ms: percentile(timings, 0.5), p95Ms: percentile(timings, 0.95), queries: queriesPerCall });
    }
    return rows;
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function seedBank(db: Db): Promise<{ id: string; topic: string }[]> {
  const items = Array.from({ length: TOPICS * ITEMS_PER_TOPIC }, (_, index) => ({
    id: `bench-item-${index}`,
    topic: `Topic ${index % TOPICS}`,
  }));
  await db.bankItem.createMany({
    data: items.map(({ id, topic }) => ({
      id,
      topic,
      type: "flashcard",
      prompt: "Which year?",
      options: "[]",
      answer: "2022",
      explanation: "",
      sources: "[]",
      factIds: "[]",
      contentHash: id,
    })),
  });
  return items;
}

/** A year of study ending at NOW: reviews spread evenly, cards mostly in review, quizzes of 15 questions. */
async function seedUser(db: Db, items: { id: string; topic: string }[], shape: (typeof USERS)[number]): Promise<string> {
  const { id: userId } = await db.user.create({
    data: {
      email: `bench-${shape.reviews}-${shape.cards}@example.in`,
      passwordHash: "bench",
      createdAt: new Date(NOW.getTime() - 400 * DAY_MS),
      settings: { create: { examDate: "2027-05-24", examName: "Prelims 2027" } },
    },
    select: { id: true },
  });
  const cardIds = Array.from({ length: shape.cards }, (_, index) => `bench-card-${shape.reviews}-${shape.cards}-${index}`);
  await db.card.createMany({
    data: cardIds.map((id, index) => ({
      id,
      userId,
      itemId: items[index]!.id,
      state: index % 10 === 0 ? State.Learning : index % 17 === 0 ? State.Relearning : State.Review,
      due: new Date(NOW.getTime() + ((index % 60) - 5) * DAY_MS),
      stability: 1 + (index % 90),
      difficulty: 3 + (index % 6),
      lastReview: new Date(NOW.getTime() - (1 + (index % 20)) * DAY_MS),
      reps: 5,
    })),
  });
  // Within the heatmap's year, so that its total must equal the number seeded.
  const spacing = (360 * DAY_MS) / shape.reviews;
  for (let start = 0; start < shape.reviews; start += INSERT_CHUNK) {
    const count = Math.min(INSERT_CHUNK, shape.reviews - start);
    await db.reviewLog.createMany({
      data: Array.from({ length: count }, (_, offset) => {
        const index = start + offset;
        const reviewedAt = new Date(NOW.getTime() - 360 * DAY_MS + (index + 0.5) * spacing);
        return {
          reviewId: `bench-review-${shape.reviews}-${shape.cards}-${index}`,
          userId,
          cardId: cardIds[index % cardIds.length]!,
          rating: index % 7 === 0 ? 1 : 3,
          origin: index % 4 === 0 ? "quiz" : "flashcard",
          tallyTopic: tallyTopicOf(index % 4 === 0 ? "quiz" : "flashcard", items[index % cardIds.length]!.topic),
          reviewedAt,
          localDay: epochDayOf(localDayOf(reviewedAt, DEFAULT_TIME_ZONE)),
          stateBefore: index < cardIds.length ? State.New : State.Review,
          state: index % 7 === 0 ? State.Relearning : State.Review,
          due: NOW,
          stability: 5,
          difficulty: 5,
          elapsedDays: 3,
          scheduledDays: 5,
          cardBefore: "{}",
        };
      }),
    });
  }
  // What each question showed (a snapshot of its item); the figures do not depend on the text.
  const SHOWN = { type: "mcq", topic: "Bench", prompt: "Question?", options: "[]", answer: "a", explanation: "", sources: "[]" };
  for (let quiz = 0; quiz < shape.quizzes; quiz++) {
    const startedAt = new Date(NOW.getTime() - (shape.quizzes - quiz) * DAY_MS);
    await db.quizSession.create({
      data: {
        userId,
        mode: "custom",
        timeLimitSec: 900,
        startedAt,
        finishedAt: new Date(startedAt.getTime() + 600_000),
        questions: {
          create: Array.from({ length: 15 }, (_, position) => ({
            position,
            itemId: items[(quiz * 15 + position) % items.length]!.id,
            ...SHOWN,
            correct: position % 3 !== 0,
            timeMs: 20_000 + position * 1_000,
            answeredAt: new Date(startedAt.getTime() + position * 30_000),
          })),
        },
      },
    });
  }
  return userId;
}

export function formatProgressBench(rows: ProgressBenchRow[]): string {
  const lines = rows.map(
    (row) =>
      `${String(row.reviews).padStart(7)} reviews ${String(row.cards).padStart(5)} cards   p50 ${row.p50Ms.toFixed(1).padStart(6)} ms   p95 ${row.p95Ms.toFixed(1).padStart(6)} ms   ${row.queries} queries`,
  );
  return ["GET /api/progress (getProgress, SQLite)", ...lines].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  console.log(formatProgressBench(await benchProgress()));
}
