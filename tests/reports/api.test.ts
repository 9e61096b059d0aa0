import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { POST as postDecision } from "@/app/api/editor/items/[itemId]/decision/route";
import { GET as getEditorReports } from "@/app/api/editor/reports/route";
import { POST as postReport } from "@/app/api/items/[itemId]/reports/route";
import { GET as getMyReports } from "@/app/api/reports/route";
import { setRole } from "@/lib/auth/roles";
import { getRequestUserId } from "@/lib/auth/request-session";
import { createItems, createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

vi.mock("@/lib/auth/request-session", () => ({ getRequestUserId: vi.fn() }));
const signedInAs = (userId: string | null) => vi.mocked(getRequestUserId).mockResolvedValue(userId);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, init: { body?: unknown; params?: Record<string, string> } = {}) {
  const request = new Request("http://localhost/api/x", {
    method: init.body === undefined ? "GET" : "POST",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, body: await response.json() };
}

describeEachDatabase("reports API", (provider) => {
  let database: TestDatabase;
  let learner: string;
  let editor: string;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = database.db;
    await createItems(database.db, [{ id: "mcq:api1", type: "mcq" }]);
    learner = (await createUser(database.db)).id;
    const editorUser = await createUser(database.db);
    await setRole(database.db, editorUser.email, "editor");
    editor = editorUser.id;
  });
  afterAll(async () => {
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = undefined;
    await database?.drop();
  });

  it("takes a learner's report: 201 with its id, 400 for bad input, 404 for an unknown item, 401 for a visitor", async () => {
    signedInAs(learner);
    const params = { itemId: "mcq:api1" };
    const first = await call(postReport, { params, body: { reason: "wrong-answer", comment: "The key is (c)." } });
    expect(first).toEqual({ status: 201, body: { id: expect.any(String) } });
    expect(await call(postReport, { params, body: { reason: "typo" } })).toEqual({ status: 201, body: { id: first.body.id } });
    const bad = await call(postReport, { params, body: { reason: "boring", comment: "x".repeat(1001) } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: { path: string[] }) => issue.path.join("."))).toEqual(["reason", "comment"]);
    expect((await call(postReport, { params: { itemId: "mcq:nope" }, body: { reason: "typo" } })).status).toBe(404);
    expect((await call(getMyReports)).body.reports).toMatchObject([{ id: first.body.id, itemId: "mcq:api1", reason: "typo", status: "open" }]);
    signedInAs(null);
    expect((await call(postReport, { params, body: { reason: "typo" } })).status).toBe(401);
    expect((await call(getMyReports)).status).toBe(401);
  });

  it("answers 401 to visitors and 403 to learners on every editor route, before reading any input", async () => {
    const routes = [
      () => call(getEditorReports),
      () => call(postDecision, { params: { itemId: "mcq:api1" }, body: { action: "withhold" } }),
      () => call(postDecision, { params: { itemId: "mcq:nope" }, body: { action: "nonsense" } }),
    ];
    signedInAs(null);
    for (const route of routes) expect(await route()).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
    signedInAs(learner);
    for (const route of routes) expect(await route()).toMatchObject({ status: 403, body: { error: "forbidden" } });
    // A token of a deleted account is no editor either.
    signedInAs("deleted-user");
    expect((await call(getEditorReports)).status).toBe(403);
  });

  it("lets an editor list open reports and decide: 404 unknown item, 400 bad body, 409 nothing open", async () => {
    signedInAs(editor);
    const list = await call(getEditorReports);
    expect(list.status).toBe(200);
    expect(list.body.items).toMatchObject([{ item: { id: "mcq:api1" }, counts: { reports: 1 }, reports: [{ reason: "typo" }] }]);
    expect((await call(postDecision, { params: { itemId: "mcq:nope" }, body: { action: "withhold" } })).status).toBe(404);
    expect((await call(postDecision, { params: { itemId: "mcq:api1" }, body: { action: "dismiss" } })).status).toBe(400);
    expect((await call(postDecision, { params: { itemId: "mcq:api1" }, body: { action: "dismiss", reply: "It stands.", extra: 1 } })).status).toBe(400);
    expect(await call(postDecision, { params: { itemId: "mcq:api1" }, body: { action: "dismiss", reply: "The 2024 statement says (b)." } })).toEqual({
      status: 200,
      body: { itemId: "mcq:api1", reports: 1, withheld: false },
    });
    expect((await call(postDecision, { params: { itemId: "mcq:api1" }, body: { action: "fixed" } })).status).toBe(409);
    expect((await call(getEditorReports)).body.items).toEqual([]);
    signedInAs(learner);
    expect((await call(getMyReports)).body.reports).toMatchObject([{ status: "dismissed", reply: "The 2024 statement says (b)." }]);
  });
});
