import { decode, encode, type JWTDecodeParams } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getRequestUserId } from "@/lib/auth/request-session";
import { cachingDecode } from "@/lib/auth/session-token";
import { endAllSessions, startSession } from "@/lib/auth/sessions";
import { createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const SECRET = "a test secret that is long enough for next-auth";

/**
 * The session check keeps decoded tokens (cachingDecode) so as not to derive the key and decrypt on every
 * request; these pin that it never keeps a verdict on the session: a revoked session is refused at once
 * with a token decoded before, an expired token is decoded again, and a bad one is never kept.
 */
it("decodes a token once until it expires, and never keeps a token that failed to decode", async () => {
  const counted = vi.fn((params: JWTDecodeParams) => decode(params));
  let nowMs = Date.now();
  const cached = cachingDecode(counted, 10, () => nowMs);
  const token = await encode({ token: { sub: "u1", sid: "s1" }, secret: SECRET, maxAge: 60 });
  const first = await cached({ token, secret: SECRET });
  expect(first).toMatchObject({ sub: "u1", sid: "s1" });
  expect(await cached({ token, secret: SECRET })).toBe(first);
  expect(counted).toHaveBeenCalledTimes(1);

  // Past the token's expiry the cache lets go, and next-auth's decode refuses it.
  nowMs += 61_000 + 15_000;
  vi.useFakeTimers({ now: nowMs, toFake: ["Date"] });
  try {
    await expect(cached({ token, secret: SECRET })).rejects.toThrow();
  } finally {
    vi.useRealTimers();
  }
  expect(counted).toHaveBeenCalledTimes(2);

  const tampered = `${token.slice(0, -4)}AAAA`;
  await expect(cached({ token: tampered, secret: SECRET })).rejects.toThrow();
  await expect(cached({ token: tampered, secret: SECRET })).rejects.toThrow();
  expect(counted).toHaveBeenCalledTimes(4);
});

it("keeps at most the number of tokens it is given, dropping the oldest", async () => {
  const counted = vi.fn((params: JWTDecodeParams) => decode(params));
  const cached = cachingDecode(counted, 2);
  const tokens = await Promise.all(["a", "b", "c"].map((sub) => encode({ token: { sub }, secret: SECRET })));
  for (const token of tokens) await cached({ token, secret: SECRET });
  await cached({ token: tokens[2]!, secret: SECRET });
  expect(counted).toHaveBeenCalledTimes(3);
  await cached({ token: tokens[0]!, secret: SECRET });
  expect(counted).toHaveBeenCalledTimes(4);
});

describeEachDatabase("the API's session check with decoded tokens kept", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    // The app's client (lib/db/client getDb) is this database's.
    (globalThis as { smritiDb?: unknown }).smritiDb = database.db;
  });
  afterAll(async () => {
    delete (globalThis as { smritiDb?: unknown }).smritiDb;
    vi.unstubAllEnvs();
    await database?.drop();
  });

  const requestWith = (token: string) => new NextRequest("http://localhost:3000/api/reviews/queue", { headers: { cookie: `next-auth.session-token=${token}` } });

  it("refuses a session ended by sign out everywhere at once, though its token was decoded and kept before", async () => {
    const user = await createUser(database.db);
    const sid = await startSession(database.db, user.id, new Date());
    const token = await encode({ token: { sub: user.id, sid }, secret: SECRET });
    expect(await getRequestUserId(requestWith(token))).toBe(user.id);
    expect(await getRequestUserId(requestWith(token))).toBe(user.id);

    expect(await endAllSessions(database.db, user.id)).toBe(1);
    expect(await getRequestUserId(requestWith(token))).toBeNull();

    // A made-up session id in a well-formed token, and a token that is not one.
    const madeUp = await encode({ token: { sub: user.id, sid: "no-such-session" }, secret: SECRET });
    expect(await getRequestUserId(requestWith(madeUp))).toBeNull();
    expect(await getRequestUserId(requestWith("not-a-token"))).toBeNull();
  });
});
