import { afterAll, beforeAll, expect, it } from "vitest";
import { roleOf } from "@/lib/auth/roles";
import { DomainError, NotFoundError } from "@/lib/errors";
import { main } from "@/scripts/user-role";
import { createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

describeEachDatabase("npm run user:role", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("makes an account an editor and a learner again, by email", async () => {
    const user = await createUser(database.db);
    expect(await main([user.email, "editor"], database.url)).toBe(`${user.email} is now an editor (from their next request; no need to sign in again).`);
    expect(await roleOf(database.db, user.id)).toBe("editor");
    expect(await main([user.email.toUpperCase(), "learner"], database.url)).toMatch(/is now a learner/);
    expect(await roleOf(database.db, user.id)).toBe("learner");
  });

  it("refuses an unknown email, an unknown role and missing arguments", async () => {
    await expect(main(["nobody@example.in", "editor"], database.url)).rejects.toBeInstanceOf(NotFoundError);
    await expect(main(["someone@example.in", "admin"], database.url)).rejects.toThrow("usage: npm run user:role -- <email> editor|learner");
    await expect(main([], database.url)).rejects.toBeInstanceOf(DomainError);
  });
});
