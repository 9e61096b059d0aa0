"use client";

import { useEffect, useRef, useState } from "react";
import { ReportProblem, type MyReport } from "@/components/reports/report-problem";
import { SourceList } from "@/components/sources/source-list";
import { topicLeaf } from "@/lib/content/topic-path";
import { scoreByTopic } from "@/lib/quiz/breakdown";
import { formatScore, MARK_LABELS, scoreQuiz } from "@/lib/quiz/marking";
import { signedMarks } from "@/lib/strategy/calibration";
import { CONFIDENCE_LABELS } from "@/lib/strategy/confidence";
import type { WhatIf } from "@/lib/strategy/what-if";
import { StatementMarker, STATEMENT_ITEM_TYPES } from "./answer-annotations";
import { optionMark } from "./option-mark";
import { ScoreTable } from "./score-table";
import { formatName } from "@/lib/content/item-types";
import type { QuizQuestionView, QuizView } from "./quiz-runner";

type Outcome = "right" | "wrong" | "skipped";
type Filter = "all" | "wrong" | "skipped" | "wrong-or-skipped";

function outcomeOf(question: QuizQuestionView): Outcome {
  return question.result?.correct === true ? "right" : question.result?.correct === false ? "wrong" : "skipped";
}

const FILTERS: { filter: Filter; label: string; shows: (outcome: Outcome) => boolean }[] = [
  { filter: "all", label: "All", shows: () => true },
  { filter: "wrong", label: "Wrong", shows: (outcome) => outcome === "wrong" },
  { filter: "skipped", label: "Skipped", shows: (outcome) => outcome === "skipped" },
  { filter: "wrong-or-skipped", label: "Wrong or skipped", shows: (outcome) => outcome !== "right" },
];

const OUTCOME_TEXT: Record<Outcome, { glyph: string; text: string }> = {
  right: { glyph: "✓", text: `Right: ${MARK_LABELS.right}` },
  wrong: { glyph: "✗", text: `Wrong: ${MARK_LABELS.wrong}` },
  skipped: { glyph: "–", text: `Skipped: ${MARK_LABELS.skipped}` },
};

/**
 * The score under UPSC marking and by topic, then every question, numbered, with the answer given and
 * the key marked in colour and in words, the explanation and sources; filtered to the wrong or skipped
 * ones on request. Right after Finish (focusOnMount) the score is brought into view and focused.
 */
export function QuizResults({
  quiz,
  focusOnMount = false,
  reports,
}: {
  quiz: QuizView;
  focusOnMount?: boolean;
  /** The learner's reports by item, when the server read them with the page (else each question's button asks after it loads). */
  reports?: Record<string, MyReport>;
}) {
  const [filter, setFilter] = useState<Filter>("all");
  const summary = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusOnMount) return;
    heading.current?.focus({ preventScroll: true });
    summary.current?.scrollIntoView({ block: "start" });
  }, [focusOnMount]);

  const outcomes = quiz.questions.map((question) => question.result?.correct ?? null);
  const score = scoreQuiz(outcomes);
  const byTopic = scoreByTopic(quiz.questions.map((question) => ({ topic: question.topic, correct: question.result?.correct ?? null })));
  const numbered = quiz.questions.map((question, index) => ({ question, number: index + 1, outcome: outcomeOf(question) }));
  const shows = FILTERS.find((candidate) => candidate.filter === filter)!.shows;
  const shown = numbered.filter(({ outcome }) => shows(outcome));
  const countOf = (candidate: (typeof FILTERS)[number]) => numbered.filter(({ outcome }) => candidate.shows(outcome)).length;

  return (
    <div className="stack">
      <section ref={summary} className="card results-summary" aria-labelledby="results-title">
        <h2 id="results-title" ref={heading} tabIndex={-1}>
          Your score: {formatScore(score.score)} out of {score.maxScore}
        </h2>
        <p>
          {score.correct} right ({MARK_LABELS.right} each), {score.wrong} wrong ({MARK_LABELS.wrong} each), {score.skipped} skipped ({MARK_LABELS.skipped}). Accuracy on answered questions:{" "}
          {score.answered > 0 ? `${Math.round((score.correct / score.answered) * 100)}%` : "–"}.
        </p>
        <ScoreTable
          groupHeading="Topic"
          caption="Score by topic"
          rows={byTopic.map((topic) => ({ ...topic, key: topic.topic, name: topicLeaf(topic.topic), title: topic.topic }))}
        />
      </section>
      {quiz.whatIf && <WhatIfSection quiz={quiz} whatIf={quiz.whatIf} />}
      <fieldset className="result-filter" role="radiogroup" aria-labelledby="result-filter-legend">
        <legend id="result-filter-legend">Show</legend>
        {FILTERS.map((candidate) => (
          <label key={candidate.filter} className="filter-pill">
            <input type="radio" name="result-filter" value={candidate.filter} checked={filter === candidate.filter} onChange={() => setFilter(candidate.filter)} />
            {candidate.label} ({countOf(candidate)})
          </label>
        ))}
      </fieldset>
      <p className="muted" aria-live="polite">
        {filter === "all" ? `All ${numbered.length} questions.` : `${shown.length} of ${numbered.length} questions.`}
      </p>
      <ol className="results-list">
        {shown.map(({ question, number, outcome }) => (
          <ResultItem key={question.id} question={question} number={number} total={numbered.length} outcome={outcome} reports={reports} />
        ))}
      </ol>
    </div>
  );
}

/**
 * The score had the learner skipped every guess, or attempted every 50-50 they skipped (its expected
 * value: lib/strategy/what-if.ts), beside the score as marked.
 */
function WhatIfSection({ quiz, whatIf }: { quiz: QuizView; whatIf: WhatIf }) {
  const { asMarked, skippingGuesses, attemptingFiftyFifties } = whatIf;
  const said = quiz.questions.filter((question) => question.result?.confidence).length;
  const change = (marks: number) => (marks === 0 ? "no change" : signedMarks(marks));
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return (
    <section className="card" aria-labelledby="what-if-title">
      <h2 id="what-if-title">What if</h2>
      {said === 0 ? (
        <p className="muted">Say how sure you are before each answer (Sure, 50-50, Guess) to see what skipping your guesses would have changed.</p>
      ) : (
        <ul className="what-if-list">
          <li>
            As marked: <strong>{formatScore(asMarked)}</strong>
          </li>
          <li>
            Had you skipped your {plural(skippingGuesses.guesses, "answered guess", "answered guesses")}: <strong>{formatScore(skippingGuesses.score)}</strong> (
            {change(skippingGuesses.change)})
          </li>
          <li>
            Had you attempted your {plural(attemptingFiftyFifties.skippedFiftyFifties, "skipped 50-50", "skipped 50-50s")}:{" "}
            <strong>{formatScore(attemptingFiftyFifties.score)}</strong> expected ({change(attemptingFiftyFifties.change)}; a pick between two options earns +0.67
            on average)
          </li>
        </ul>
      )}
    </section>
  );
}

function ResultItem({ question, number, total, outcome, reports }: { question: QuizQuestionView; number: number; total: number; outcome: Outcome; reports?: Record<string, MyReport> }) {
  const result = question.result;
  return (
    <li id={`question-${number}`} className={`card result-item result-item-${outcome} render-when-near`}>
      <h3 className="result-heading">
        Question {number} <span className="muted">of {total}</span>
      </h3>
      <p className="muted card-topic">
        {formatName(question.type)} · <span title={question.topic}>{topicLeaf(question.topic)}</span>
      </p>
      <p className={`result-outcome result-${outcome}`}>
        <span aria-hidden="true">{OUTCOME_TEXT[outcome].glyph}</span> {OUTCOME_TEXT[outcome].text}
      </p>
      <p className="question-prompt">{question.prompt}</p>
      <ul className="options options-static" aria-label="Options">
        {question.options.map((option) => {
          const mark = optionMark(option.id, result);
          return (
            <li key={option.id} className={`option ${mark?.className ?? ""}`}>
              <span className="option-letter">({option.id})</span> <span className="option-text">{option.text}</span>
              {mark && (
                <span className="option-mark">
                  <span aria-hidden="true">{mark.glyph}</span> {mark.label}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {result && STATEMENT_ITEM_TYPES.includes(question.type) && result.statementMarks && (
        <StatementMarker type={question.type} prompt={question.prompt} marks={new Map()} onChange={() => {}} judged={result.statementMarks} disabled />
      )}
      {result?.confidence && <p className="confidence-said muted">You said: {CONFIDENCE_LABELS[result.confidence]}.</p>}
      {result && <p className="explanation">{result.explanation}</p>}
      {result && <SourceList sources={result.sources} />}
      {result && <ReportProblem itemId={result.itemId} about={`question ${number}`} initialReport={reports ? (reports[result.itemId] ?? null) : undefined} />}
    </li>
  );
}
