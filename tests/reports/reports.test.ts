import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roleOf, setRole } from "@/lib/auth/roles";
import type { Bank } from "@/lib/content/bank";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { dailyQuiz, startPracticeQuiz } from "@/lib/practice/quiz";
import { reviewQueue } from "@/lib/practice/queue";
import { todaySummary } from "@/lib/today/summary";
import { editorQueue } from "@/lib/reports/editor-queue";
import { decideItem, myReports, myReportsByItem, reportItem } from "@/lib/reports/reports";
import { isWithheld } from "@/lib/reports/withheld";
import { reportSchema } from "@/lib/reports/requests";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T06:00:00Z");
const LATER = new Date("2026-11-20T08:00:00Z");

describe("the withheld rule", () => {
  const report = (userId: string, reason = "wrong-answer", status = "open") => ({ userId, reason, status });
  it("withholds at three different learners' wrong-answer reports, or when an editor withheld the item", () => {
    expect(isWithheld([report("a"), report("b")])).toBe(false);
    expect(isWithheld([report("a"), report("a"), report("a")])).toBe(false);
    expect(isWithheld([report("a", "ambiguous"), report("b", "ambiguous"), report("c", "typo")])).toBe(false);
    expect(isWithheld([report("a"), report("b"), report("c", "other")])).toBe(false);
    expect(isWithheld([report("a"), report("b"), report("c")])).toBe(true);
    expect(isWithheld([report("a", "typo", "withheld")])).toBe(true);
  });
});

describe("report input", () => {
  it("takes the five reasons and a comment of at most 1,000 characters, and nothing else", () => {
    expect(reportSchema.parse({ reason: "typo", comment: "  a b  " })).toEqual({ reason: "typo", comment: "a b" });
    expect(reportSchema.parse({ reason: "other", comment: "   " })).toEqual({ reason: "other" });
    expect(reportSchema.safeParse({ reason: "boring" }).success).toBe(false);
    expect(reportSchema.safeParse({ reason: "typo", comment: "x".repeat(1001) }).success).toBe(false);
    expect(reportSchema.safeParse({ reason: "typo", extra: 1 }).success).toBe(false);
  });
});

describeEachDatabase("reports and editors", (provider) => {
  let database: TestDatabase;
  let contentRoot: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    contentRoot = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-reports-"));
    fs.mkdirSync(path.join(contentRoot, "sources"));
    fs.writeFileSync(path.join(contentRoot, "sources", "doc-1.txt"), "Title line\nBefore.\nQuote for mcq:w1 and more.\nAfter.\n");
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(contentRoot, { recursive: true, force: true });
  });

  it("sets roles by email, learner by default", async () => {
    const user = await createUser(database.db);
    expect(await roleOf(database.db, user.id)).toBe("learner");
    expect(await setRole(database.db, ` ${user.email.toUpperCase()} `, "editor")).toEqual({ id: user.id, email: user.email, role: "editor" });
    expect(await roleOf(database.db, user.id)).toBe("editor");
    await setRole(database.db, user.email, "learner");
    expect(await roleOf(database.db, user.id)).toBe("learner");
    expect(await roleOf(database.db, "no-such-user")).toBeNull();
    await expect(setRole(database.db, "nobody@example.in", "editor")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps one open report per learner and item, and shows the learner the outcome", async () => {
    await createItems(database.db, [{ id: "mcq:r1", type: "mcq" }]);
    const [learner, editor] = [await createUser(database.db), await createUser(database.db)];
    const first = await reportItem(database.db, learner.id, "mcq:r1", { reason: "typo" }, NOW);
    const second = await reportItem(database.db, learner.id, "mcq:r1", { reason: "ambiguous", comment: "Two options fit." }, LATER);
    expect(second.id).toBe(first.id);
    expect(await database.db.itemReport.count({ where: { itemId: "mcq:r1" } })).toBe(1);
    expect(await myReports(database.db, learner.id)).toMatchObject([{ id: first.id, itemId: "mcq:r1", reason: "ambiguous", comment: "Two options fit.", status: "open", reply: null }]);
    await expect(reportItem(database.db, learner.id, "mcq:nope", { reason: "typo" }, NOW)).rejects.toBeInstanceOf(NotFoundError);

    await decideItem(database.db, editor.id, "mcq:r1", { action: "dismiss", reply: "Only option (b) fits the 2024 statement." }, LATER);
    expect(await myReports(database.db, learner.id)).toMatchObject([{ id: first.id, status: "dismissed", reply: "Only option (b) fits the 2024 statement.", resolvedAt: LATER }]);
    await expect(decideItem(database.db, editor.id, "mcq:r1", { action: "withhold" }, LATER)).rejects.toBeInstanceOf(ConflictError);
    await expect(decideItem(database.db, editor.id, "mcq:none", { action: "withhold" }, LATER)).rejects.toBeInstanceOf(NotFoundError);
    // A closed report stays as it was; reporting again opens a new one.
    const third = await reportItem(database.db, learner.id, "mcq:r1", { reason: "outdated" }, LATER);
    expect(third.id).not.toBe(first.id);
    expect((await myReports(database.db, learner.id))[0]).toMatchObject({ id: third.id, status: "open" });
    // What a page passes to its items' buttons: the latest report per item, nothing else of it.
    expect(await myReportsByItem(database.db, learner.id)).toEqual(new Map([["mcq:r1", { id: third.id, itemId: "mcq:r1", reason: "outdated", comment: null, status: "open", reply: null }]]));
  });

  it("withholds an item with three learners' wrong-answer reports from queues and quizzes, keeping their cards, until an editor decides", async () => {
    await createItems(database.db, [
      { id: "flashcard:w1", topic: "Withheld", factIds: ["w1"] },
      { id: "mcq:w1", type: "mcq", topic: "Withheld", factIds: ["w1"] },
      { id: "mcq:w2", type: "mcq", topic: "Withheld", factIds: ["w2"] },
    ]);
    const learners = [await createUser(database.db, { dailyQuizSize: 5 }), await createUser(database.db), await createUser(database.db)];
    const editor = await createUser(database.db);
    // The first learner already has a card for the flashcard.
    expect((await reviewQueue(database.db, learners[0]!.id, 50, NOW)).map((card) => card.itemId)).toContain("flashcard:w1");

    await reportItem(database.db, learners[0]!.id, "flashcard:w1", { reason: "wrong-answer" }, NOW);
    await reportItem(database.db, learners[1]!.id, "flashcard:w1", { reason: "wrong-answer" }, NOW);
    await reportItem(database.db, learners[2]!.id, "flashcard:w1", { reason: "typo" }, NOW);
    expect((await database.db.bankItem.findUniqueOrThrow({ where: { id: "flashcard:w1" } })).withheldAt).toBeNull();
    // The third learner changes their mind: now three learners say the answer is wrong.
    await reportItem(database.db, learners[2]!.id, "flashcard:w1", { reason: "wrong-answer" }, NOW);
    expect((await database.db.bankItem.findUniqueOrThrow({ where: { id: "flashcard:w1" } })).withheldAt).toEqual(NOW);

    const queue = await reviewQueue(database.db, learners[0]!.id, 50, NOW);
    expect(queue.map((card) => card.itemId)).not.toContain("flashcard:w1");
    expect(await database.db.card.count({ where: { userId: learners[0]!.id, itemId: "flashcard:w1" } })).toBe(1);
    const newcomer = await createUser(database.db);
    expect((await reviewQueue(database.db, newcomer.id, 50, NOW)).map((card) => card.itemId)).not.toContain("flashcard:w1");

    for (const learner of learners) await reportItem(database.db, learner.id, "mcq:w1", { reason: "wrong-answer" }, NOW);
    const quiz = await startPracticeQuiz(database.db, newcomer.id, { mode: "topic", topic: "Withheld", size: 5 }, NOW);
    expect(quiz.questions.map((question) => question.prompt)).toEqual(["Question mcq:w2?"]);
    const daily = await dailyQuiz(database.db, learners[0]!.id, NOW);
    expect(daily.questions.map((question) => question.prompt)).not.toContain("Question mcq:w1?");

    // The editor decides: the answer stands. The item is served again; the cards were kept all along.
    const decided = await decideItem(database.db, editor.id, "flashcard:w1", { action: "dismiss", reply: "The source says so." }, LATER);
    expect(decided).toEqual({ itemId: "flashcard:w1", reports: 3, withheld: false });
    expect((await reviewQueue(database.db, newcomer.id, 50, LATER)).map((card) => card.itemId)).toContain("flashcard:w1");
    const summary = await todaySummary(database.db, newcomer.id, LATER);
    expect(summary.new).toBeGreaterThanOrEqual(0);
  });

  it("lets an editor withhold an item on one report, and release it by marking it fixed", async () => {
    await createItems(database.db, [{ id: "mcq:e1", type: "mcq", topic: "Editor" }]);
    const [learner, editor, newcomer] = [await createUser(database.db), await createUser(database.db), await createUser(database.db)];
    await reportItem(database.db, learner.id, "mcq:e1", { reason: "outdated", comment: "Renamed in 2025." }, NOW);
    expect(await decideItem(database.db, editor.id, "mcq:e1", { action: "withhold" }, NOW)).toEqual({ itemId: "mcq:e1", reports: 1, withheld: true });
    await expect(startPracticeQuiz(database.db, newcomer.id, { mode: "topic", topic: "Editor" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    // The learner's second report keeps the item withheld.
    await reportItem(database.db, learner.id, "mcq:e1", { reason: "outdated", comment: "Renamed in March 2025." }, NOW);
    expect((await myReports(database.db, learner.id))[0]).toMatchObject({ status: "withheld", comment: "Renamed in March 2025." });
    expect(await decideItem(database.db, editor.id, "mcq:e1", { action: "fixed", note: "Now says 2025." }, LATER)).toEqual({ itemId: "mcq:e1", reports: 1, withheld: false });
    expect((await myReports(database.db, learner.id))[0]).toMatchObject({ status: "fixed", reply: "Now says 2025." });
    expect((await startPracticeQuiz(database.db, newcomer.id, { mode: "topic", topic: "Editor" }, LATER)).questions).toHaveLength(1);
  });

  it("withholds an item when three learners report it at the same moment", async () => {
    await createItems(database.db, [{ id: "mcq:race", type: "mcq", topic: "Race" }]);
    const learners = await Promise.all([1, 2, 3].map(() => createUser(database.db)));
    await Promise.all(learners.map((learner) => reportItem(database.db, learner.id, "mcq:race", { reason: "wrong-answer" }, NOW)));
    expect((await database.db.bankItem.findUniqueOrThrow({ where: { id: "mcq:race" } })).withheldAt).toEqual(NOW);
  });

  it("lists open reports for editors by item, most reported first, with facts, passages in context and every comment", async () => {
    const editor = await createUser(database.db);
    for (const id of ["mcq:r1", "flashcard:w1", "mcq:w1", "mcq:e1", "mcq:race"]) {
      if (await database.db.itemReport.count({ where: { itemId: id, status: { in: ["open", "withheld"] } } })) {
        await decideItem(database.db, editor.id, id, { action: "fixed" }, LATER);
      }
    }
    const learners = await Promise.all([1, 2].map(() => createUser(database.db)));
    await reportItem(database.db, learners[0]!.id, "mcq:w2", { reason: "typo", comment: "“Statment”" }, NOW);
    await reportItem(database.db, learners[0]!.id, "mcq:w1", { reason: "wrong-answer", comment: "The key should be (c)." }, NOW);
    await reportItem(database.db, learners[1]!.id, "mcq:w1", { reason: "ambiguous" }, LATER);
    const bank = {
      version: 1,
      contentHash: "x",
      documents: [{ id: "doc-1", title: "Document One" }],
      facts: [{ id: "w1", statement: "W1 is so.", topic: "Withheld", asOf: "2026-01-01", timeSensitive: false, sources: [] }],
      items: [],
    } as unknown as Bank;
    const queue = await editorQueue(database.db, { bank, contentRoot });
    expect(queue.map((entry) => entry.item.id)).toEqual(["mcq:w1", "mcq:w2"]);
    const [top] = queue;
    expect(top).toMatchObject({
      item: { id: "mcq:w1", prompt: "Question mcq:w1?", answer: "b", explanation: "Because mcq:w1.", withheld: false },
      facts: [{ id: "w1", statement: "W1 is so." }],
      counts: { reports: 2, wrongAnswer: 1 },
    });
    expect(top!.item.options).toHaveLength(4);
    expect(top!.reports.map((report) => [report.reason, report.comment])).toEqual([
      ["wrong-answer", "The key should be (c)."],
      ["ambiguous", null],
    ]);
    expect(top!.passages[0]).toMatchObject({ doc: "doc-1", documentTitle: "Document One", quote: "Quote for mcq:w1" });
    expect(top!.passages[0]!.context.text).toContain("Before.\nQuote for mcq:w1 and more.\nAfter.");
    expect(JSON.stringify(queue)).not.toContain(learners[0]!.id);
  });
});
