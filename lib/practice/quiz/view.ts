import type { Citation, ItemType, Option } from "@/lib/content/bank";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { scoreQuiz, type QuizScore } from "@/lib/quiz/marking";
import { isConfidence, type Confidence } from "@/lib/strategy/confidence";
import type { StatementMark } from "@/lib/strategy/statement-ratings";
import { whatIf, type WhatIf } from "@/lib/strategy/what-if";
import { endsAtOf, finishIfTimeIsUp } from "./time-limit";

export type QuizMode = "daily" | "topic" | "mistakes" | "misjudged" | "custom" | "paper";

// itemId comes with the key, never before the answer: some item ids name their key ("…:does-not-explain").
export type AnswerResult = {
  chosenOptionId: string | null;
  correct: boolean | null;
  key: string;
  explanation: string;
  sources: Citation[];
  itemId: string;
  /** How sure the learner said they were; null when not said. */
  confidence: Confidence | null;
  /** The learner's verdicts on the statements, each with whether it was right; null when none were given. */
  statementMarks: JudgedMark[] | null;
};

export type JudgedMark = StatementMark & { right: boolean };

export type QuizQuestionView = {
  id: string;
  position: number;
  type: ItemType;
  topic: string;
  prompt: string;
  options: Option[];
  /** Whether an answer (or a skip) is recorded, and which option it chose: a mock paper's answer sheet, even while its keys are withheld. */
  answered: boolean;
  chosenOptionId: string | null;
  /** The learner's "come back to this" flag (a mock paper's answer sheet). */
  markedForReview: boolean;
  /** The verdict, key, explanation and sources: after the answer, or for a mock paper only once it is finished. */
  result: AnswerResult | null;
};

export type QuizView = {
  id: string;
  mode: QuizMode;
  topic: string | null;
  dailyDay: string | null;
  /** Seconds allowed once the clock starts; null for an untimed quiz. */
  timeLimitSec: number | null;
  /** When the quiz was made. */
  startedAt: Date;
  /** When the learner pressed Start; null until then (nothing can be answered before). */
  clockStartedAt: Date | null;
  /** When a timed quiz's time runs out (clockStartedAt + timeLimitSec); null if untimed or not started. */
  endsAt: Date | null;
  finishedAt: Date | null;
  questions: QuizQuestionView[];
  /** Null while the keys are withheld (an unfinished mock paper): a score would tell which answers are right. */
  score: QuizScore | null;
  /** The score as marked, had the guesses been skipped, had the skipped 50-50s been attempted (lib/strategy/what-if.ts); null while the keys are withheld. */
  whatIf: WhatIf | null;
};

/** A mock paper, like the real one, says nothing about its answers until it is handed in. */
export function withholdsKeys(quiz: { mode: string; finishedAt: Date | null }): boolean {
  return quiz.mode === "paper" && quiz.finishedAt === null;
}


/** A quiz question as shown: the snapshot kept with the question row, never the bank's current text. */
export const QUESTION_FIELDS = {
  id: true,
  position: true,
  chosenOptionId: true,
  correct: true,
  answeredAt: true,
  type: true,
  topic: true,
  prompt: true,
  options: true,
  answer: true,
  explanation: true,
  sources: true,
  itemId: true,
  confidence: true,
  statementMarks: true,
  markedForReview: true,
} as const;

export const QUIZ_FIELDS = { id: true, mode: true, topic: true, dailyDay: true, timeLimitSec: true, startedAt: true, clockStartedAt: true, finishedAt: true } as const;

/**
 * A quiz as its owner may see it: every question as it was shown, with the key, explanation and
 * sources only for questions already answered, or for all of them once the quiz is finished; a mock
 * paper shows only the options chosen until it is finished. A timed quiz whose time ran out is
 * finished first, at its limit.
 */
export async function quizView(db: Db, userId: string, quizId: string, now: Date): Promise<QuizView> {
  const read = () => db.quizSession.findFirst({ where: { id: quizId, userId }, select: { ...QUIZ_FIELDS, questions: { orderBy: { position: "asc" }, select: QUESTION_FIELDS } } });
  let quiz = await read();
  if (!quiz) throw new NotFoundError("No such quiz.");
  if (!quiz.finishedAt && (await finishIfTimeIsUp(db, quiz, now))) quiz = (await read())!;
  const finished = quiz.finishedAt !== null;
  const withheld = withholdsKeys(quiz);
  return {
    id: quiz.id,
    mode: quiz.mode as QuizMode,
    topic: quiz.topic,
    dailyDay: quiz.dailyDay,
    timeLimitSec: quiz.timeLimitSec,
    startedAt: quiz.startedAt,
    clockStartedAt: quiz.clockStartedAt,
    endsAt: endsAtOf(quiz),
    finishedAt: quiz.finishedAt,
    questions: quiz.questions.map((question) => ({
      id: question.id,
      position: question.position,
      type: question.type as ItemType,
      topic: question.topic,
      prompt: question.prompt,
      options: JSON.parse(question.options) as Option[],
      answered: question.answeredAt !== null,
      chosenOptionId: question.chosenOptionId,
      markedForReview: question.markedForReview,
      result: withheld ? null : question.answeredAt || finished ? resultOf(question) : null,
    })),
    score: withheld ? null : scoreQuiz(quiz.questions.map((question) => question.correct)),
    whatIf: withheld ? null : whatIf(quiz.questions.map((question) => ({ correct: question.correct, confidence: confidenceOf(question.confidence) }))),
  };
}

function confidenceOf(stored: string | null): Confidence | null {
  return isConfidence(stored) ? stored : null;
}

type StoredAnswer = {
  chosenOptionId: string | null;
  correct: boolean | null;
  itemId: string;
  answer: string;
  explanation: string;
  sources: string;
  confidence: string | null;
  /** JSON JudgedMark[]: each verdict stored with whether it was right, so showing it needs no item. */
  statementMarks: string | null;
};

export function resultOf(question: StoredAnswer): AnswerResult {
  return { chosenOptionId: question.chosenOptionId, correct: question.correct, ...keyOf(question), ...answerAnnotations(question) };
}

/** The confidence and statement verdicts stored with an answer. */
export function answerAnnotations(question: Pick<StoredAnswer, "confidence" | "statementMarks">): Pick<AnswerResult, "confidence" | "statementMarks"> {
  return { confidence: confidenceOf(question.confidence), statementMarks: question.statementMarks === null ? null : (JSON.parse(question.statementMarks) as JudgedMark[]) };
}

/** The key, explanation and sources of a question as it was shown (its snapshot), and the item to report on. */
export function keyOf(question: { itemId: string; answer: string; explanation: string; sources: string }) {
  return { key: question.answer, explanation: question.explanation, sources: JSON.parse(question.sources) as Citation[], itemId: question.itemId };
}
