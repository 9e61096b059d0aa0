import "server-only";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { pages } from "./pages";

export const USER_DATA_FORMAT = "smriti-user-data";
export const USER_DATA_VERSION = 1;

/**
 * Everything Smriti keeps about the user, as one JSON document written piece by piece: account,
 * settings, card states (with each item's topic), the review log (oldest first, with the exact card
 * snapshot before each rating) and quiz history with every question. Rows are read a page at a time.
 * Internal user ids are left out; items are named by their bank ids.
 */
export async function* userDataJson(db: Db, userId: string, now: Date): AsyncGenerator<string> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, createdAt: true, settings: { omit: { userId: true } } },
  });
  if (!user) throw new NotFoundError("No such user.");
  const { settings, ...account } = user;
  yield `{"format":${JSON.stringify(USER_DATA_FORMAT)},"version":${USER_DATA_VERSION},"exportedAt":${JSON.stringify(now)},\n`;
  yield `"account":${JSON.stringify(account)},\n"settings":${JSON.stringify(settings)}`;

  yield* jsonArrayMember(
    "cards",
    pages((last: { id: string } | undefined, size) =>
      db.card.findMany({
        where: { userId, ...(last && { id: { gt: last.id } }) },
        orderBy: { id: "asc" },
        take: size,
        omit: { userId: true },
        include: { item: { select: { topic: true } } },
      }),
    ),
    ({ item, ...card }) => ({ ...card, topic: item.topic }),
  );

  yield* jsonArrayMember(
    "reviewLog",
    pages((last: { id: string; reviewedAt: Date } | undefined, size) =>
      db.reviewLog.findMany({
        where: {
          userId,
          ...(last && { OR: [{ reviewedAt: { gt: last.reviewedAt } }, { reviewedAt: last.reviewedAt, id: { gt: last.id } }] }),
        },
        orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
        take: size,
        omit: { userId: true },
        include: { card: { select: { itemId: true } } },
      }),
    ),
    ({ card, cardBefore, ...review }) => ({ ...review, itemId: card.itemId, cardBefore: JSON.parse(cardBefore) as unknown }),
  );

  yield* jsonArrayMember(
    "quizzes",
    pages((last: { id: string; startedAt: Date } | undefined, size) =>
      db.quizSession.findMany({
        where: {
          userId,
          ...(last && { OR: [{ startedAt: { gt: last.startedAt } }, { startedAt: last.startedAt, id: { gt: last.id } }] }),
        },
        orderBy: [{ startedAt: "asc" }, { id: "asc" }],
        take: size,
        omit: { userId: true },
        include: { questions: { orderBy: { position: "asc" }, omit: { quizId: true } } },
      }),
    ),
    (quiz) => quiz,
  );
  yield "}\n";
}

/** `,"name":[row,row,...]` with the rows written as their pages arrive. */
async function* jsonArrayMember<T>(name: string, rows: AsyncIterable<T[]>, toJson: (row: T) => unknown): AsyncGenerator<string> {
  yield `,\n${JSON.stringify(name)}:[`;
  let first = true;
  for await (const page of rows) {
    yield `${first ? "\n" : ",\n"}${page.map((row) => JSON.stringify(toJson(row))).join(",\n")}`;
    first = false;
  }
  yield "]";
}
