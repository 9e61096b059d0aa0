/**
 * Monotone bounds in statements: "within five years", "at least 3", "more than 3", "up to 10", "over 20".
 * A false variant that only loosens the truth's bound is true, not a trap: "within the next ten years"
 * when the truth is "within the next five years", "more than three" when the truth is five.
 */

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

// Bounds from above (the count or span is at most N) and from below (at least N); `strict` bounds exclude N.
const UPPER: Record<string, boolean> = { within: false, "up to": false, "at most": false, "no more than": false, "not more than": false, "less than": true, "fewer than": true, under: true };
const LOWER: Record<string, boolean> = { "at least": false, "no fewer than": false, "not less than": false, "more than": true, over: true };
const QUANTIFIERS = [...Object.keys(UPPER), ...Object.keys(LOWER)].sort((a, b) => b.length - a.length);
const BOUND_BEFORE = new RegExp(`\\b(${QUANTIFIERS.join("|")})\\s+(?:(?:the|a)\\s+)?(?:(?:next|last|first|coming|past)\\s+)?$`, "i");

/** A number in digits or words ("5", "five", "US$ 5"); undefined for other text. */
function numberIn(token: string): number | undefined {
  const word = token.toLowerCase().replace(/[^a-z0-9.]/g, "");
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  const index = NUMBER_WORDS.indexOf(word);
  return index >= 0 ? index : undefined;
}

type Bound = { number: number; quantifier?: string };

/** The number a text changes and the bound written before it, given the words the two texts share before it. */
function boundAt(prefix: readonly string[], segment: readonly string[]): Bound | undefined {
  const at = segment.findIndex((token) => numberIn(token) !== undefined);
  if (at < 0) return undefined;
  const before = [...prefix, ...segment.slice(0, at)].join(" ") + " ";
  const quantifier = BOUND_BEFORE.exec(before)?.[1]?.toLowerCase();
  return { number: numberIn(segment[at]!)!, ...(quantifier ? { quantifier } : {}) };
}

/**
 * Whether the false text is implied by the truth: the two differ in one number, and the false text's bound
 * ("within", "at least", "more than", "up to", "over", ...) holds of the truth's number or bound.
 */
export function impliedByTruth(truth: string, falseText: string): boolean {
  const a = truth.trim().split(/\s+/);
  const b = falseText.trim().split(/\s+/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const prefix = a.slice(0, start);
  const claimed = boundAt(prefix, b.slice(start, b.length - end));
  const actual = boundAt(prefix, a.slice(start, a.length - end));
  if (!claimed?.quantifier || !actual) return false;
  const { number: n, quantifier } = claimed;
  const t = actual.number;
  const truthQuantifier = actual.quantifier;
  if (quantifier in UPPER) {
    // The truth's largest possible value: its number, unless it is bounded only from below.
    if (truthQuantifier && truthQuantifier in LOWER) return false;
    return UPPER[quantifier] ? t < n || (t === n && truthQuantifier !== undefined && UPPER[truthQuantifier] === true) : t <= n;
  }
  if (truthQuantifier && truthQuantifier in UPPER) return false;
  return LOWER[quantifier] ? t > n || (t === n && truthQuantifier !== undefined && LOWER[truthQuantifier] === true) : t >= n;
}
