import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { GET as getAnki } from "@/app/api/export/anki.txt/route";
import { GET as getData } from "@/app/api/export/data.json/route";
import { GET as getReviews } from "@/app/api/export/reviews.csv/route";
import { GET as getProgress } from "@/app/api/progress/route";
import { getRequestUserId } from "@/lib/auth/request-session";
import { ANKI_HEADER } from "@/lib/export/anki";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";
import { createCard, createItem, createReview, createUser } from "./factories";

// The session is next-auth's business, tested with it; here a signed-in user is simply given.
vi.mock("@/lib/auth/request-session", () => ({ getRequestUserId: vi.fn() }));
const signedInAs = (userId: string | null) => vi.mocked(getRequestUserId).mockResolvedValue(userId);

const context = { params: Promise.resolve({}) };
const get = (path: string) => new Request(`http://localhost${path}`);

describeEachDatabase("progress and export API", (provider) => {
  let database: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = database.db;
    userId = (await createUser(database.db, { examDate: "2099-05-24", examName: "Prelims" })).id;
    const item = await createItem(database.db, { topic: "Polity" });
    const card = await createCard(database.db, userId, item.id);
    await createReview(database.db, userId, card.id, new Date(Date.now() - 3_600_000));
  });
  afterAll(async () => {
    delete (globalThis as unknown as { smritiDb?: unknown }).smritiDb;
    await database?.drop();
  });

  it("refuses a visitor", async () => {
    signedInAs(null);
    for (const handler of [getProgress, getData, getReviews, getAnki]) {
      expect((await handler(get("/api/x"), context)).status).toBe(401);
    }
  });

  it("answers GET /api/progress with the user's progress and exam countdown", async () => {
    signedInAs(userId);
    const response = await getProgress(get("/api/progress"), context);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.heatmap.totalReviews).toBe(1);
    expect(body.exam).toMatchObject({ date: "2099-05-24", name: "Prelims" });
    expect(body.exam.daysLeft).toBeGreaterThan(20_000);
    expect(body.readiness.overall.studied).toBe(1);
    expect(body.forecast).toHaveLength(30);
  });

  it("sends the downloads as attachments", async () => {
    signedInAs(userId);
    const data = await getData(get("/api/export/data.json"), context);
    expect(data.headers.get("content-disposition")).toMatch(/^attachment; filename="smriti-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect((await data.json()).reviewLog).toHaveLength(1);
    const csv = await getReviews(get("/api/export/reviews.csv"), context);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).split("\r\n")).toHaveLength(3);
    const anki = await getAnki(get("/api/export/anki.txt?topic=Polity"), context);
    expect(anki.headers.get("content-disposition")).toBe('attachment; filename="smriti-polity.txt"');
    expect((await anki.text()).startsWith(ANKI_HEADER)).toBe(true);
  });

  it("takes an empty topic for the whole bank, answers 400 for a malformed query and 404 for an unknown topic", async () => {
    signedInAs(userId);
    const whole = await getAnki(get("/api/export/anki.txt?topic="), context);
    expect(whole.headers.get("content-disposition")).toBe('attachment; filename="smriti-bank.txt"');
    expect((await getAnki(get(`/api/export/anki.txt?topic=${"x".repeat(201)}`), context)).status).toBe(400);
    expect((await getAnki(get("/api/export/anki.txt?deck=x"), context)).status).toBe(400);
    const unknown = await getAnki(get("/api/export/anki.txt?topic=Astrology"), context);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "not_found" });
  });
});
