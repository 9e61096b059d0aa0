/**
 * Whether a write failed on a unique index (Prisma's P2002, from either database): the one test for it.
 * Several writes rely on that index to settle a race or a retry (a review id, a day's quiz, a card).
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
