import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import type { Candidate } from "@/lib/quiz/assemble";
import { timeLimitSecFor } from "@/lib/quiz/marking";
import type { QuizMode } from "./view";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Makes the quiz with a snapshot of each question as the bank has it now: that is what the learner sees. */
export async function createQuiz(
  db: Db | Tx,
  userId: string,
  kind: { mode: QuizMode; dailyDay: string | null; topic: string | null; timed: boolean },
  chosen: Candidate[],
  now: Date,
) {
  if (chosen.length === 0) throw new ConflictError("There are no questions to ask yet.");
  const items = new Map(
    (await db.bankItem.findMany({ where: { id: { in: chosen.map((candidate) => candidate.itemId) } }, select: { id: true, type: true, topic: true, prompt: true, options: true, answer: true, explanation: true, sources: true } })).map((item) => [item.id, item]),
  );
  const { timed, ...rest } = kind;
  return db.quizSession.create({
    data: {
      userId,
      ...rest,
      timeLimitSec: timed ? timeLimitSecFor(chosen.length) : null,
      startedAt: now,
      questions: {
        create: chosen.map((candidate, position) => {
          const { id: itemId, ...shown } = items.get(candidate.itemId)!;
          return { position, itemId, ...shown };
        }),
      },
    },
    select: { id: true },
  });
}
