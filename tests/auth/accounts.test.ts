import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_TAKEN_MESSAGE, registerUser } from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/passwords";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ConflictError } from "@/lib/errors";
import { registrationSchema } from "@/lib/validation/account";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");

describe("registrationSchema", () => {
  it("normalises the email: trimmed and lower case", () => {
    const parsed = registrationSchema.parse({ email: "  Asha.Rao@Example.IN ", password: "correct horse" });
    expect(parsed.email).toBe("asha.rao@example.in");
  });

  it.each([
    [{ email: "not-an-email", password: "longenough" }, "email", "Enter a valid email address, like name@example.com."],
    [{ email: "a@b.in", password: "short" }, "password", "Use at least 8 characters for your password."],
    [{ password: "longenough" }, "email", "Enter your email address."],
    [{ email: "a@b.in", password: "longenough", role: "admin" }, "", 'Unrecognized key: "role"'],
  ])("rejects %j with a message for %s", (input, field, message) => {
    const result = registrationSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join(".")).toBe(field);
    expect(issue.message).toBe(message);
  });
});

describeEachDatabase("accounts", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("registers a user with an argon2id hash and default settings", async () => {
    const { id } = await registerUser(database.db, registrationSchema.parse({ email: "Meera@Example.in", password: "eight chars", name: "Meera" }));
    const user = await database.db.user.findUniqueOrThrow({ where: { id }, include: { settings: true } });
    expect(user.email).toBe("meera@example.in");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("eight chars");
    expect(user.settings).toMatchObject({ timeZone: "Asia/Kolkata", newCardsPerDay: 20, dailyQuizSize: 15, desiredRetention: 0.9 });
    expect(await verifyPassword(user.passwordHash, "eight chars")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "Eight chars")).toBe(false);
  });

  it("refuses a taken email, whatever its case or spacing", async () => {
    await registerUser(database.db, registrationSchema.parse({ email: "ravi@example.in", password: "password1" }));
    const again = registerUser(database.db, registrationSchema.parse({ email: " RAVI@example.in", password: "password2" }));
    await expect(again).rejects.toThrow(ConflictError);
    await expect(again).rejects.toThrow(EMAIL_TAKEN_MESSAGE);
    expect(await database.db.user.count({ where: { email: "ravi@example.in" } })).toBe(1);
  });

  it("lets exactly one of two simultaneous sign-ups for one email through", async () => {
    const input = registrationSchema.parse({ email: "twice@example.in", password: "password1" });
    const results = await Promise.allSettled([registerUser(database.db, input), registerUser(database.db, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(1);
  });

  it("signs in with the right password only", async () => {
    await registerUser(database.db, registrationSchema.parse({ email: "kiran@example.in", password: "right password" }));
    expect(await signInWithPassword(database.db, "kiran@example.in", "right password", NOW)).toMatchObject({ email: "kiran@example.in" });
    expect(await signInWithPassword(database.db, "kiran@example.in", "wrong password", NOW)).toBeNull();
    expect(await signInWithPassword(database.db, "nobody@example.in", "right password", NOW)).toBeNull();
  });
});
