import { describe, expect, it } from "vitest";
import { assembleQuiz, type Candidate } from "@/lib/quiz/assemble";

const TYPES = ["mcq", "statements-which", "statements-how-many", "match-pairs", "assertion-reason"];
const candidates = (prefix: string, count: number): Candidate[] =>
  Array.from({ length: count }, (_, index) => ({ itemId: `${prefix}${index}`, topic: `Topic ${index % 4}`, type: TYPES[index % TYPES.length]!, siblingKeys: [`${prefix}fact${index}`] }));

describe("assembleQuiz", () => {
  it("has the requested size, no repeats, and spans topics and formats", () => {
    const quiz = assembleQuiz([], candidates("new-", 100), 15, "seed");
    expect(quiz).toHaveLength(15);
    expect(new Set(quiz.map((candidate) => candidate.itemId)).size).toBe(15);
    expect(new Set(quiz.map((candidate) => candidate.topic)).size).toBe(4);
    expect(new Set(quiz.map((candidate) => candidate.type)).size).toBe(5);
  });

  it("takes due questions first, most overdue first, up to half the quiz, then new ones", () => {
    const due = candidates("due-", 20);
    const quiz = assembleQuiz(due, candidates("new-", 50), 10, "seed");
    const chosenDue = quiz.filter((candidate) => candidate.itemId.startsWith("due-")).map((candidate) => candidate.itemId).sort();
    expect(chosenDue).toEqual(["due-0", "due-1", "due-2", "due-3", "due-4"]);
  });

  it("fills with more due questions when new ones run out, and is smaller only when the bank is", () => {
    const quiz = assembleQuiz(candidates("due-", 20), candidates("new-", 2), 10, "seed");
    expect(quiz).toHaveLength(10);
    expect(quiz.filter((candidate) => candidate.itemId.startsWith("new-"))).toHaveLength(2);
    expect(assembleQuiz(candidates("due-", 2), candidates("new-", 1), 10, "seed")).toHaveLength(3);
    expect(assembleQuiz([], [], 10, "seed")).toEqual([]);
  });

  it("never puts two questions of one fact in one quiz, whether due or new", () => {
    const sharing = (itemId: string, siblingKeys: string[]): Candidate => ({ itemId, topic: "Topic 0", type: "mcq", siblingKeys });
    const due = [sharing("due-a", ["f1"]), sharing("due-b", ["f1", "f2"])];
    const fresh = [sharing("new-a", ["f2", "f3"]), sharing("new-b", ["f3"]), sharing("new-c", ["f4"]), sharing("new-d", ["f1"])];
    const quiz = assembleQuiz(due, fresh, 10, "seed");
    const facts = quiz.flatMap((candidate) => candidate.siblingKeys);
    expect(new Set(facts).size).toBe(facts.length);
    // due-a takes f1 (so due-b and new-d wait); new-a and new-b share f3, so only one of them comes; new-c takes f4.
    const ids = quiz.map((candidate) => candidate.itemId);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual(expect.arrayContaining(["due-a", "new-c"]));
  });

  it("is the same for the same seed and shuffled differently for another", () => {
    const fresh = candidates("new-", 60);
    expect(assembleQuiz([], fresh, 15, "user:2026-11-20")).toEqual(assembleQuiz([], fresh, 15, "user:2026-11-20"));
    expect(assembleQuiz([], fresh, 15, "user:2026-11-21")).not.toEqual(assembleQuiz([], fresh, 15, "user:2026-11-20"));
  });
});
