import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/db/database-url";

describe("resolveDatabaseTarget", () => {
  it("defaults to data/smriti.db under the working directory", () => {
    expect(resolveDatabaseTarget(undefined, "/srv/smriti")).toEqual({
      provider: "sqlite",
      url: "file:/srv/smriti/data/smriti.db",
      filePath: "/srv/smriti/data/smriti.db",
    });
  });

  it("resolves relative SQLite files against the working directory", () => {
    expect(resolveDatabaseTarget("file:./tmp/a.db", "/srv/smriti")).toMatchObject({ filePath: path.resolve("/srv/smriti/tmp/a.db") });
  });

  it.each(["postgres://u@h:5432/db", "postgresql://u@h:5432/db"])("chooses PostgreSQL for %s", (url) => {
    expect(resolveDatabaseTarget(url)).toMatchObject({ provider: "postgres", schema: undefined });
  });

  it("takes the schema from the query string", () => {
    expect(resolveDatabaseTarget("postgresql://u@h:5432/db?schema=run_1")).toEqual({
      provider: "postgres",
      url: "postgresql://u@h:5432/db",
      schema: "run_1",
    });
  });

  it("refuses anything else with a clear message", () => {
    expect(() => resolveDatabaseTarget("mysql://u@h/db")).toThrow(/DATABASE_URL must start with file:, postgres:\/\/ or postgresql:\/\//);
  });
});
