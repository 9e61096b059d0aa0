import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as getJob } from "@/app/api/jobs/[id]/route";
import { POST as postReschedule } from "@/app/api/memory-model/reschedule/route";
import { GET as getMemoryModel, POST as postFit } from "@/app/api/memory-model/route";
import { startSession } from "@/lib/auth/sessions";
import { seededRandom } from "@/lib/content/generate/random";
import { createItems, createUser } from "../helpers/factories";
import { FAST_FORGETTER, storeSyntheticHistory, syntheticHistory } from "../helpers/review-history";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// The routes as the server runs them: a real session cookie, the app's fitter (a child process reading
// DATABASE_URL, set per provider to the test database) and the job mechanism behind them.
process.env.NEXTAUTH_SECRET ??= "memory-model-jobs-test-secret-0123456789";
const SESSION_COOKIE = "next-auth.session-token";
const ITEMS = Array.from({ length: 300 }, (_, i) => `flashcard:j${i}`);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describeEachDatabase("memory-model jobs over HTTP", (provider) => {
  let database: TestDatabase;
  let savedDatabaseUrl: string | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    (globalThis as unknown as { smritiDb?: unknown }).smritiDb = database.db;
    savedDatabaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    await createItems(database.db, ITEMS.map((id) => ({ id, factIds: [id.split(":")[1]!] })));
  });
  afterAll(async () => {
    delete (globalThis as unknown as { smritiDb?: unknown }).smritiDb;
    if (savedDatabaseUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedDatabaseUrl;
    await database?.drop();
  });

  async function cookieOf(userId: string): Promise<string> {
    const sid = await startSession(database.db, userId, new Date());
    return `${SESSION_COOKIE}=${await encode({ token: { sub: userId, sid }, secret: process.env.NEXTAUTH_SECRET! })}`;
  }

  async function call(handler: Handler, path: string, cookie: string, init: { method?: string; params?: Record<string, string> } = {}) {
    const request = new NextRequest(`http://localhost${path}`, { method: init.method ?? "GET", headers: { cookie } });
    const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
    return { status: response.status, location: response.headers.get("location"), body: await response.json() };
  }

  /** Polls the job as Settings does until it is done or failed, recording every status seen. */
  async function pollUntilFinished(id: string, cookie: string) {
    const seen: string[] = [];
    for (;;) {
      const { status, body } = await call(getJob, `/api/jobs/${id}`, cookie, { params: { id } });
      expect(status).toBe(200);
      if (seen.at(-1) !== body.status) seen.push(body.status);
      if (body.status === "done" || body.status === "failed") return { job: body, seen };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("fit: 202 with the job, the same job for a second POST while it is live, polled until done with the evaluation", async () => {
    const user = await createUser(database.db);
    const history = syntheticHistory({ trueParameters: FAST_FORGETTER, cards: ITEMS.length, newCardsPerDay: 10, start: new Date("2026-01-01T00:00:00Z"), days: 180, random: seededRandom(`api ${provider}`) });
    await storeSyntheticHistory(database.db, user.id, history, ITEMS);
    const cookie = await cookieOf(user.id);

    const first = await call(postFit, "/api/memory-model", cookie, { method: "POST" });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ kind: "memory-model-fit", status: "queued", result: null, error: null });
    expect(first.location).toBe(`/api/jobs/${first.body.id}`);
    const second = await call(postFit, "/api/memory-model", cookie, { method: "POST" });
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    // A page opened meanwhile finds the live job to follow.
    const view = await call(getMemoryModel, "/api/memory-model", cookie);
    expect(view.body.liveJobs.map((job: { id: string }) => job.id)).toEqual([first.body.id]);

    const { job, seen } = await pollUntilFinished(first.body.id, cookie);
    expect(seen.at(-1)).toBe("done");
    expect(seen.every((status) => ["queued", "running", "done"].includes(status))).toBe(true);
    expect(job.result.outcome).toBe("adopted");
    expect(job.result.evaluation.fitted.logLoss).toBeLessThan(job.result.evaluation.default.logLoss);
    expect(job.finishedAt).not.toBeNull();
    const after = await call(getMemoryModel, "/api/memory-model", cookie);
    expect(after.body).toMatchObject({ usingFittedParameters: true, liveJobs: [], lastFit: { outcome: "adopted" } });

    // A new POST once it is done is a new job, which finds nothing new to fit.
    const again = await call(postFit, "/api/memory-model", cookie, { method: "POST" });
    expect(again.body.id).not.toBe(first.body.id);
    expect((await pollUntilFinished(again.body.id, cookie)).job.result).toEqual(job.result);

    // Reschedule: the same mechanism, its counts when done; a second run changes nothing.
    const reschedule = await call(postReschedule, "/api/memory-model/reschedule", cookie, { method: "POST" });
    expect(reschedule.status).toBe(202);
    expect(reschedule.body).toMatchObject({ kind: "reschedule-cards", status: "queued" });
    expect((await call(postReschedule, "/api/memory-model/reschedule", cookie, { method: "POST" })).body.id).toBe(reschedule.body.id);
    const rescheduled = (await pollUntilFinished(reschedule.body.id, cookie)).job;
    expect(rescheduled).toMatchObject({ status: "done", result: { cards: ITEMS.length } });
    expect(rescheduled.result.changed).toBeGreaterThan(ITEMS.length / 2);
    const secondRun = await call(postReschedule, "/api/memory-model/reschedule", cookie, { method: "POST" });
    expect((await pollUntilFinished(secondRun.body.id, cookie)).job.result).toEqual({ cards: ITEMS.length, changed: 0, moved: 0 });
    // A fit and three jobs in a row, in child processes at the lowest priority on a shared machine.
  }, 240_000);

  it("answers 404 for another user's job, 400 for a malformed id, 401 for a visitor", async () => {
    const owner = await createUser(database.db);
    const stranger = await createUser(database.db);
    const started = await call(postFit, "/api/memory-model", await cookieOf(owner.id), { method: "POST" });
    await pollUntilFinished(started.body.id, await cookieOf(owner.id));

    const strangers = await call(getJob, `/api/jobs/${started.body.id}`, await cookieOf(stranger.id), { params: { id: started.body.id } });
    expect(strangers.status).toBe(404);
    const malformed = await call(getJob, "/api/jobs/nope", await cookieOf(owner.id), { params: { id: "nope" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.issues[0]).toMatchObject({ path: ["id"], message: "A job id is a UUID." });
    expect((await call(postFit, "/api/memory-model", "", { method: "POST" })).status).toBe(401);
  });
});
