import { State } from "ts-fsrs";
import { storedFactIds } from "@/lib/content/seed-bank";
import type { HotSql } from "@/lib/db/hot-sql";
import { newRowId } from "@/lib/db/row-id";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { cardStateOf, newCardState } from "@/lib/srs/card-state";
import type { RatingName } from "@/lib/srs/schedule";
import { RECALL_TYPES } from "../items";
import { CARD_STATE_COLUMNS, type LoadedCard, type PlannedRating } from "../reviews";

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
 * in id order, so that two transactions lock shared cards in the same order. One query, two when the
 * question's card is made, whatever the history. Without `questionCard` (a skipped question whose
 * statements were judged), the question's own card is left alone.
 */
export async function planAnswerRatings(
  hot: HotSql,
  userId: string,
  itemId: string,
  factIds: readonly string[],
  rating: RatingName,
  answerId: string,
  now: Date,
  factRatings: ReadonlyMap<string, RatingName> = new Map(),
  { questionCard = true }: { questionCard?: boolean } = {},
): Promise<PlannedRating[]> {
  const found = await hot.read(
    hot.q
      .selectFrom("Card as c")
      .innerJoin("BankItem as i", "i.id", "c.itemId")
      .select([...CARD_STATE_COLUMNS, "c.id", "c.itemId", "c.version", "i.factIds"])
      .where("c.userId", "=", userId)
      .where((where) =>
        where.or([
          ...(questionCard ? [where("c.itemId", "=", itemId)] : []),
          where.and([
            where("i.type", "in", [...RECALL_TYPES]),
            where("i.factIds", "in", factIds.map((factId) => storedFactIds([factId]))),
            where("c.state", "<>", State.New),
          ]),
        ]),
      )
      .orderBy("c.id"),
  );
  // A recall card has one fact: its own rating if that fact was judged, else the question's.
  const ratingOf = (recallFactIds: string[]) => (recallFactIds.length === 1 ? factRatings.get(recallFactIds[0]!) : undefined) ?? rating;
  const cards: { card: LoadedCard; rating: RatingName }[] = found.map((row) => ({
    card: { id: row.id, version: Number(row.version), before: cardStateOf(row), topic: null },
    rating: row.itemId === itemId ? rating : ratingOf(JSON.parse(row.factIds) as string[]),
  }));
  if (questionCard && !found.some((row) => row.itemId === itemId)) cards.push({ card: await questionCardOf(hot, userId, itemId, now), rating });
  return cards
    .sort((a, b) => (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0))
    .map(({ card, rating: cardRating }) => ({ card, rating: cardRating, reviewId: quizAnswerReviewId(answerId, card.id), durationMs: 0 }));
}

/** The question's own card, made new on its first answer. */
async function questionCardOf(hot: HotSql, userId: string, itemId: string, now: Date): Promise<LoadedCard> {
  const before = newCardState(now);
  const id = newRowId(now.getTime());
  try {
    await hot.transaction([{ query: hot.q.insertInto("Card").values({ id, userId, itemId, ...before, version: 0, createdAt: now }) }]);
    return { id, version: 0, before, topic: null };
  } catch (error) {
    // Made a moment ago by another request: that one will do.
    if (!isUniqueViolation(error)) throw error;
    const [row] = await hot.read(hot.q.selectFrom("Card as c").select([...CARD_STATE_COLUMNS, "c.id", "c.version"]).where("c.userId", "=", userId).where("c.itemId", "=", itemId));
    if (!row) throw error;
    return { id: row.id, version: Number(row.version), before: cardStateOf(row), topic: null };
  }
}
