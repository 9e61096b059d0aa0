import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { POST as postApprovals } from "@/app/api/editor/approvals/route";
import { POST as postChrome } from "@/app/api/editor/documents/[doc]/chrome/route";
import { POST as postDocument } from "@/app/api/editor/documents/route";
import { POST as postPreview } from "@/app/api/editor/drafts/preview/route";
import { POST as postFact } from "@/app/api/editor/facts/route";
import { setRole } from "@/lib/auth/roles";
import { getRequestUserId } from "@/lib/auth/request-session";
import { loadBank } from "@/lib/content/bank";
import { readApprovals } from "@/lib/editor/approval";
import { createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";
import { copyOfContent } from "./content-copy";

vi.mock("@/lib/auth/request-session", () => ({ getRequestUserId: vi.fn() }));
const signedInAs = (userId: string | null) => vi.mocked(getRequestUserId).mockResolvedValue(userId);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, body: unknown, params: Record<string, string> = {}) {
  const request = new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json() };
}

const QUOTE = "The Ministers had a wide-ranging discussion on regional and global issues focusing on the shared Indo-Pacific region.";
const FACT = {
  id: "third-2plus2-indo-pacific-discussion",
  statement: "At the third India-Japan 2+2 ministerial meeting, the Ministers discussed regional and global issues focusing on the shared Indo-Pacific region.",
  asOf: "2024-08",
  subject: "third-india-japan-2plus2",
  relation: "areas-emphasised",
  value: { type: "text", text: "the shared Indo-Pacific region" },
  sources: [{ doc: "pw-2024-2plus2-notes", locator: "line 22", quote: QUOTE }],
};

describeEachDatabase("editors' content API", (provider) => {
  let database: TestDatabase;
  let learner: string;
  let editor: string;
  let root: string;
  const environment = { CONTENT_ROOT: process.env.CONTENT_ROOT, CONTENT_EDITS: process.env.CONTENT_EDITS };
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = database.db;
    learner = (await createUser(database.db)).id;
    const editorUser = await createUser(database.db);
    await setRole(database.db, editorUser.email, "editor");
    editor = editorUser.id;
    root = copyOfContent();
    process.env.CONTENT_ROOT = root;
    process.env.CONTENT_EDITS = "on";
  });
  afterAll(async () => {
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = undefined;
    Object.assign(process.env, environment);
    for (const [key, value] of Object.entries(environment)) if (value === undefined) delete process.env[key];
    await database?.drop();
  });

  const routes = () => [
    () => call(postApprovals, { itemIds: [loadBank().items[0]!.id] }),
    () => call(postPreview, { file: "joint-statement-2024.yaml", fact: FACT }),
    () => call(postFact, { file: "joint-statement-2024.yaml", fact: FACT }),
    () => call(postDocument, { nonsense: true }),
    () => call(postChrome, { locator: "line 2" }, { doc: "pw-2024-2plus2-notes" }),
  ];

  it("answers 401 to visitors and 403 to learners on every new editor route, and changes nothing", async () => {
    const before = fs.readFileSync(path.join(root, "facts", "joint-statement-2024.yaml"), "utf8");
    signedInAs(null);
    for (const route of routes()) expect(await route()).toMatchObject({ status: 401, body: { error: "unauthenticated" } });
    signedInAs(learner);
    for (const route of routes()) expect(await route()).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(fs.readFileSync(path.join(root, "facts", "joint-statement-2024.yaml"), "utf8")).toBe(before);
    expect(fs.existsSync(path.join(root, "approvals.json"))).toBe(false);
  });

  it("lets an editor preview, save, approve and mark chrome: 400 with the issues for bad input, 404 for unknown things", async () => {
    signedInAs(editor);
    const preview = await call(postPreview, { file: "joint-statement-2024.yaml", fact: FACT });
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.items.length).toBeGreaterThan(0);

    expect((await call(postPreview, { file: "../secrets.yaml", fact: FACT })).status).toBe(400);
    expect((await call(postPreview, { file: "no-such-file.yaml", fact: FACT })).status).toBe(404);
    const badFact = await call(postFact, { file: "joint-statement-2024.yaml", fact: { ...FACT, subject: "nobody" } });
    expect(badFact.status).toBe(400);
    expect(badFact.body).toMatchObject({ error: "invalid_content", issues: [{ path: ["subject"], message: 'unknown entity "nobody"' }] });

    expect(await call(postFact, { file: "joint-statement-2024.yaml", fact: FACT })).toEqual({
      status: 201,
      body: { file: "facts/joint-statement-2024.yaml", id: FACT.id, items: preview.body.items.length },
    });
    // The same fact again: its id is taken now.
    expect((await call(postFact, { file: "joint-statement-2024.yaml", fact: FACT })).status).toBe(400);

    const item = loadBank().items[0]!;
    expect(await call(postApprovals, { itemIds: [item.id] })).toMatchObject({ status: 200, body: { approved: 1 } });
    expect(Object.values(readApprovals(root).approved).map((approved) => approved.itemId)).toEqual([item.id]);
    expect((await call(postApprovals, { itemIds: ["mcq:no-such-item~00000000"] })).status).toBe(404);
    expect((await call(postApprovals, { itemIds: [] })).status).toBe(400);

    expect((await call(postChrome, { locator: "line 2" }, { doc: "no-such-doc" })).status).toBe(404);
    expect((await call(postChrome, { locator: "para 2" }, { doc: "pw-2024-2plus2-notes" })).status).toBe(400);
    expect(await call(postChrome, { locator: "line 2" }, { doc: "pw-2024-2plus2-notes" })).toMatchObject({ status: 200 });

    const badDocument = await call(postDocument, { meta: { id: "Bad", title: "", publisher: "x", kind: "blog", eventsDate: "soon" }, text: "short" });
    expect(badDocument.status).toBe(400);
    expect(badDocument.body.issues.map((issue: { path: string[] }) => issue.path.join("."))).toEqual(["meta.id", "meta.title", "meta.kind", "meta.eventsDate", "text"]);
  });

  it("refuses every write with 409 where content is read-only, and says how approvals are published", async () => {
    signedInAs(editor);
    process.env.CONTENT_EDITS = "off";
    try {
      const refused = await call(postApprovals, { itemIds: [loadBank().items[1]!.id] });
      expect(refused).toMatchObject({ status: 409, body: { error: "read_only" } });
      expect(refused.body.message).toMatch(/commit.*approvals\.json/);
      expect((await call(postFact, { file: "joint-statement-2024.yaml", fact: { ...FACT, id: "another-fact-id" } })).status).toBe(409);
      expect((await call(postPreview, { file: "joint-statement-2024.yaml", fact: FACT })).status).toBe(200);
    } finally {
      process.env.CONTENT_EDITS = "on";
    }
  });
});
