import { State } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download } from "@/app/api/export/_download";
import { ANKI_HEADER, ankiLine, ankiNote, ankiText } from "@/lib/export/anki";
import { csvRecord } from "@/lib/export/csv";
import { EXPORT_PAGE_SIZE } from "@/lib/export/pages";
import { REVIEW_LOG_CSV_COLUMNS, reviewLogCsv } from "@/lib/export/review-log-csv";
import { USER_DATA_FORMAT, userDataJson } from "@/lib/export/user-data-json";
import { NotFoundError } from "@/lib/errors";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";
import { createCard, createItem, createQuiz, createReview, createUser } from "../progress/factories";

const NOW = new Date("2026-11-20T10:00:00Z");
const AWKWARD = 'Polity, "Basic structure"\nand\tArticle 368';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** RFC 4180 records (quoted fields may hold separators, quotes and line breaks); `separator` per format. */
function parseDelimited(text: string, separator: string, lineEnd: RegExp): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index++;
      continue;
    }
    if (char === '"' && field === "") {
      quoted = true;
      index++;
      continue;
    }
    const end = lineEnd.exec(text.slice(index, index + 2));
    if (end && end.index === 0) {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += end[0].length;
      continue;
    }
    if (char === separator) {
      record.push(field);
      field = "";
    } else {
      field += char;
    }
    index++;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

describe("csvRecord", () => {
  it("quotes only the fields that need it and ends records with CRLF", () => {
    expect(csvRecord(["plain", 3, null, new Date("2026-01-02T03:04:05Z"), 'say "hi"', "a,b", "two\nlines"])).toBe(
      'plain,3,,2026-01-02T03:04:05.000Z,"say ""hi""","a,b","two\nlines"\r\n',
    );
  });

  it("neutralises text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(csvRecord(["=HYPERLINK(\"http://evil.example\")", "+1", "-2+3", "@SUM(A1)", "\tx", "a=b", -4, 1.5])).toBe(
      '"\'=HYPERLINK(""http://evil.example"")",\'+1,\'-2+3,\'@SUM(A1),\'\tx,a=b,-4,1.5\r\n',
    );
  });
});

describe("ankiNote", () => {
  it("puts the options on the front and names the chosen one on the back", () => {
    const note = ankiNote({
      id: "q1",
      type: "mcq",
      topic: "India Japan",
      prompt: "Where was the second 2+2 held?",
      options: JSON.stringify([{ id: "a", text: "Delhi" }, { id: "b", text: "Tokyo" }]),
      answer: "b",
      explanation: "Tokyo, September 2022.",
    });
    expect(note).toEqual({
      front: "Where was the second 2+2 held?\n(a) Delhi\n(b) Tokyo",
      back: "(b) Tokyo\n\nTokyo, September 2022.",
      tags: ["smriti", "smriti::topic::India_Japan", "smriti::format::mcq"],
    });
    expect(ankiLine({ front: "# not a comment", back: "plain", tags: ["t"] })).toBe('"# not a comment"\tplain\tt\n');
  });
});

describe("ankiNote tags", () => {
  it("nests a topic's levels with :: (Anki's tag hierarchy), words joined by underscores", () => {
    const note = ankiNote({
      id: "q2",
      type: "statements-which",
      topic: "International Relations > India-Japan > Defence cooperation and exercises",
      prompt: "p",
      options: "[]",
      answer: "x",
      explanation: "",
    });
    expect(note.tags).toEqual([
      "smriti",
      "smriti::topic::International_Relations::India-Japan::Defence_cooperation_and_exercises",
      "smriti::format::statements-which",
    ]);
  });

  it("never makes a level out of a colon pair inside a topic's own words", () => {
    const note = ankiNote({ id: "q3", type: "mcq", topic: "Economy > GDP::2024 >  ", prompt: "p", options: "[]", answer: "x", explanation: "" });
    expect(note.tags[1]).toBe("smriti::topic::Economy::GDP:2024");
  });
});

describeEachDatabase("exports", (provider) => {
  let database: TestDatabase;
  let userId: string;
  let strangerId: string;
  const reviewCount = EXPORT_PAGE_SIZE * 2 + 37; // three pages, with ties on the timestamp across pages

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    const { db } = database;
    userId = (await createUser(db, { examDate: "2027-05-24", examName: "Prelims" })).id;
    strangerId = (await createUser(db)).id;
    const item = await createItem(db, { topic: AWKWARD, id: "item-awkward", prompt: 'What does "basic structure" mean?\nExplain.' });
    const other = await createItem(db, { topic: "Economy", id: "item-economy" });
    await createItem(db, { topic: "Economy", id: "item-retired", retiredAt: new Date("2026-01-01T00:00:00Z") });
    const card = await createCard(db, userId, item.id, { state: State.Review });
    await createCard(db, userId, other.id, { state: State.Learning });
    await db.reviewLog.createMany({
      data: Array.from({ length: reviewCount }, (_, index) => ({
        reviewId: `bulk-${index}`,
        userId,
        cardId: card.id,
        rating: 1 + (index % 4),
        origin: index % 5 === 0 ? "quiz" : "flashcard",
        // Seven ratings share each second, so that page boundaries (every 1,000) fall inside a run of equal timestamps.
        reviewedAt: new Date(NOW.getTime() - 86_400_000 + Math.floor(index / 7) * 1000),
        state: State.Review,
        due: NOW,
        stability: 4.5,
        difficulty: 5.25,
        elapsedDays: 1,
        scheduledDays: 4,
        cardBefore: JSON.stringify({ state: State.Review, stability: 4, index }),
      })),
    });
    await createQuiz(db, userId, new Date("2026-11-19T09:00:00Z"), [
      { itemId: item.id, correct: true, timeMs: 12_000 },
      { itemId: other.id, correct: null },
    ]);
    const strangerCard = await createCard(db, strangerId, item.id);
    await createReview(db, strangerId, strangerCard.id, NOW);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("writes the user's data as JSON that parses back, and nobody else's", async () => {
    const data = JSON.parse(await collect(userDataJson(database.db, userId, NOW)));
    expect(data).toMatchObject({ format: USER_DATA_FORMAT, version: 1, exportedAt: NOW.toISOString() });
    expect(Object.keys(data.account).sort()).toEqual(["createdAt", "email", "name"]);
    expect(data.settings).toMatchObject({ examDate: "2027-05-24", examName: "Prelims", timeZone: "Asia/Kolkata", desiredRetention: 0.9 });
    expect(data.settings.userId).toBeUndefined();
    expect(data.cards).toHaveLength(2);
    expect(data.cards.map((card: { topic: string }) => card.topic).sort()).toEqual([AWKWARD, "Economy"].sort());
    expect(data.reviewLog).toHaveLength(reviewCount);
    expect(new Set(data.reviewLog.map((review: { reviewId: string }) => review.reviewId)).size).toBe(reviewCount);
    const times = data.reviewLog.map((review: { reviewedAt: string }) => review.reviewedAt);
    expect([...times].sort()).toEqual(times);
    expect(data.reviewLog[0]).toMatchObject({ itemId: "item-awkward", cardBefore: { state: State.Review, stability: 4 } });
    expect(data.quizzes).toHaveLength(1);
    expect(data.quizzes[0].questions.map((q: { correct: boolean | null; timeMs: number | null }) => [q.correct, q.timeMs])).toEqual([
      [true, 12_000],
      [null, null],
    ]);
    expect(JSON.stringify(data)).not.toContain(strangerId);
    expect(JSON.stringify(data)).not.toContain("passwordHash");
  });

  it("writes the review log as CSV that parses back to the same values", async () => {
    const records = parseDelimited(await collect(reviewLogCsv(database.db, userId)), ",", /\r\n/);
    expect(records[0]).toEqual([...REVIEW_LOG_CSV_COLUMNS]);
    const rows = records.slice(1);
    expect(rows).toHaveLength(reviewCount);
    expect(rows.every((row) => row.length === REVIEW_LOG_CSV_COLUMNS.length)).toBe(true);
    const column = (name: (typeof REVIEW_LOG_CSV_COLUMNS)[number]) => REVIEW_LOG_CSV_COLUMNS.indexOf(name);
    const first = rows[0]!;
    expect(first[column("topic")]).toBe(AWKWARD);
    expect(first[column("item_id")]).toBe("item-awkward");
    expect([first[column("rating")], first[column("rating_name")], first[column("state_after")]]).toEqual(["1", "Again", "Review"]);
    expect([first[column("stability")], first[column("difficulty")], first[column("scheduled_days")]]).toEqual(["4.5", "5.25", "4"]);
    expect(new Date(first[column("reviewed_at")]!).getTime()).toBe(NOW.getTime() - 86_400_000);
    expect(rows.filter((row) => row[column("origin")] === "quiz")).toHaveLength(Math.ceil(reviewCount / 5));
  });

  it("writes the bank, or one topic of it, as an Anki text file", async () => {
    const whole = await collect(ankiText(database.db, userId, undefined));
    expect(whole.startsWith(ANKI_HEADER)).toBe(true);
    const notes = parseDelimited(whole.slice(ANKI_HEADER.length), "\t", /\n/);
    expect(notes.map((note) => note.length)).toEqual(notes.map(() => 3));
    expect(notes).toHaveLength(2);

    const topic = await collect(ankiText(database.db, userId, AWKWARD));
    const [note] = parseDelimited(topic.slice(ANKI_HEADER.length), "\t", /\n/);
    expect(note).toEqual([
      'What does "basic structure" mean?\nExplain.',
      "2022\n\nBecause the source says so.",
      'smriti smriti::topic::Polity,_"Basic_structure"_and_Article_368 smriti::format::flashcard',
    ]);
    await expect(collect(ankiText(database.db, userId, "No such topic"))).rejects.toThrow(NotFoundError);
  });

  it("exports no quiz question the user has not answered: only recall items and the questions they answered", async () => {
    const { db } = database;
    const topic = "Anki keys";
    const flashcard = await createItem(db, { topic, id: "anki-flashcard", prompt: "Recall me" });
    const answered = await createItem(db, { topic, id: "anki-answered", type: "mcq", prompt: "Answered question" });
    const skipped = await createItem(db, { topic, id: "anki-skipped", type: "mcq", prompt: "Skipped question" });
    const unanswered = await createItem(db, { topic, id: "anki-unanswered", type: "mcq", prompt: "Unanswered question" });
    const strangers = await createItem(db, { topic, id: "anki-strangers", type: "statements-which", prompt: "Someone else's question" });
    await createItem(db, { topic, id: "anki-never", type: "match-pairs", prompt: "Never seen" });
    await createQuiz(db, userId, NOW, [
      { itemId: answered.id, correct: false },
      { itemId: unanswered.id, correct: null },
    ]);
    const quiz = await createQuiz(db, userId, NOW, [{ itemId: skipped.id, correct: null }]);
    // A skip is an answer: its reply showed the key.
    await db.quizQuestion.updateMany({ where: { quizId: quiz.id }, data: { answeredAt: NOW } });
    await createQuiz(db, strangerId, NOW, [{ itemId: strangers.id, correct: true }]);
    const text = await collect(ankiText(db, userId, topic));
    const fronts = parseDelimited(text.slice(ANKI_HEADER.length), "\t", /\n/).map((note) => note[0]!.split("\n")[0]);
    expect(fronts.sort()).toEqual([answered.prompt, flashcard.prompt, skipped.prompt].sort());
  });

  it("downloads as an attachment, and fails with the error before the response starts", async () => {
    const response = await download(ankiText(database.db, userId, "Economy"), { name: "smriti-economy.txt", contentType: "text/plain; charset=utf-8" });
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="smriti-economy.txt"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await response.text()).startsWith(ANKI_HEADER)).toBe(true);
    await expect(download(ankiText(database.db, userId, "No such topic"), { name: "x.txt", contentType: "text/plain" })).rejects.toThrow(NotFoundError);
  });
});
