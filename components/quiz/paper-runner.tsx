"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { api, withRetry } from "@/lib/client/api";
import type { ReviewMarkReply, WithheldAnswerReply } from "@/lib/practice/quiz";
import { MARK_LABELS, type QuizScore } from "@/lib/quiz/marking";
import { formatName } from "@/lib/content/item-types";
import type { QuizView } from "./quiz-runner";
import { isTimeUp, startClock, useQuizRequests } from "./quiz-requests";
import { QuizStart } from "./quiz-start";
import { AnsweredProgress } from "./quiz-status";
import { RequestError } from "./request-error";
import { useCountdown } from "./use-countdown";

function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

function minutesOf(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}` : `${minutes} minutes`;
}

type SheetState = "answered" | "marked" | "answered-marked" | "open";

function sheetStateOf(question: QuizView["questions"][number]): SheetState {
  if (question.answered) return question.markedForReview ? "answered-marked" : "answered";
  return question.markedForReview ? "marked" : "open";
}

const SHEET_LABELS: Record<SheetState, string> = {
  answered: "answered",
  marked: "marked for review",
  "answered-marked": "answered, marked for review",
  open: "not answered",
};

/**
 * Runs a mock paper as the exam does: a Start screen (the clock starts there), then any question in
 * any order from the answer sheet, the clock of the whole paper (2 hours for 100 questions, scaled),
 * and nothing said about any answer until the paper is handed in. An answer, once saved, stands, as a
 * bubble in ink; a question can be marked for review to come back to. The server keeps the answers,
 * the marks and the clock, so a reload or another device resumes where the learner was. Handing in,
 * or the clock running out, shows the analysis (the page renders it once the paper is finished).
 */
export function PaperRunner({ initial }: { initial: QuizView }) {
  const router = useRouter();
  const [quiz, setQuiz] = useState(initial);
  const firstOpen = quiz.questions.findIndex((question) => !question.answered);
  const [index, setIndex] = useState(firstOpen < 0 ? 0 : firstOpen);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const { busy: requesting, error, run } = useQuizRequests();
  // Handing in ends with a refresh of the page, which then shows the analysis: the buttons wait for it.
  const [refreshing, startRefresh] = useTransition();
  const busy = requesting || refreshing;
  const [confirmingHandIn, setConfirmingHandIn] = useState(false);
  // Null until mounted: the server's clock and the browser's differ, and the first render must match.
  const [answerIds] = useState(() => new Map<string, string>());
  const started = quiz.clockStartedAt !== null;
  const prompt = useRef<HTMLHeadingElement>(null);

  const question = quiz.questions[index]!;
  const answered = quiz.questions.filter((candidate) => candidate.answered).length;
  const marked = quiz.questions.filter((candidate) => candidate.markedForReview).length;
  const choice = question.chosenOptionId ?? choices[question.id] ?? null;

  const updateQuestion = (questionId: string, change: Partial<QuizView["questions"][number]>) =>
    setQuiz((previous) => ({ ...previous, questions: previous.questions.map((candidate) => (candidate.id === questionId ? { ...candidate, ...change } : candidate)) }));

  const showAnalysis = useCallback(() => startRefresh(() => router.refresh()), [router]);

  const handIn = useCallback(
    () =>
      run(async () => {
        await withRetry(() => api<QuizScore>(`/api/quiz/${quiz.id}/finish`, { method: "POST" }));
        showAnalysis();
      }, "The paper could not be handed in: check your connection and try again."),
    [quiz.id, run, showAnalysis],
  );

  const handInWhenTimeIsUp = useCallback(() => void handIn(), [handIn]);
  const secondsLeft = useCountdown(started, quiz.endsAt, handInWhenTimeIsUp);

  const saveAnswer = useCallback(async () => {
    if (busy || question.answered || !choice) return;
    // One id per question, kept across retries, so the server stores the answer once.
    const answerId = answerIds.get(question.id) ?? crypto.randomUUID();
    answerIds.set(question.id, answerId);
    await run(async () => {
      try {
        const reply = await withRetry(() => api<WithheldAnswerReply>(`/api/quiz/${quiz.id}/answers`, { body: { questionId: question.id, optionId: choice, answerId } }));
        updateQuestion(question.id, { answered: true, chosenOptionId: reply.chosenOptionId });
        // On to the next question not yet answered, as one works down a paper.
        const next = quiz.questions.findIndex((candidate, position) => position > index && !candidate.answered);
        if (next >= 0) setIndex(next);
      } catch (caught) {
        if (isTimeUp(caught)) showAnalysis();
        else throw caught;
      }
    }, "Your answer was not saved: check your connection and save it again.");
  }, [busy, question, choice, answerIds, quiz.id, quiz.questions, index, run, showAnalysis]);

  const toggleMark = () =>
    run(async () => {
      const reply = await withRetry(() => api<ReviewMarkReply>(`/api/quiz/${quiz.id}/review-marks`, { body: { questionId: question.id, marked: !question.markedForReview } }));
      updateQuestion(question.id, { markedForReview: reply.markedForReview });
    }, "The mark was not saved: check your connection and try again.");

  const begin = () => run(async () => setQuiz(await startClock(quiz.id)), "The paper could not start: check your connection and try again.");

  const goTo = (position: number) => {
    setIndex(position);
    prompt.current?.focus();
  };

  useEffect(() => {
    if (started) prompt.current?.focus();
  }, [started]);

  if (!started) {
    return (
      <QuizStart busy={busy} error={error} onStart={() => void begin()} startLabel="Start the paper">
        <p>
          {quiz.questions.length} questions in the formats of the Prelims paper · {minutesOf(quiz.timeLimitSec ?? 0)} (the paper&apos;s 2 hours for 100 questions,
          scaled) · marked {MARK_LABELS.right} / {MARK_LABELS.wrong} / {MARK_LABELS.skipped}.
        </p>
        <ul className="paper-rules">
          <li>One attempt. The clock starts when you press Start and does not stop; the paper is handed in when time runs out.</li>
          <li>Go to any question from the answer sheet. An answer, once saved, stands, as a bubble on the OMR sheet does; mark a question for review to come back to it.</li>
          <li>No answers or explanations until you hand the paper in: then its analysis.</li>
        </ul>
      </QuizStart>
    );
  }

  const unanswered = quiz.questions.length - answered;
  return (
    <div className="paper">
      <div className="stack paper-main">
        <div className="quiz-status">
          <AnsweredProgress answered={answered} total={quiz.questions.length} position={index} />
          <span className={secondsLeft !== null && secondsLeft < 300 ? "timer timer-over" : "timer"} role="timer" aria-live="off">
            Time left: {secondsLeft === null ? "–:––" : clock(secondsLeft)}
          </span>
          <span>
            {answered} answered · {marked} marked
          </span>
        </div>
        <article className="card question-card" aria-labelledby="question-prompt">
          <p className="muted card-topic">
            Question {index + 1} · {formatName(question.type)}
            {question.markedForReview ? " · marked for review" : ""}
          </p>
          <h2 id="question-prompt" ref={prompt} className="question-prompt" tabIndex={-1}>
            {question.prompt}
          </h2>
          <fieldset className="options" disabled={question.answered || busy}>
            <legend className="visually-hidden">Choose one answer</legend>
            {question.options.map((option) => (
              <label key={option.id} className="option">
                <input
                  type="radio"
                  name={`question-${question.id}`}
                  value={option.id}
                  checked={choice === option.id}
                  onChange={() => setChoices((previous) => ({ ...previous, [question.id]: option.id }))}
                />
                <span className="option-letter">({option.id})</span> <span className="option-text">{option.text}</span>
              </label>
            ))}
          </fieldset>
          {question.answered && (
            <p className="muted" role="status">
              Answer saved: ({question.chosenOptionId}). It stands; you see whether it is right when you hand the paper in.
            </p>
          )}
        </article>
        <RequestError error={error} />
        <div className="actions">
          {!question.answered && (
            <button type="button" className="button" disabled={!choice || busy} onClick={() => void saveAnswer()}>
              Save answer
            </button>
          )}
          <button type="button" className="button button-secondary" disabled={busy} aria-pressed={question.markedForReview} onClick={() => void toggleMark()}>
            {question.markedForReview ? "Unmark review" : "Mark for review"}
          </button>
          <button type="button" className="button button-secondary" disabled={index === 0} onClick={() => goTo(index - 1)}>
            Previous
          </button>
          <button type="button" className="button button-secondary" disabled={index === quiz.questions.length - 1} onClick={() => goTo(index + 1)}>
            Next
          </button>
        </div>
      </div>
      <aside className="card stack answer-sheet" aria-labelledby="sheet-title">
        <h2 id="sheet-title">Answer sheet</h2>
        <ol className="sheet-grid">
          {quiz.questions.map((candidate, position) => {
            const state = sheetStateOf(candidate);
            return (
              <li key={candidate.id}>
                <button
                  type="button"
                  className={`sheet-cell sheet-${state}`}
                  aria-current={position === index ? "step" : undefined}
                  aria-label={`Question ${position + 1}: ${SHEET_LABELS[state]}`}
                  onClick={() => goTo(position)}
                >
                  {position + 1}
                  {candidate.markedForReview && <span aria-hidden="true">*</span>}
                </button>
              </li>
            );
          })}
        </ol>
        <p className="muted sheet-legend">Filled: answered. *: marked for review. Outlined: the question shown.</p>
        {confirmingHandIn ? (
          <div className="alert alert-warning stack" role="alertdialog" aria-labelledby="hand-in-title">
            <p id="hand-in-title">
              <strong>Hand in the paper?</strong> {unanswered === 0 ? "Every question is answered." : `${unanswered} unanswered question${unanswered === 1 ? "" : "s"} will count as skipped (0).`}
              {marked > 0 ? ` ${marked} marked for review.` : ""}
            </p>
            <div className="actions">
              <button type="button" className="button" disabled={busy} onClick={() => void handIn()}>
                Hand in
              </button>
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirmingHandIn(false)}>
                Keep working
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirmingHandIn(true)}>
            Hand in the paper
          </button>
        )}
      </aside>
    </div>
  );
}
