import type { Db } from "@/lib/db/client";
import { toNumber } from "@/lib/db/sql-dialect";

export type Tally = { attempts: number; correct: number };

export type TopicAccuracy = {
  topic: string;
  /** Flashcard ratings: anything but "again" counts as correct. */
  flashcards: Tally;
  /** Answered quiz questions. */
  quiz: Tally;
  attempts: number;
  correct: number;
  /** correct / attempts over flashcards and quiz together. */
  accuracy: number;
};

type Row = { topic: string; attempts: bigint | number; correct: bigint | number };

/**
 * Accuracy per topic over the user's whole history, weakest first. Flashcard ratings come from their
 * per-topic rollup (kept by triggers on ReviewLog). Quiz answers are counted from the quiz questions
 * (right or wrong), not from the review logs they also write, so nothing is counted twice.
 */
export async function accuracyByTopic(db: Db, userId: string): Promise<TopicAccuracy[]> {
  const [flashcardRows, quizRows] = await Promise.all([
    db.flashcardTopicTally.findMany({ where: { userId, attempts: { gt: 0 } }, select: { topic: true, attempts: true, correct: true } }),
    db.$queryRaw<Row[]>`
      SELECT b."topic" AS "topic", COUNT(*) AS "attempts",
        SUM(CASE WHEN q."correct" THEN 1 ELSE 0 END) AS "correct"
      FROM "QuizQuestion" q
      JOIN "QuizSession" s ON s."id" = q."quizId"
      JOIN "BankItem" b ON b."id" = q."itemId"
      WHERE s."userId" = ${userId} AND q."correct" IS NOT NULL
      GROUP BY b."topic"`,
  ]);
  return combineTopicTallies(tallies(flashcardRows), tallies(quizRows));
}

function tallies(rows: Row[]): Map<string, Tally> {
  return new Map(rows.map((row) => [row.topic, { attempts: toNumber(row.attempts), correct: toNumber(row.correct) }]));
}

/** Merges the two sources per topic; lowest accuracy first, then the most attempted, then by name. */
export function combineTopicTallies(flashcards: Map<string, Tally>, quiz: Map<string, Tally>): TopicAccuracy[] {
  const none: Tally = { attempts: 0, correct: 0 };
  const topics = new Set([...flashcards.keys(), ...quiz.keys()]);
  return [...topics]
    .map((topic) => {
      const f = flashcards.get(topic) ?? none;
      const q = quiz.get(topic) ?? none;
      const attempts = f.attempts + q.attempts;
      const correct = f.correct + q.correct;
      return { topic, flashcards: f, quiz: q, attempts, correct, accuracy: attempts === 0 ? 0 : correct / attempts };
    })
    .filter(({ attempts }) => attempts > 0)
    .sort((a, b) => a.accuracy - b.accuracy || b.attempts - a.attempts || a.topic.localeCompare(b.topic));
}
