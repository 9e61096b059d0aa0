import { State } from "ts-fsrs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { reviewQueue } from "@/lib/practice/queue";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T04:30:00Z"); // 10:00 in Kolkata
const DAY = 86_400_000;

describeEachDatabase("the queue in the final stretch before the exam", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(database.db, ["weak", "weaker", "strong", "due"].map((name) => ({ id: `flashcard:${name}` })));
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function userWithCards(examDate: string) {
    const user = await createUser(database.db, { examDate, newCardsPerDay: 0 });
    const card = (itemId: string, stability: number, due: Date) => ({
      userId: user.id,
      itemId,
      state: State.Review,
      stability,
      difficulty: 5,
      reps: 3,
      scheduledDays: Math.round(stability),
      lastReview: new Date(NOW.getTime() - 2 * DAY),
      due,
    });
    await database.db.card.createMany({
      data: [
        card("flashcard:weak", 4, new Date(NOW.getTime() + 2 * DAY)),
        card("flashcard:weaker", 3, new Date(NOW.getTime() + 1 * DAY)),
        card("flashcard:strong", 400, new Date(NOW.getTime() + 300 * DAY)),
        card("flashcard:due", 400, new Date(NOW.getTime() - DAY)),
      ],
    });
    return user;
  }

  it("brings forward the cards weakest on exam day, then the due ones, when the exam is days away", async () => {
    const user = await userWithCards("2026-11-24");
    const queue = await reviewQueue(database.db, user.id, 10, NOW);
    expect(queue.map((card) => card.itemId)).toEqual(["flashcard:weaker", "flashcard:weak", "flashcard:due"]);
  });

  it("serves only due cards when the exam is further off", async () => {
    const user = await userWithCards("2027-05-24");
    const queue = await reviewQueue(database.db, user.id, 10, NOW);
    expect(queue.map((card) => card.itemId)).toEqual(["flashcard:due"]);
  });
});
