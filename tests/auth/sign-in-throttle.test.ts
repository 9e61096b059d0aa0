// Sign-in throttling (issue 16, findings 2-4) on real databases, with the store each uses in the app:
// rate-limiter-flexible in memory with SQLite, in a PostgreSQL table with PostgreSQL.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { registerUser } from "@/lib/auth/accounts";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { issueDeviceToken, verifyDeviceToken } from "@/lib/auth/sign-in-device";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { TooManyAttemptsError } from "@/lib/errors";
import { createLimiters, type Limiters } from "@/lib/rate-limit/limiters";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "@/lib/rate-limit/limits";
import { registrationSchema } from "@/lib/validation/account";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

// Counts password checks, which stay real.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/passwords")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      checks.count++;
      return real.verifyPassword(hash, password);
    },
  };
});

const NOW = new Date("2026-11-20T10:00:00Z");
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const PASSWORD = "right password";

describeEachDatabase("sign-in throttling", (provider) => {
  let database: TestDatabase;
  const opened: Limiters[] = [];
  const limitersWith = (limits: Partial<RateLimits> = {}) => {
    const limiters = createLimiters(resolveDatabaseTarget(database.url), { ...DEFAULT_RATE_LIMITS, ...limits });
    opened.push(limiters);
    return limiters;
  };
  let n = 0;
  const newAccount = async () => {
    const email = `user${++n}-${provider}@example.in`;
    await registerUser(database.db, registrationSchema.parse({ email, password: PASSWORD }));
    return email;
  };

  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    for (const limiters of opened) await limiters.close();
    await database?.drop();
  });

  it("20 sign-ins at once for one email check at most 5 passwords, and never accept the right one past the limit", async () => {
    const limiters = limitersWith();
    const email = await newAccount();
    checks.count = 0;
    // 15 wrong and 5 right passwords at once, each from its own address.
    const attempts = Array.from({ length: 20 }, (_, i) =>
      signInWithPassword(database.db, email, i % 4 === 0 ? PASSWORD : `wrong ${i}`, NOW, { ip: `203.0.113.${i}`, limiters }),
    );
    const results = await Promise.allSettled(attempts);
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof TooManyAttemptsError);
    const checked = results.filter((r) => r.status === "fulfilled");
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(checked).toHaveLength(checks.count);
    expect(refused).toHaveLength(20 - checks.count);
    // Sequentially: after 5 failures the right password is refused too.
    const other = await newAccount();
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(database.db, other, `wrong ${i}`, NOW, { ip: `198.51.100.${i}`, limiters })).toBeNull();
    checks.count = 0;
    const late = signInWithPassword(database.db, other, PASSWORD, NOW, { ip: "198.51.100.99", limiters });
    await expect(late).rejects.toThrow(TooManyAttemptsError);
    await expect(late).rejects.toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(checks.count).toBe(0);
  });

  it("a browser with the account's device cookie is never locked out by failures elsewhere", async () => {
    const limiters = limitersWith();
    const email = await newAccount();
    const deviceId = verifyDeviceToken(SECRET, email, issueDeviceToken(SECRET, email));
    expect(deviceId).toEqual(expect.any(String));
    for (let i = 0; i < 5; i++) await signInWithPassword(database.db, email, `attacker ${i}`, NOW, { ip: `192.0.2.${i}`, limiters });
    await expect(signInWithPassword(database.db, email, PASSWORD, NOW, { ip: "192.0.2.200", limiters })).rejects.toThrow(/for this email/);
    expect(await signInWithPassword(database.db, email, PASSWORD, NOW, { ip: "192.0.2.201", deviceId, limiters })).toMatchObject({ email });
  });

  it("a device past its own limit counts as untrusted; a forged or another account's cookie is no device", async () => {
    const limiters = limitersWith({ signInPerDevice: 3 });
    const email = await newAccount();
    const token = issueDeviceToken(SECRET, email);
    const deviceId = verifyDeviceToken(SECRET, email, token);
    expect(verifyDeviceToken(SECRET, "someone@example.in", token)).toBeNull();
    expect(verifyDeviceToken("another-secret-of-at-least-thirty-two-chars", email, token)).toBeNull();
    expect(verifyDeviceToken(SECRET, email, `${token.split(".")[0]}.forged`)).toBeNull();
    for (let i = 0; i < 3; i++) expect(await signInWithPassword(database.db, email, `wrong ${i}`, NOW, { deviceId, limiters })).toBeNull();
    // The device's 3 are spent: now counted per email (5), as any other client.
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(database.db, email, `wrong ${i}`, NOW, { deviceId, limiters })).toBeNull();
    await expect(signInWithPassword(database.db, email, PASSWORD, NOW, { deviceId, limiters })).rejects.toThrow(TooManyAttemptsError);
  });

  it("limits failed sign-ins per client address across emails, and a success gives its count back", async () => {
    const limiters = limitersWith({ signInPerIp: 4 });
    const email = await newAccount();
    for (let i = 0; i < 10; i++) expect(await signInWithPassword(database.db, email, PASSWORD, NOW, { ip: "203.0.113.50", limiters })).toMatchObject({ email });
    for (let i = 0; i < 4; i++) expect(await signInWithPassword(database.db, `sprayed${i}@example.in`, "guess", NOW, { ip: "203.0.113.50", limiters })).toBeNull();
    await expect(signInWithPassword(database.db, "sprayed9@example.in", "guess", NOW, { ip: "203.0.113.50", limiters })).rejects.toThrow(/from your network/);
    expect(await signInWithPassword(database.db, "sprayed9@example.in", "guess", NOW, { ip: "203.0.113.51", limiters })).toBeNull();
  });

  it("opens again after the window", async () => {
    const limiters = limitersWith({ signInWindowSeconds: 1 });
    const email = await newAccount();
    for (let i = 0; i < 5; i++) await signInWithPassword(database.db, email, `wrong ${i}`, NOW, { limiters });
    await expect(signInWithPassword(database.db, email, PASSWORD, NOW, { limiters })).rejects.toThrow(TooManyAttemptsError);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await signInWithPassword(database.db, email, PASSWORD, NOW, { limiters })).toMatchObject({ email });
  });

  it("limits sign-ups per client address", async () => {
    const limiters = limitersWith({ signUpPerIp: 2 });
    const input = (i: number) => registrationSchema.parse({ email: `signup${i}-${provider}@example.in`, password: PASSWORD });
    await registerUser(database.db, input(1), { ip: "203.0.113.7", limiters });
    await registerUser(database.db, input(2), { ip: "203.0.113.7", limiters });
    await expect(registerUser(database.db, input(3), { ip: "203.0.113.7", limiters })).rejects.toThrow(TooManyAttemptsError);
    await registerUser(database.db, input(3), { ip: "203.0.113.8", limiters });
  });

  it("shares the counters between two app instances", async () => {
    const first = limitersWith();
    const second = limitersWith();
    const email = await newAccount();
    for (let i = 0; i < 5; i++) await signInWithPassword(database.db, email, `wrong ${i}`, NOW, { limiters: i % 2 ? first : second });
    const onFirst = signInWithPassword(database.db, email, PASSWORD, NOW, { limiters: first });
    if (provider === "postgres") await expect(onFirst).rejects.toThrow(TooManyAttemptsError);
    // SQLite serves one instance: its counters are in that instance's memory.
    else expect(await onFirst).toMatchObject({ email });
  });
});
