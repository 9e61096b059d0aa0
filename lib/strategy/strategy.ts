import { loadBank, type BankFact } from "@/lib/content/bank";
import type { Db } from "@/lib/db/client";
import { calibrate, strategyReport, type LevelCalibration, type StrategyReport } from "./calibration";
import { isConfidence } from "./confidence";
import { misjudgedFacts, type ItemStatement, type StatementMark } from "./statement-ratings";

/** How many misjudged facts the strategy lists (and a misjudged-facts practice quiz draws on). */
export const MISJUDGED_FACTS_SHOWN = 10;

export type MisjudgedFactView = { factId: string; statement: string; topic: string; judged: number; misjudged: number };

export type Strategy = StrategyReport & { misjudged: MisjudgedFactView[] };

/**
 * The user's exam strategy: calibration by confidence over their quiz answers (last 30 days before
 * `now`, and all time), advice, and the facts they most often misjudged in statement items. One query.
 */
export async function getStrategy(db: Db, userId: string, now: Date, facts: readonly BankFact[] = loadBank().facts): Promise<Strategy> {
  const answers = await answeredQuestions(db, userId);
  const report = strategyReport(
    answers.map((answer) => ({ correct: answer.correct, confidence: isConfidence(answer.confidence) ? answer.confidence : null, answeredAt: answer.answeredAt! })),
    now,
  );
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const misjudged = misjudgedFacts(judgedStatements(answers))
    .filter((fact) => byId.has(fact.factId))
    .slice(0, MISJUDGED_FACTS_SHOWN)
    .map((fact) => ({ ...fact, statement: byId.get(fact.factId)!.statement, topic: byId.get(fact.factId)!.topic }));
  return { ...report, misjudged };
}

/** The user's answers said to be guesses, all time, as calibration reads them (one query). */
export async function guessCalibration(db: Db, userId: string): Promise<LevelCalibration> {
  const guesses = await db.quizQuestion.findMany({
    where: { quiz: { userId }, answeredAt: { not: null }, confidence: "guess" },
    select: { correct: true, answeredAt: true },
  });
  return calibrate(guesses.map((guess) => ({ correct: guess.correct, confidence: "guess", answeredAt: guess.answeredAt! }))).levels.find((level) => level.confidence === "guess")!;
}

/** The ids of the facts the user most often misjudged, most misjudged first. */
export async function mostMisjudgedFactIds(db: Db, userId: string, limit = MISJUDGED_FACTS_SHOWN): Promise<string[]> {
  return misjudgedFacts(judgedStatements(await answeredQuestions(db, userId, { judgedOnly: true })))
    .slice(0, limit)
    .map((fact) => fact.factId);
}

function answeredQuestions(db: Db, userId: string, { judgedOnly = false } = {}) {
  return db.quizQuestion.findMany({
    where: { quiz: { userId }, answeredAt: { not: null }, ...(judgedOnly ? { statementMarks: { not: null } } : {}) },
    select: { correct: true, confidence: true, answeredAt: true, statementMarks: true, item: { select: { statements: true } } },
  });
}

function judgedStatements(answers: { statementMarks: string | null; item: { statements: string | null } }[]) {
  return answers
    .filter((answer) => answer.statementMarks !== null && answer.item.statements !== null)
    .map((answer) => ({ statements: JSON.parse(answer.item.statements!) as ItemStatement[], marks: JSON.parse(answer.statementMarks!) as StatementMark[] }));
}
