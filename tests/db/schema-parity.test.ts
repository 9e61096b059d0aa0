import fs from "node:fs";
import { describe, expect, it } from "vitest";

describe("Prisma schemas", () => {
  it("keeps the SQLite and PostgreSQL models identical", () => {
    const sqlite = fs.readFileSync("prisma/sqlite/models.prisma", "utf8");
    const postgres = fs.readFileSync("prisma/postgres/models.prisma", "utf8");
    expect(postgres).toBe(sqlite);
  });

  it("has the same migrations, by name, for both providers", () => {
    const names = (provider: string) =>
      fs.readdirSync(`prisma/${provider}/migrations`).filter((name) => !name.endsWith(".toml")).sort();
    expect(names("postgres")).toEqual(names("sqlite"));
  });
});
