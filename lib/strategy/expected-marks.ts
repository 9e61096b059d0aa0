import { MARKS } from "@/lib/quiz/marking";

/** Expected marks of attempting a question answered right with probability `p`, under UPSC marking. */
export function expectedMarks(p: number): number {
  return p * MARKS.right + (1 - p) * MARKS.wrong;
}

/**
 * The accuracy at which attempting is worth exactly nothing: p·right + (1 − p)·wrong = 0. With +2 and
 * −2/3 that is 1/4, a blind pick among four options: any knowledge that removes one option pays.
 */
export const BREAK_EVEN_ACCURACY = -MARKS.wrong / (MARKS.right - MARKS.wrong);

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for `successes` in `n` trials (95 % by default): unlike p ± z·√(p(1−p)/n)
 * it stays inside [0, 1] and is honest for small n and for p near 0 or 1. Null for n = 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
