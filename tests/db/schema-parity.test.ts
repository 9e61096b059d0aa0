import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/defaults";
import { settingsSchema } from "@/lib/validation/settings";
import { schemaShape, type SchemaShape } from "../helpers/schema-shape";
import { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from "../helpers/test-database";

describe("Prisma schemas", () => {
  it("keeps the SQLite and PostgreSQL models identical", () => {
    const sqlite = fs.readFileSync("prisma/sqlite/models.prisma", "utf8");
    const postgres = fs.readFileSync("prisma/postgres/models.prisma", "utf8");
    expect(postgres).toBe(sqlite);
  });
});

// What the two providers' migrations build, compared table by table, column by column: a migration
// written for one provider and forgotten (or written differently) for the other shows up here.
(TEST_POSTGRES_URL ? describe : describe.skip)("the migrations of both providers (PostgreSQL needs TEST_POSTGRES_URL)", () => {
  const databases: TestDatabase[] = [];
  let sqlite: SchemaShape;
  let postgres: SchemaShape;

  beforeAll(async () => {
    databases.push(await createTestDatabase("sqlite"), await createTestDatabase("postgres"));
    [sqlite, postgres] = await Promise.all(databases.map(schemaShape)) as [SchemaShape, SchemaShape];
  });
  afterAll(async () => Promise.all(databases.map((database) => database.drop())));

  it("build the same tables with the same columns", () => {
    expect(Object.keys(sqlite.tables).length).toBeGreaterThan(10);
    expect(postgres.tables).toEqual(sqlite.tables);
  });

  it("build the same indexes and trigger the same tables", () => {
    expect(Object.keys(sqlite.indexes).length).toBeGreaterThan(5);
    expect(postgres.indexes).toEqual(sqlite.indexes);
    expect(postgres.triggerTables).toEqual(sqlite.triggerTables);
  });

  it("give a settings row the defaults of lib/defaults.ts", () => {
    const columns = sqlite.tables.UserSettings!;
    for (const [field, value] of Object.entries(DEFAULT_SETTINGS)) {
      expect(columns[field]?.default ?? null, field).toBe(value === null ? null : String(value));
    }
  });
});

describe("the default settings", () => {
  it("are valid settings, unchanged by the schema", () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
});
