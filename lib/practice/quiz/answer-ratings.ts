import { State } from "ts-fsrs";
import { storedFactIds } from "@/lib/content/seed-bank";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { CARD_STATE_SELECT, newCardState } from "@/lib/srs/card-state";
import type { RatingName } from "@/lib/srs/schedule";
import { RECALL_TYPES } from "../items";
import { policyOfStored } from "../policy";
import type { PlannedRating } from "../reviews";

const CARD_STATE_FIELDS = { id: true, itemId: true, version: true, ...CARD_STATE_SELECT } as const;

/**
 * The review id of the rating a quiz answer gives one card: derived from the answer id, so it is as
 * unique as that, and a retried answer finds its ratings again.
 */
export function quizAnswerReviewId(answerId: string, cardId: string): string {
  return `${answerId}:${cardId}`;
}

/**
 * The ratings an answer makes: the question's own card (made on its first answer) and the user's studied
 * flashcards and clozes of the same facts (recall items have one fact each; they are found by it, since
 * their ids carry a hash of their wording). Each gets `rating`, except a recall card whose fact has its
 * own rating in `factRatings` (a statement the learner judged: lib/strategy/statement-ratings.ts). Cards
 * in id order, so that two transactions lock shared cards in the same order. Two or three queries,
 * whatever the history. Without `questionCard` (a skipped question whose statements were judged), the
 * question's own card is left alone.
 */
export async function planAnswerRatings(
  db: Db,
  userId: string,
  itemId: string,
  factIds: readonly string[],
  rating: RatingName,
  answerId: string,
  now: Date,
  factRatings: ReadonlyMap<string, RatingName> = new Map(),
  { questionCard = true }: { questionCard?: boolean } = {},
) {
  const ofTheFacts = { type: { in: RECALL_TYPES }, factIds: { in: factIds.map((factId) => storedFactIds([factId])) } };
  const [found, settings] = await Promise.all([
    db.card.findMany({
      where: { userId, OR: [...(questionCard ? [{ itemId }] : []), { item: ofTheFacts, state: { not: State.New } }] },
      // Which fact a recall card is of matters only when facts have their own ratings: one query more then.
      select: { ...CARD_STATE_FIELDS, ...(factRatings.size > 0 ? { item: { select: { factIds: true } } } : {}) },
    }),
    db.userSettings.findUnique({ where: { userId }, select: { desiredRetention: true, examDate: true, timeZone: true, fsrsParameters: true } }),
  ]);
  // A recall card has one fact: its own rating if that fact was judged, else the question's.
  const ratingOf = (recallFactIds: string[]) => (recallFactIds.length === 1 ? factRatings.get(recallFactIds[0]!) : undefined) ?? rating;
  const cards = found.map(({ item, ...card }: (typeof found)[number] & { item?: { factIds: string } }) => ({
    card,
    rating: card.itemId === itemId || !item ? rating : ratingOf(JSON.parse(item.factIds) as string[]),
  }));
  if (questionCard && !cards.some(({ card }) => card.itemId === itemId)) cards.push({ card: await createCard(db, userId, itemId, now), rating });
  const ratings: PlannedRating[] = cards
    .sort((a, b) => (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0))
    .map(({ card: { id, itemId: _itemId, version, ...before }, rating: cardRating }) => ({ card: { id, version, before, topic: null }, rating: cardRating, reviewId: quizAnswerReviewId(answerId, id), durationMs: 0 }));
  return { ratings, policy: policyOfStored(settings) };
}

async function createCard(db: Db, userId: string, itemId: string, now: Date) {
  try {
    return await db.card.create({ data: { userId, itemId, ...newCardState(now) }, select: CARD_STATE_FIELDS });
  } catch (error) {
    // Made a moment ago by another request: that one will do.
    if (!isUniqueViolation(error)) throw error;
    return db.card.findUniqueOrThrow({ where: { userId_itemId: { userId, itemId } }, select: CARD_STATE_FIELDS });
  }
}
