import { afterAll, beforeAll, expect, it } from "vitest";
import { endAllSessions, endSession, sessionIsLive, startSession } from "@/lib/auth/sessions";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-token";
import { createDb, type Db } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const hoursLater = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describeEachDatabase("server-side sessions", (provider) => {
  let database: TestDatabase;
  let counted: Db;
  const log: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    counted = createDb(resolveDatabaseTarget(database.url), { onQuery: (query) => log.push(query) });
  });
  afterAll(async () => {
    await counted?.$disconnect();
    await database?.drop();
  });

  it("keeps a session live until it ends: signing out one session leaves the user's others alone", async () => {
    const user = await createUser(database.db);
    const phone = await startSession(database.db, user.id, NOW);
    const laptop = await startSession(database.db, user.id, NOW);
    expect(phone).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(phone).not.toBe(laptop);
    expect(await sessionIsLive(database.db, { sub: user.id, sid: phone }, NOW)).toBe(true);

    await endSession(database.db, { sub: user.id, sid: phone });
    expect(await sessionIsLive(database.db, { sub: user.id, sid: phone }, NOW)).toBe(false);
    expect(await sessionIsLive(database.db, { sub: user.id, sid: laptop }, NOW)).toBe(true);
  });

  it("ends every session of the user, and nobody else's, on sign out everywhere", async () => {
    const [user, other] = [await createUser(database.db), await createUser(database.db)];
    const sessions = [await startSession(database.db, user.id, NOW), await startSession(database.db, user.id, NOW)];
    const others = await startSession(database.db, other.id, NOW);
    expect(await endAllSessions(database.db, user.id)).toBe(2);
    for (const sid of sessions) expect(await sessionIsLive(database.db, { sub: user.id, sid }, NOW)).toBe(false);
    expect(await sessionIsLive(database.db, { sub: other.id, sid: others }, NOW)).toBe(true);
  });

  it("refuses tokens without a session id (signed before sessions were rows), with another user's id, or of a deleted user", async () => {
    const [user, other] = [await createUser(database.db), await createUser(database.db)];
    const sid = await startSession(database.db, user.id, NOW);
    expect(await sessionIsLive(database.db, { sub: user.id }, NOW)).toBe(false);
    expect(await sessionIsLive(database.db, { sub: user.id, sid: 7 }, NOW)).toBe(false);
    expect(await sessionIsLive(database.db, { sid }, NOW)).toBe(false);
    expect(await sessionIsLive(database.db, { sub: other.id, sid }, NOW)).toBe(false);
    await database.db.user.delete({ where: { id: user.id } });
    expect(await sessionIsLive(database.db, { sub: user.id, sid }, NOW)).toBe(false);
  });

  it("costs one primary-key read per request, and a write to lastUsedAt at most once a day", async () => {
    const user = await createUser(database.db);
    const sid = await startSession(database.db, user.id, NOW);
    const check = async (at: Date) => {
      log.length = 0;
      expect(await sessionIsLive(counted, { sub: user.id, sid }, at)).toBe(true);
      return [...log];
    };
    const first = await check(hoursLater(23));
    expect(first).toHaveLength(1);
    // The hot SQL's (lib/db/hot-sql) statement: a read by the primary key alone.
    expect(first[0]).toMatch(/^SELECT .* FROM \W*UserSession\W* WHERE (\S*UserSession\W+)?\W*id\W* = \S+$/is);
    const refresh = await check(hoursLater(25));
    // The update runs in a transaction of its own: the read, the update, COMMIT (BEGIN not counted, as Prisma counts).
    expect(refresh.map((query) => query.split(" ")[0]!.toUpperCase())).toEqual(["SELECT", "UPDATE", "COMMIT"]);
    const row = await database.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.lastUsedAt).toEqual(hoursLater(25));
    expect(await check(hoursLater(26))).toHaveLength(1);
  });

  it("prunes, at sign-in, the user's sessions unused for longer than a token lives", async () => {
    const user = await createUser(database.db);
    const stale = await startSession(database.db, user.id, NOW);
    const recent = await startSession(database.db, user.id, hoursLater(24));
    const afterTokenLife = new Date(NOW.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + 60_000);
    await startSession(database.db, user.id, afterTokenLife);
    const ids = (await database.db.userSession.findMany({ where: { userId: user.id }, select: { id: true } })).map((row) => row.id);
    expect(ids).not.toContain(stale);
    expect(ids).toContain(recent);
    expect(ids).toHaveLength(2);
  });
});
