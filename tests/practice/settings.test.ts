import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSettings, updateSettings } from "@/lib/settings/settings";
import { settingsSchema } from "@/lib/validation/settings";
import { createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const VALID = { examDate: "2027-05-24", examName: "CSE Prelims 2027", timeZone: "Asia/Kolkata", newCardsPerDay: 20, dailyQuizSize: 15, desiredRetention: 0.9 };

describe("settingsSchema", () => {
  it.each([
    [{ examDate: "2027-02-30" }, "examDate", "That day does not exist."],
    [{ examDate: "24/05/2027" }, "examDate", "Use a date like 2027-05-24."],
    [{ timeZone: "Mars/Olympus" }, "timeZone", "Choose a time zone from the list."],
    [{ newCardsPerDay: -1 }, "newCardsPerDay", "Use 0 or more."],
    [{ newCardsPerDay: 2.5 }, "newCardsPerDay", "Enter a whole number."],
    [{ dailyQuizSize: 1000 }, "dailyQuizSize", "Use at most 100."],
    [{ desiredRetention: 1.5 }, "desiredRetention", "Use at most 99%."],
    [{ examName: "x".repeat(101) }, "examName", "Use at most 100 characters."],
  ])("rejects %j", (change, field, message) => {
    const result = settingsSchema.safeParse({ ...VALID, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: [field], message });
  });

  it("accepts no exam date and an empty exam name", () => {
    expect(settingsSchema.parse({ ...VALID, examDate: null, examName: "  " })).toMatchObject({ examDate: null, examName: null });
  });
});

describeEachDatabase("settings", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("starts from the defaults and stores what the user saves", async () => {
    const user = await createUser(database.db);
    expect(await getSettings(database.db, user.id)).toEqual({ examDate: null, examName: null, timeZone: "Asia/Kolkata", newCardsPerDay: 20, dailyQuizSize: 15, desiredRetention: 0.9 });
    await updateSettings(database.db, user.id, settingsSchema.parse(VALID));
    expect(await getSettings(database.db, user.id)).toEqual(VALID);
  });
});
