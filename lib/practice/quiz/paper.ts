import type { Db } from "@/lib/db/client";
import type { Candidate } from "@/lib/quiz/assemble";
import { PAPER_QUESTIONS, selectPaperQuestions } from "@/lib/quiz/paper-mix";
import { NOT_WITHHELD } from "@/lib/reports/withheld";
import { QUIZ_TYPES } from "../items";
import { CANDIDATE_FIELDS, toCandidate } from "./candidates";

/**
 * A mock paper's questions: the whole live bank in the paper's mix of formats (PAPER_MIX), questions
 * not in the user's earlier papers first. Whether the user saw a question in a daily quiz does not
 * matter: the exam does not care either. Questions are kept apart by the rule of every quiz (toCandidate):
 * one stem may print another's answer even with no explanation shown.
 */
export async function paperQuestions(db: Db, userId: string, size: number, seed: string): Promise<Candidate[]> {
  const [items, earlier] = await Promise.all([
    db.bankItem.findMany({ where: { type: { in: QUIZ_TYPES }, retiredAt: null, ...NOT_WITHHELD }, orderBy: { id: "asc" }, select: CANDIDATE_FIELDS }),
    db.quizQuestion.findMany({ where: { quiz: { userId, mode: "paper" } }, select: { itemId: true } }),
  ]);
  const asked = new Set(earlier.map(({ itemId }) => itemId));
  return selectPaperQuestions(
    items.map((item) => toCandidate(item)),
    size,
    seed,
    { preferred: (candidate) => !asked.has(candidate.itemId) },
  );
}

/** The most questions a paper can have from the bank as it is (no two siblings), up to the real paper's 100. */
export async function largestPaper(db: Db, userId: string): Promise<number> {
  return (await paperQuestions(db, userId, PAPER_QUESTIONS, "largest")).length;
}
