/**
 * How sure a learner says they are of an answer, as coaching advice has aspirants tag every answer on
 * paper. No imports, so the quiz in the browser and the zod schemas share it.
 */
export const CONFIDENCE_LEVELS = ["sure", "fifty-fifty", "guess"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_LABELS: Record<Confidence, string> = { sure: "Sure", "fifty-fifty": "50-50", guess: "Guess" };

/** What each level means, for the picker's help text. */
export const CONFIDENCE_HINTS: Record<Confidence, string> = {
  sure: "you know it",
  "fifty-fifty": "down to two options",
  guess: "no real idea",
};

/** The key that picks each level in the quiz (S, F, G). */
export const CONFIDENCE_KEYS: Record<Confidence, string> = { sure: "s", "fifty-fifty": "f", guess: "g" };

export function isConfidence(value: unknown): value is Confidence {
  return typeof value === "string" && (CONFIDENCE_LEVELS as readonly string[]).includes(value);
}
