import { afterAll, beforeAll, expect, it } from "vitest";
import { getProgress } from "@/lib/progress/progress";
import { createItems, createUser } from "../helpers/factories";
import { createCard } from "../progress/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");

describeEachDatabase("predicted score in readiness", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    // Ten single-answer questions of facts f0…f9 and a flashcard of each fact.
    await createItems(database.db, [
      ...Array.from({ length: 10 }, (_, index) => ({ id: `mcq:q${index}`, type: "mcq", factIds: [`f${index}`] })),
      ...Array.from({ length: 10 }, (_, index) => ({ id: `flashcard:f${index}`, factIds: [`f${index}`] })),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("counts a fact known from its flashcard towards the questions that use it, and nothing for facts never studied", async () => {
    const { db } = database;
    const studying = await createUser(db, { timeZone: "UTC", examDate: "2026-11-25" });
    // Five facts learnt so well (stability of years, reviewed yesterday) that they are all but certain on exam day.
    for (let index = 0; index < 5; index++) {
      await createCard(db, studying.id, `flashcard:f${index}`, { stability: 10_000, lastReview: new Date("2026-11-19T10:00:00Z"), due: new Date("2027-06-01T00:00:00Z") });
    }
    const predicted = (await getProgress(db, studying.id, NOW)).readiness!.predictedScore!;
    // The bank holds a 10-question paper: its 5 known questions right (+10), the other 5 skipped.
    expect(predicted).toMatchObject({ questions: 10, maxScore: 20, low: 10, median: 10, high: 10 });
    // The same day gives the same figure; it is a simulation with a seed, not a new draw on every visit.
    expect((await getProgress(db, studying.id, new Date("2026-11-20T11:00:00Z"))).readiness!.predictedScore).toEqual(predicted);

    const beginner = await createUser(db, { timeZone: "UTC", examDate: "2026-11-25" });
    expect((await getProgress(db, beginner.id, NOW)).readiness!.predictedScore).toMatchObject({ median: 0, low: 0, high: 0 });
  });
});
