import type { Db } from "@/lib/db/client";
import type { AnswerInput } from "@/lib/validation/practice";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConflictError, NotFoundError, RejectedFieldError } from "@/lib/errors";
import type { Option } from "@/lib/content/bank";
import { scoreQuiz, type QuizScore } from "@/lib/quiz/marking";
import { MAX_ATTEMPTS, StaleCardError, writeRatings } from "../reviews";
import { judgedRightly, statementRatings, type ItemStatement } from "@/lib/strategy/statement-ratings";
import { planAnswerRatings } from "./answer-ratings";
import { endsAtOf, finishIfTimeIsUp } from "./time-limit";
import { answerAnnotations, keyOf, QUESTION_FIELDS, resultOf, withholdsKeys, type AnswerResult } from "./view";

/** The reply to an answer: its verdict, key and the running score, or for a mock paper only that it is recorded. */
export type AnswerReply = (AnswerResult & { questionId: string; score: QuizScore }) | WithheldAnswerReply;

/** An unfinished mock paper's answer: recorded, with nothing said about whether it is right. */
export type WithheldAnswerReply = { questionId: string; chosenOptionId: string | null; keyWithheld: true };

export type { AnswerInput };

/**
 * Records an answer (null: skipped) and schedules what it shows about the user's memory: the question's
 * own card and the user's studied flashcards of the facts behind it get Good for a right answer and
 * Again for a wrong one (origin "quiz"). With verdicts on the statements of a statement item, each
 * judged statement rates its own fact's flashcards instead (lib/strategy/statement-ratings.ts), even
 * when the question is skipped. The confidence and verdicts are stored with the answer. The answer and
 * its ratings are one transaction. The first answer to a question stands: answering it again, or
 * retrying the request, returns it and changes nothing (on a mock paper too: an answer is bubbled in
 * ink, as on the OMR sheet). A mock paper's reply says only that the answer is recorded until the
 * paper is finished.
 */
export async function answerQuestion(db: Db, userId: string, quizId: string, input: AnswerInput, now: Date): Promise<AnswerReply> {
  const question = await db.quizQuestion.findFirst({
    where: { id: input.questionId, quizId, quiz: { userId } },
    select: { ...QUESTION_FIELDS, itemId: true, item: { select: { factIds: true, statements: true } }, quiz: { select: { id: true, mode: true, finishedAt: true, timeLimitSec: true, clockStartedAt: true } } },
  });
  if (!question) throw new NotFoundError("No such question in this quiz.");
  // As the quiz was when the answer came: a paper finished since then only keeps its keys a moment longer.
  const withheld = withholdsKeys(question.quiz);
  if (question.answeredAt) return reply(db, quizId, question.id, resultOf(question), withheld);
  if (question.quiz.finishedAt) throw new ConflictError("This quiz is finished.");
  if (!question.quiz.clockStartedAt) throw new ConflictError("This quiz has not started: press Start (POST /api/quiz/{id}/start) first.", "not_started");
  if (await finishIfTimeIsUp(db, question.quiz, now)) {
    throw new ConflictError(`Time is up: this paper ended at ${endsAtOf(question.quiz)!.toISOString()} and was finished then; answers after that are not counted.`, "time_up", { endsAt: endsAtOf(question.quiz)!.toISOString() });
  }
  const options = JSON.parse(question.options) as Option[];
  if (input.optionId !== null && !options.some((option) => option.id === input.optionId)) throw new NotFoundError("No such option.");

  const statements = JSON.parse(question.item.statements ?? "[]") as ItemStatement[];
  const marks = input.statementMarks ?? [];
  if (marks.length > 0 && statements.length === 0) throw new RejectedFieldError("statementMarks", "This question has no statements to mark.");
  if (marks.some((mark) => mark.index >= statements.length)) throw new RejectedFieldError("statementMarks", `This question has ${statements.length} statements (indexes 0 to ${statements.length - 1}).`);
  const confidence = input.confidence ?? null;
  const factRatings = statementRatings(statements, marks, confidence);

  const correct = input.optionId === null ? null : input.optionId === question.answer;
  const previous = await db.quizQuestion.findFirst({
    where: { quizId, answeredAt: { not: null } },
    orderBy: { answeredAt: "desc" },
    select: { answeredAt: true },
  });
  // Time on a question runs from the previous answer, or from Start for the first one.
  const since = previous?.answeredAt ?? question.quiz.clockStartedAt;
  // Stored with whether each verdict was right, as the question was shown: later views need no item.
  const rightly = judgedRightly(statements, marks);
  const statementMarks = marks.length > 0 ? JSON.stringify(marks.map((mark, index) => ({ index: mark.index, judgedTrue: mark.judgedTrue, right: rightly[index]! }))) : null;
  const answer = { answerId: input.answerId, chosenOptionId: input.optionId, correct, answeredAt: now, timeMs: Math.max(0, now.getTime() - since.getTime()), confidence, statementMarks };
  const factIds = JSON.parse(question.item.factIds) as string[];

  for (let attempt = 1; ; attempt++) {
    // A skip rates nothing, unless statements were judged: those verdicts still show what is remembered.
    const plan =
      correct === null
        ? factRatings.size > 0
          ? await planAnswerRatings(db, userId, question.itemId, [...factRatings.keys()], "good", input.answerId, now, factRatings, { questionCard: false })
          : null
        : await planAnswerRatings(db, userId, question.itemId, factIds, correct ? "good" : "again", input.answerId, now, factRatings);
    try {
      const stored = await db.$transaction(async (tx) => {
        // Only an open question of an open quiz: a concurrent answer or finish wins.
        const { count } = await tx.quizQuestion.updateMany({ where: { id: question.id, answeredAt: null, quiz: { is: { finishedAt: null } } }, data: answer });
        if (count === 0) return false;
        if (plan) await writeRatings(tx, userId, plan.ratings, plan.policy, now, "quiz");
        return true;
      });
      // Another request answered it first (that answer stands) or finished the quiz.
      if (!stored) return storedReply(db, quizId, question.id, withheld);
      break;
    } catch (error) {
      if (error instanceof StaleCardError && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof StaleCardError) throw new ConflictError("A card changed while this answer was saved; send it again.");
      if (isUniqueViolation(error)) throw new ConflictError("That answer id was already used for another question.");
      throw error;
    }
  }
  return reply(db, quizId, question.id, { chosenOptionId: input.optionId, correct, ...keyOf(question), ...answerAnnotations({ confidence, statementMarks }) }, withheld);
}

async function storedReply(db: Db, quizId: string, questionId: string, withheld: boolean): Promise<AnswerReply> {
  const stored = await db.quizQuestion.findUniqueOrThrow({ where: { id: questionId }, select: QUESTION_FIELDS });
  if (!stored.answeredAt) throw new ConflictError("This quiz is finished.");
  return reply(db, quizId, questionId, resultOf(stored), withheld);
}

async function reply(db: Db, quizId: string, questionId: string, result: AnswerResult, withheld: boolean): Promise<AnswerReply> {
  if (withheld) return { questionId, chosenOptionId: result.chosenOptionId, keyWithheld: true };
  const outcomes = await db.quizQuestion.findMany({ where: { quizId }, select: { correct: true } });
  return { questionId, ...result, score: scoreQuiz(outcomes.map((outcome) => outcome.correct)) };
}
