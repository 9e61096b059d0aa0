import { afterAll, beforeAll, expect, it } from "vitest";
import { dailyQuiz, startPracticeQuiz } from "@/lib/practice/quiz";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const MORNING = new Date("2026-11-20T04:30:00Z");

// Issue #13, round 7: a mock paper held "... the Quad Foreign Ministers' Meeting in Tokyo was held on 29 July
// 2024" beside "The Quad Foreign Ministers' Meeting of July 2024 was held in New York" - two items with no fact
// in common, but one printing the other's answer (the bank's implied key `fact:quad-fmm-2024-venue`). Every quiz
// mode keeps such siblings apart by one rule.
describeEachDatabase("every quiz mode keeps apart items that share a fact or a narrow subject", (provider) => {
  let database: TestDatabase;
  // Four pairs, each pair linked only by a subject key (an implied fact or a narrow subject), in one topic.
  const pairs = ["fact:quad-fmm-2024-venue", "fact:confluence-of-two-seas-venue", "veer-guardian", "fact:rajnath-singh-portfolio"];
  const types = ["mcq", "statements-which", "statements-how-many", "match-pairs"];
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await createItems(
      database.db,
      pairs.flatMap((subject, pair) =>
        [0, 1].map((member) => ({ id: `${types[(pair + member) % 4]}:pair${pair}-${member}`, type: types[(pair + member) % 4], topic: "Topic", factIds: [`own-${pair}-${member}`], subjects: [subject] })),
      ),
    );
  });
  afterAll(async () => {
    await database?.drop();
  });

  const pairsIn = async (quizId: string) => {
    const itemIds = (await database.db.quizQuestion.findMany({ where: { quizId }, select: { itemId: true } })).map(({ itemId }) => itemId);
    return pairs.map((_, pair) => itemIds.filter((id) => id.includes(`:pair${pair}-`)).length);
  };

  it("a mock paper, a topic quiz and the daily quiz each hold one item of each pair, never both", async () => {
    const paperUser = await createUser(database.db);
    const paper = await startPracticeQuiz(database.db, paperUser.id, { mode: "paper", size: 8 }, MORNING);
    expect(await pairsIn(paper.id)).toEqual([1, 1, 1, 1]);

    const topicUser = await createUser(database.db);
    const topic = await startPracticeQuiz(database.db, topicUser.id, { mode: "topic", topic: "Topic", size: 8 }, MORNING);
    expect(await pairsIn(topic.id)).toEqual([1, 1, 1, 1]);

    const dailyUser = await createUser(database.db, { dailyQuizSize: 8 });
    const daily = await dailyQuiz(database.db, dailyUser.id, MORNING);
    expect(await pairsIn(daily.id)).toEqual([1, 1, 1, 1]);
  });
});
