"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { optionMark } from "./option-mark";
import { ReportProblem } from "@/components/reports/report-problem";
import { SourceList } from "@/components/sources/source-list";
import { api, withRetry } from "@/lib/client/api";
import { formatName } from "@/lib/content/item-types";
import type { AnswerResult as ServerAnswerResult, QuizQuestionView as ServerQuizQuestionView, QuizView as ServerQuizView } from "@/lib/practice/quiz";
import { formatScore, MARK_LABELS, scoreQuiz, type QuizScore } from "@/lib/quiz/marking";
import { CONFIDENCE_KEYS, CONFIDENCE_LABELS, CONFIDENCE_LEVELS, type Confidence } from "@/lib/strategy/confidence";
import { ConfidencePicker, StatementMarker, STATEMENT_ITEM_TYPES } from "./answer-annotations";
import { isTimeUp, startClock, useQuizRequests } from "./quiz-requests";
import { QuizStart } from "./quiz-start";
import { AnsweredProgress } from "./quiz-status";
import { RequestError } from "./request-error";
import { useCountdown } from "./use-countdown";

/** A value as it reaches the browser: dates as ISO strings through the API, or Dates from a page. */
type Sent<T> = T extends Date ? string | Date : T extends (infer Item)[] ? Sent<Item>[] : T extends object ? { [Key in keyof T]: Sent<T[Key]> } : T;

export type AnswerResult = Sent<ServerAnswerResult>;
export type QuizQuestionView = Sent<ServerQuizQuestionView>;
export type QuizView = Sent<ServerQuizView>;

function clock(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  const abs = Math.abs(seconds);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * Runs one quiz: first a Start screen (the clock starts there, not when the page opens), then a
 * question at a time, UPSC marking, and for a timed quiz a countdown at Prelims pace, which the server
 * enforces: once it runs out the quiz is finished and its results shown. The server keeps every
 * answer, so a reload or another device resumes at the first unanswered question; the key of a
 * question reaches the browser only in the reply to its answer. Before answering, the learner may say
 * how sure they are (kept for the next question of the quiz) and judge each statement of a statement item.
 */
export function QuizRunner({ initial, onFinished }: { initial: QuizView; onFinished?: (quiz: QuizView) => void }) {
  const [quiz, setQuiz] = useState(initial);
  const firstOpen = quiz.questions.findIndex((question) => !question.result);
  const [index, setIndex] = useState(firstOpen < 0 ? quiz.questions.length - 1 : firstOpen);
  const [choice, setChoice] = useState<string | null>(null);
  const { busy, error, run } = useQuizRequests();
  // Null until mounted: the server's clock and the browser's differ, and the first render must match.
  const [answerIds] = useState(() => new Map<string, string>());
  // Remembered through the quiz, and after a reload from the latest answer that said one.
  const [confidence, setConfidence] = useState<Confidence | null>(
    () => initial.questions.filter((candidate) => candidate.result?.confidence).at(-1)?.result?.confidence ?? null,
  );
  const [statementMarks, setStatementMarks] = useState<Map<number, boolean>>(() => new Map());
  const started = quiz.clockStartedAt !== null;


  const question = quiz.questions[index]!;
  const answered = quiz.questions.filter((candidate) => candidate.result).length;
  const running = useMemo(() => scoreQuiz(quiz.questions.map(({ result }) => result?.correct ?? null)).score, [quiz.questions]);

  const showResults = useCallback(async () => {
    const finished = await withRetry(() => api<QuizView>(`/api/quiz/${quiz.id}/results`));
    setQuiz(finished);
    onFinished?.(finished);
  }, [quiz.id, onFinished]);

  const submit = useCallback(
    async (optionId: string | null) => {
      if (busy || question.result) return;
      // One id per question, kept across retries, so the server stores the answer once.
      const answerId = answerIds.get(question.id) ?? crypto.randomUUID();
      answerIds.set(question.id, answerId);
      await run(async () => {
        try {
          const result = await withRetry(() =>
            api<AnswerResult>(`/api/quiz/${quiz.id}/answers`, {
              body: {
                questionId: question.id,
                optionId,
                answerId,
                ...(confidence ? { confidence } : {}),
                ...(statementMarks.size > 0 ? { statementMarks: [...statementMarks].map(([index, judgedTrue]) => ({ index, judgedTrue })) } : {}),
              },
            }),
          );
          setQuiz((previous) => ({
            ...previous,
            questions: previous.questions.map((candidate) => (candidate.id === question.id ? { ...candidate, result } : candidate)),
          }));
        } catch (caught) {
          // The quiz's time ran out on the server: it is finished, so show its results.
          if (isTimeUp(caught)) await showResults();
          else throw caught;
        }
      }, "Your answer was not saved: check your connection and submit again.");
    },
    [busy, question, quiz.id, answerIds, showResults, confidence, statementMarks, run],
  );

  const begin = () => run(async () => setQuiz(await startClock(quiz.id)), "The quiz could not start: check your connection and try again.");

  const finish = useCallback(
    () =>
      run(async () => {
        await withRetry(() => api<QuizScore>(`/api/quiz/${quiz.id}/finish`, { method: "POST" }));
        // The results carry the keys of the questions left unanswered, which only a finished quiz reveals.
        await showResults();
      }, "The quiz could not be finished: check your connection and try again."),
    [quiz.id, showResults, run],
  );

  const finishWhenTimeIsUp = useCallback(() => void finish(), [finish]);
  const secondsLeft = useCountdown(started, quiz.endsAt, finishWhenTimeIsUp);

  const next = () => {
    setChoice(null);
    setStatementMarks(new Map());
    setIndex((previous) => Math.min(previous + 1, quiz.questions.length - 1));
  };

  useEffect(() => {
    document.getElementById("question-prompt")?.focus();
  }, [index, started]);

  // S, F, G pick a confidence while the question is open (not while typing, e.g. in a report).
  const open = started && !question.result;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && (target as HTMLInputElement).type === "text"))) return;
      const level = CONFIDENCE_LEVELS.find((candidate) => CONFIDENCE_KEYS[candidate] === event.key.toLowerCase());
      if (level) setConfidence(level);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  const isLast = index === quiz.questions.length - 1;
  if (!started) {
    const minutes = quiz.timeLimitSec === null ? null : Math.round(quiz.timeLimitSec / 60);
    return (
      <QuizStart busy={busy} error={error} onStart={() => void begin()} startLabel={minutes === null ? "Start" : "Start the clock"}>
        <p>
          {quiz.questions.length} questions ·{" "}
          {minutes === null ? "untimed: take as long as you need" : `timed: ${minutes} minutes, at Prelims pace (72 seconds a question); the paper ends when time runs out`}
          .
        </p>
      </QuizStart>
    );
  }
  return (
    <div className="stack quiz">
      <div className="quiz-status">
        <AnsweredProgress answered={answered} total={quiz.questions.length} position={index} />
        {quiz.timeLimitSec === null ? (
          <span className="timer">Untimed</span>
        ) : (
          <span className={secondsLeft !== null && secondsLeft < 60 ? "timer timer-over" : "timer"} role="timer" aria-live="off">
            Time left: {secondsLeft === null ? "–:––" : clock(secondsLeft)}
          </span>
        )}
        <span>
          Score: <strong>{formatScore(running)}</strong>
        </span>
      </div>
      <article className="card question-card" aria-labelledby="question-prompt">
        <p className="muted card-topic">{formatName(question.type)}</p>
        <h2 id="question-prompt" className="question-prompt" tabIndex={-1}>
          {question.prompt}
        </h2>
        {/* Statements are judged first, as on paper, then an option is chosen. */}
        {STATEMENT_ITEM_TYPES.includes(question.type) && !question.result && (
          <StatementMarker type={question.type} prompt={question.prompt} marks={statementMarks} onChange={setStatementMarks} judged={null} disabled={busy} />
        )}
        <fieldset className="options" disabled={Boolean(question.result) || busy}>
          <legend className="visually-hidden">Choose one answer</legend>
          {question.options.map((option) => {
            const mark = optionMark(option.id, question.result);
            return (
              <label key={option.id} className={`option ${mark?.className ?? ""}`}>
                <input
                  type="radio"
                  name={`question-${question.id}`}
                  value={option.id}
                  checked={(question.result?.chosenOptionId ?? choice) === option.id}
                  onChange={() => setChoice(option.id)}
                />
                <span className="option-letter">({option.id})</span> <span className="option-text">{option.text}</span>
                {mark && (
                  <span className="option-mark">
                    <span aria-hidden="true">{mark.glyph}</span> {mark.label}
                  </span>
                )}
              </label>
            );
          })}
        </fieldset>
        {STATEMENT_ITEM_TYPES.includes(question.type) && question.result && (
          <StatementMarker type={question.type} prompt={question.prompt} marks={statementMarks} onChange={setStatementMarks} judged={question.result.statementMarks ?? []} disabled />
        )}
        {!question.result && <ConfidencePicker value={confidence} onChange={setConfidence} disabled={busy} />}
        {question.result ? (
          <div className="answer-feedback" role="status">
            <p className={`alert ${question.result.correct ? "alert-success" : question.result.correct === false ? "alert-error" : "alert-warning"}`}>
              {question.result.correct
                ? `Correct: ${MARK_LABELS.right}`
                : question.result.correct === false
                  ? `Wrong: ${MARK_LABELS.wrong}. The answer is (${question.result.key}).`
                  : `Skipped: ${MARK_LABELS.skipped}. The answer is (${question.result.key}).`}
            </p>
            {question.result.confidence && <p className="confidence-said muted">You said: {CONFIDENCE_LABELS[question.result.confidence]}.</p>}
            <p className="explanation">{question.result.explanation}</p>
            <SourceList sources={question.result.sources} />
          </div>
        ) : null}
        {question.result && <ReportProblem key={question.result.itemId} itemId={question.result.itemId} />}
      </article>
      <RequestError error={error} />
      <div className="actions">
        {!question.result && (
          <>
            <button type="button" className="button" disabled={!choice || busy} onClick={() => void submit(choice)}>
              Submit answer
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void submit(null)}>
              Skip (no marks)
            </button>
          </>
        )}
        {question.result && !isLast && (
          <button type="button" className="button" onClick={next}>
            Next question
          </button>
        )}
        {(isLast && question.result) || answered === quiz.questions.length ? (
          <button type="button" className="button" disabled={busy} onClick={() => void finish()}>
            Finish and see results
          </button>
        ) : (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void finish()}>
            Finish now (unanswered count as skipped)
          </button>
        )}
      </div>
    </div>
  );
}
