"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { ReportProblem } from "@/components/reports/report-problem";
import { SourceList, type Source } from "@/components/sources/source-list";
import { api, ApiError, withRetry } from "@/lib/client/api";
import { ITEM_TYPE_LABELS } from "@/lib/content/item-types";

type Option = { id: string; text: string };

export type AnswerResult = {
  chosenOptionId: string | null;
  correct: boolean | null;
  key: string;
  explanation: string;
  sources: Source[];
  itemId: string;
};

export type QuizQuestionView = { id: string; position: number; type: string; prompt: string; options: Option[]; result: AnswerResult | null };

export type QuizView = {
  id: string;
  mode: string;
  topic: string | null;
  timeLimitSec: number;
  startedAt: string | Date;
  finishedAt: string | Date | null;
  questions: QuizQuestionView[];
  score?: QuizScore;
};

export type QuizScore = { score: number; maxScore: number; correct: number; wrong: number; skipped: number };

const TYPE_LABELS: Record<string, string> = ITEM_TYPE_LABELS;

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

function clock(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  const abs = Math.abs(seconds);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * Runs one quiz: a question at a time, UPSC marking, a timer at Prelims pace. The server keeps every
 * answer, so a reload or another device resumes at the first unanswered question; the key of a
 * question reaches the browser only in the reply to its answer.
 */
export function QuizRunner({ initial, onFinished }: { initial: QuizView; onFinished?: (quiz: QuizView) => void }) {
  const [quiz, setQuiz] = useState(initial);
  const firstOpen = quiz.questions.findIndex((question) => !question.result);
  const [index, setIndex] = useState(firstOpen < 0 ? quiz.questions.length - 1 : firstOpen);
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [answerIds] = useState(() => new Map<string, string>());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const question = quiz.questions[index]!;
  const answered = quiz.questions.filter((candidate) => candidate.result).length;
  const secondsLeft = Math.round(quiz.timeLimitSec - (now - new Date(quiz.startedAt).getTime()) / 1000);
  const running = useMemo(() => {
    let score = 0;
    for (const { result } of quiz.questions) {
      if (result?.correct === true) score += 2;
      else if (result?.correct === false) score -= 2 / 3;
    }
    return score;
  }, [quiz.questions]);

  const submit = useCallback(
    async (optionId: string | null) => {
      if (busy || question.result) return;
      // One id per question, kept across retries, so the server stores the answer once.
      const answerId = answerIds.get(question.id) ?? crypto.randomUUID();
      answerIds.set(question.id, answerId);
      setBusy(true);
      setError(null);
      try {
        const result = await withRetry(() =>
          api<AnswerResult>(`/api/quiz/${quiz.id}/answers`, { body: { questionId: question.id, optionId, answerId } }),
        );
        setQuiz((previous) => ({
          ...previous,
          questions: previous.questions.map((candidate) => (candidate.id === question.id ? { ...candidate, result } : candidate)),
        }));
      } catch (caught) {
        setError(caught instanceof ApiError ? caught.message : "Your answer was not saved: check your connection and submit again.");
      } finally {
        setBusy(false);
      }
    },
    [busy, question, quiz.id, answerIds],
  );

  const finish = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      await withRetry(() => api<QuizScore>(`/api/quiz/${quiz.id}/finish`, { method: "POST" }));
      // The results carry the keys of the questions left unanswered, which only a finished quiz reveals.
      const finished = await withRetry(() => api<QuizView>(`/api/quiz/${quiz.id}/results`));
      setQuiz(finished);
      onFinished?.(finished);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The quiz could not be finished: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }, [quiz, onFinished]);

  const next = () => {
    setChoice(null);
    setIndex((previous) => Math.min(previous + 1, quiz.questions.length - 1));
  };

  useEffect(() => {
    document.getElementById("question-prompt")?.focus();
  }, [index]);

  const isLast = index === quiz.questions.length - 1;
  return (
    <div className="stack quiz">
      <div className="quiz-status">
        <div className="progress-bar" role="progressbar" aria-label="Questions answered" aria-valuemin={0} aria-valuemax={quiz.questions.length} aria-valuenow={answered}>
          <span style={{ width: `${(answered / quiz.questions.length) * 100}%` }} />
        </div>
        <span>
          Question {index + 1} of {quiz.questions.length}
        </span>
        <span className={secondsLeft < 0 ? "timer timer-over" : "timer"}>
          {secondsLeft < 0 ? "Over time: " : "Time left: "}
          {clock(Math.abs(secondsLeft))}
        </span>
        <span>
          Score: <strong>{formatScore(running)}</strong>
        </span>
      </div>
      <article className="card question-card" aria-labelledby="question-prompt">
        <p className="muted card-topic">{TYPE_LABELS[question.type] ?? question.type}</p>
        <h2 id="question-prompt" className="question-prompt" tabIndex={-1}>
          {question.prompt}
        </h2>
        <fieldset className="options" disabled={Boolean(question.result) || busy}>
          <legend className="visually-hidden">Choose one answer</legend>
          {question.options.map((option) => {
            const result = question.result;
            const state = result
              ? option.id === result.key
                ? "option-key"
                : option.id === result.chosenOptionId
                  ? "option-wrong"
                  : ""
              : "";
            return (
              <label key={option.id} className={`option ${state}`}>
                <input
                  type="radio"
                  name={`question-${question.id}`}
                  value={option.id}
                  checked={(result?.chosenOptionId ?? choice) === option.id}
                  onChange={() => setChoice(option.id)}
                />
                <span className="option-letter">({option.id})</span> <span>{option.text}</span>
                {state === "option-key" && <span className="visually-hidden"> (correct answer)</span>}
                {state === "option-wrong" && <span className="visually-hidden"> (your answer, wrong)</span>}
              </label>
            );
          })}
        </fieldset>
        {question.result ? (
          <div className="answer-feedback" role="status">
            <p className={`alert ${question.result.correct ? "alert-success" : question.result.correct === false ? "alert-error" : "alert-warning"}`}>
              {question.result.correct ? "Correct: +2" : question.result.correct === false ? `Wrong: −2/3. The answer is (${question.result.key}).` : `Skipped: 0. The answer is (${question.result.key}).`}
            </p>
            <p className="explanation">{question.result.explanation}</p>
            <SourceList sources={question.result.sources} />
          </div>
        ) : null}
        {question.result && <ReportProblem key={question.result.itemId} itemId={question.result.itemId} />}
      </article>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
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
