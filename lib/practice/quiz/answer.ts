import { hotSqlOf, type Db } from "@/lib/db/client";
import type { HotSql } from "@/lib/db/hot-sql";
import type { AnswerInput } from "@/lib/validation/practice";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { ConflictError, NotFoundError, RejectedFieldError } from "@/lib/errors";
import type { Option } from "@/lib/content/bank";
import { scoreQuiz, type QuizScore } from "@/lib/quiz/marking";
import { MAX_ATTEMPTS, planRatings, ratingWrites, StaleCardError } from "../reviews";
import { policyOfJoined } from "../policy";
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
 *
 * On the hot SQL (lib/db/hot-sql), in six statements on the straight path with one card to rate: the
 * question with its quiz, item, settings and the quiz's latest answer time; the cards to rate; then in
 * one transaction the answer (only onto an open question of an open quiz), each card's version-checked
 * update, the logs, COMMIT; and the quiz's outcomes for the running score.
 */
export async function answerQuestion(db: Db, userId: string, quizId: string, input: AnswerInput, now: Date): Promise<AnswerReply> {
  const hot = hotSqlOf(db);
  const [row] = await hot.read(
    hot.q
      .selectFrom("QuizQuestion as q")
      .innerJoin("QuizSession as z", "z.id", "q.quizId")
      .innerJoin("BankItem as i", "i.id", "q.itemId")
      .leftJoin("UserSettings as s", "s.userId", "z.userId")
      .select(["q.id", "q.itemId", "q.options", "q.answer", "q.explanation", "q.sources", "q.chosenOptionId", "q.correct", "q.answeredAt", "q.confidence", "q.statementMarks"])
      .select(["i.factIds", "i.statements", "z.mode", "z.finishedAt", "z.timeLimitSec", "z.clockStartedAt", "s.desiredRetention", "s.examDate", "s.timeZone", "s.fsrsParameters"])
      // Time on a question runs from the previous answer, or from Start for the first one.
      .select((eb) => eb.selectFrom("QuizQuestion as p").select((sub) => sub.fn.max("p.answeredAt").as("at")).where("p.quizId", "=", quizId).as("lastAnsweredAt"))
      .where("q.id", "=", input.questionId)
      .where("q.quizId", "=", quizId)
      .where("z.userId", "=", userId),
  );
  if (!row) throw new NotFoundError("No such question in this quiz.");
  const question = { ...row, correct: booleanOf(row.correct), answeredAt: dateOf(row.answeredAt) };
  const quiz = { id: quizId, mode: row.mode, finishedAt: dateOf(row.finishedAt), timeLimitSec: row.timeLimitSec === null ? null : Number(row.timeLimitSec), clockStartedAt: dateOf(row.clockStartedAt) };
  // As the quiz was when the answer came: a paper finished since then only keeps its keys a moment longer.
  const withheld = withholdsKeys(quiz);
  if (question.answeredAt) return reply(hot, quizId, question.id, resultOf(question), withheld);
  if (quiz.finishedAt) throw new ConflictError("This quiz is finished.");
  if (!quiz.clockStartedAt) throw new ConflictError("This quiz has not started: press Start (POST /api/quiz/{id}/start) first.", "not_started");
  if (await finishIfTimeIsUp(db, quiz, now)) {
    throw new ConflictError(`Time is up: this paper ended at ${endsAtOf(quiz)!.toISOString()} and was finished then; answers after that are not counted.`, "time_up", { endsAt: endsAtOf(quiz)!.toISOString() });
  }
  const options = JSON.parse(question.options) as Option[];
  if (input.optionId !== null && !options.some((option) => option.id === input.optionId)) throw new NotFoundError("No such option.");

  const statements = JSON.parse(question.statements ?? "[]") as ItemStatement[];
  const marks = input.statementMarks ?? [];
  if (marks.length > 0 && statements.length === 0) throw new RejectedFieldError("statementMarks", "This question has no statements to mark.");
  if (marks.some((mark) => mark.index >= statements.length)) throw new RejectedFieldError("statementMarks", `This question has ${statements.length} statements (indexes 0 to ${statements.length - 1}).`);
  const confidence = input.confidence ?? null;
  const factRatings = statementRatings(statements, marks, confidence);

  const correct = input.optionId === null ? null : input.optionId === question.answer;
  const since = dateOf(row.lastAnsweredAt) ?? quiz.clockStartedAt;
  // Stored with whether each verdict was right, as the question was shown: later views need no item.
  const rightly = judgedRightly(statements, marks);
  const statementMarks = marks.length > 0 ? JSON.stringify(marks.map((mark, index) => ({ index: mark.index, judgedTrue: mark.judgedTrue, right: rightly[index]! }))) : null;
  const answer = { answerId: input.answerId, chosenOptionId: input.optionId, correct, answeredAt: now, timeMs: Math.max(0, now.getTime() - since.getTime()), confidence, statementMarks };
  const factIds = JSON.parse(question.factIds) as string[];
  const policy = policyOfJoined(row);

  for (let attempt = 1; ; attempt++) {
    // A skip rates nothing, unless statements were judged: those verdicts still show what is remembered.
    const ratings =
      correct === null
        ? factRatings.size > 0
          ? await planAnswerRatings(hot, userId, question.itemId, [...factRatings.keys()], "good", input.answerId, now, factRatings, { questionCard: false })
          : []
        : await planAnswerRatings(hot, userId, question.itemId, factIds, correct ? "good" : "again", input.answerId, now, factRatings);
    try {
      await hot.transaction([
        {
          // Only an open question of an open quiz: a concurrent answer or finish wins.
          query: hot.q
            .updateTable("QuizQuestion")
            .set(answer)
            .where("id", "=", question.id)
            .where("answeredAt", "is", null)
            .where((eb) => eb.exists(eb.selectFrom("QuizSession as z").select("z.id").where("z.id", "=", quizId).where("z.finishedAt", "is", null))),
          orElse: () => new AnswerTakenError(),
        },
        ...ratingWrites(hot, planRatings(userId, ratings, policy, now, "quiz"), now),
      ]);
      break;
    } catch (error) {
      // Another request answered it first (that answer stands) or finished the quiz.
      if (error instanceof AnswerTakenError) return storedReply(db, hot, quizId, question.id, withheld);
      if (error instanceof StaleCardError && attempt < MAX_ATTEMPTS) continue;
      if (error instanceof StaleCardError) throw new ConflictError("A card changed while this answer was saved; send it again.");
      if (isUniqueViolation(error)) throw new ConflictError("That answer id was already used for another question.");
      throw error;
    }
  }
  return reply(hot, quizId, question.id, { chosenOptionId: input.optionId, correct, ...keyOf(question), ...answerAnnotations({ confidence, statementMarks }) }, withheld);
}

/** The question was answered, or its quiz finished, between reading it and writing the answer. */
class AnswerTakenError extends Error {}

/** A nullable timestamp as the hot SQL reads it: a Date (PostgreSQL) or ISO text (SQLite). */
function dateOf(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** A nullable boolean as the hot SQL reads it: true/false (PostgreSQL) or 1/0 (SQLite). */
function booleanOf(value: boolean | number | null): boolean | null {
  return value === null ? null : Boolean(value);
}

async function storedReply(db: Db, hot: HotSql, quizId: string, questionId: string, withheld: boolean): Promise<AnswerReply> {
  const stored = await db.quizQuestion.findUniqueOrThrow({ where: { id: questionId }, select: QUESTION_FIELDS });
  if (!stored.answeredAt) throw new ConflictError("This quiz is finished.");
  return reply(hot, quizId, questionId, resultOf(stored), withheld);
}

async function reply(hot: HotSql, quizId: string, questionId: string, result: AnswerResult, withheld: boolean): Promise<AnswerReply> {
  if (withheld) return { questionId, chosenOptionId: result.chosenOptionId, keyWithheld: true };
  const outcomes = await hot.read(hot.q.selectFrom("QuizQuestion").select("correct").where("quizId", "=", quizId));
  return { questionId, ...result, score: scoreQuiz(outcomes.map((outcome) => booleanOf(outcome.correct))) };
}
