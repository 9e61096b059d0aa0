import { BREAK_EVEN_ACCURACY, expectedMarks, wilsonInterval } from "./expected-marks";
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, type Confidence } from "./confidence";

/** An answer as calibration sees it: right, wrong, or skipped (null), with the confidence given. */
export type ConfidentAnswer = { correct: boolean | null; confidence: Confidence | null; answeredAt: Date };

/**
 * Fewer attempts than this at a level and its advice is "too little data to tell", whatever the
 * numbers: below ten, one answer moves the accuracy by over ten points.
 */
export const MIN_ATTEMPTS_FOR_ADVICE = 10;

/** The recent window of the calibration table. */
export const RECENT_DAYS = 30;

/**
 * What the numbers say about attempting at one level: "attempt" when the whole accuracy interval lies
 * above the break-even, "skip" when it lies below, "unclear" when it straddles the break-even or there
 * are fewer than MIN_ATTEMPTS_FOR_ADVICE attempts.
 */
export type Verdict = "attempt" | "skip" | "unclear";

export type LevelCalibration = {
  confidence: Confidence;
  /** Answered (right or wrong) at this level. */
  attempts: number;
  right: number;
  /** Skipped while saying this level (they carry no marks and no accuracy). */
  skipped: number;
  /** right / attempts; null without attempts. */
  accuracy: number | null;
  /** Wilson 95 % interval of the accuracy; null without attempts. */
  interval: { low: number; high: number } | null;
  /** Marks an attempt at this level earns on average (+2 · p − 2/3 · (1 − p)); null without attempts. */
  expectedMarks: number | null;
  verdict: Verdict;
};

export type Calibration = { levels: LevelCalibration[]; answers: number };

/** Per confidence level: attempts, accuracy with its interval, and expected marks per attempt. */
export function calibrate(answers: readonly ConfidentAnswer[]): Calibration {
  const levels = CONFIDENCE_LEVELS.map((confidence): LevelCalibration => {
    const at = answers.filter((answer) => answer.confidence === confidence);
    const attempted = at.filter((answer) => answer.correct !== null);
    const right = attempted.filter((answer) => answer.correct === true).length;
    const attempts = attempted.length;
    const accuracy = attempts === 0 ? null : right / attempts;
    const interval = wilsonInterval(right, attempts);
    return {
      confidence,
      attempts,
      right,
      skipped: at.length - attempts,
      accuracy,
      interval,
      expectedMarks: accuracy === null ? null : expectedMarks(accuracy),
      verdict: verdictOf(attempts, interval),
    };
  });
  return { levels, answers: answers.filter((answer) => answer.confidence !== null).length };
}

function verdictOf(attempts: number, interval: { low: number; high: number } | null): Verdict {
  if (attempts < MIN_ATTEMPTS_FOR_ADVICE || !interval) return "unclear";
  if (interval.low > BREAK_EVEN_ACCURACY) return "attempt";
  if (interval.high < BREAK_EVEN_ACCURACY) return "skip";
  return "unclear";
}

export type StrategyReport = {
  /** The accuracy at which attempting earns nothing on average (0.25). */
  breakEven: number;
  recentDays: number;
  minAttemptsForAdvice: number;
  recent: Calibration;
  allTime: Calibration;
  /** One sentence per confidence level, from the all-time numbers. */
  advice: { confidence: Confidence; verdict: Verdict; text: string }[];
};

/**
 * The calibration over the last RECENT_DAYS days before `now` and over all time, with advice in plain
 * words from the all-time numbers (the larger sample; the recent table shows a change of habit).
 */
export function strategyReport(answers: readonly ConfidentAnswer[], now: Date): StrategyReport {
  const since = now.getTime() - RECENT_DAYS * 86_400_000;
  const allTime = calibrate(answers);
  return {
    breakEven: BREAK_EVEN_ACCURACY,
    recentDays: RECENT_DAYS,
    minAttemptsForAdvice: MIN_ATTEMPTS_FOR_ADVICE,
    recent: calibrate(answers.filter((answer) => answer.answeredAt.getTime() > since)),
    allTime,
    advice: allTime.levels.map((level) => ({ confidence: level.confidence, verdict: level.verdict, text: adviceFor(level) })),
  };
}

const SUBJECT: Record<Confidence, string> = { sure: "Your sure answers", "fifty-fifty": "Your 50-50 answers", guess: "Your guesses" };

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

export function signedMarks(marks: number): string {
  const rounded = Math.round(marks * 100) / 100;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(2)}`;
}

/** The advice for one level, in the learner's own numbers. */
export function adviceFor(level: LevelCalibration): string {
  const subject = SUBJECT[level.confidence];
  const breakEven = percent(BREAK_EVEN_ACCURACY);
  if (level.attempts < MIN_ATTEMPTS_FOR_ADVICE || level.accuracy === null || level.interval === null || level.expectedMarks === null) {
    const label = CONFIDENCE_LABELS[level.confidence];
    return `${label}: too little data to tell (${level.attempts} answered, at least ${MIN_ATTEMPTS_FOR_ADVICE} needed).`;
  }
  const rate = `${subject} are right ${percent(level.accuracy)} of the time`;
  const range = `${percent(level.interval.low)} to ${percent(level.interval.high)}`;
  if (level.verdict === "attempt") return `${rate}: attempting them gains ${signedMarks(level.expectedMarks)} marks each.`;
  if (level.verdict === "skip") return `${rate}: skipping them saves ${Math.abs(Math.round(level.expectedMarks * 100) / 100).toFixed(2)} each.`;
  return `${rate}, but it could be anywhere from ${range}, either side of the ${breakEven} break-even: too little data to tell yet.`;
}
