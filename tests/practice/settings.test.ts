import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSettings, updateSettings } from "@/lib/settings/settings";
import { timeZoneChoices } from "@/lib/calendar/time-zones";
import { settingsSchema } from "@/lib/validation/settings";
import { createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const VALID = { examDate: "2027-05-24", examName: "CSE Prelims 2027", timeZone: "Asia/Kolkata", newCardsPerDay: 20, dailyQuizSize: 15, desiredRetention: 0.9 };

describe("settingsSchema", () => {
  it.each([
    [{ examDate: "2027-02-30" }, "examDate", "That day does not exist."],
    [{ examDate: "24/05/2027" }, "examDate", "Use a date like 2027-05-24."],
    [{ timeZone: "Mars/Olympus" }, "timeZone", "Choose a time zone from the suggestions, such as Asia/Kolkata."],
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

  it("understands a zone by its old and its current name, and stores the current one", () => {
    expect(settingsSchema.parse({ ...VALID, timeZone: "Asia/Calcutta" }).timeZone).toBe("Asia/Kolkata");
    expect(settingsSchema.parse({ ...VALID, timeZone: "Asia/Kolkata" }).timeZone).toBe("Asia/Kolkata");
    expect(settingsSchema.parse({ ...VALID, timeZone: "Europe/Kiev" }).timeZone).toBe("Europe/Kyiv");
    expect(settingsSchema.parse({ ...VALID, timeZone: "Europe/London" }).timeZone).toBe("Europe/London");
    expect(settingsSchema.parse({ ...VALID, timeZone: "UTC" }).timeZone).toBe("UTC");
  });

  it("offers the stored zone in the Settings list, once, under the name it is stored by", () => {
    const choices = timeZoneChoices("Asia/Kolkata");
    expect(choices).toContain("Asia/Kolkata");
    expect(choices).not.toContain("Asia/Calcutta");
    expect(choices).toContain("UTC");
    expect(choices).toEqual([...choices].sort());
    // A zone stored under its old name (before names were normalised) is shown as stored, and only so.
    const old = timeZoneChoices("Asia/Calcutta");
    expect(old).toContain("Asia/Calcutta");
    expect(old).not.toContain("Asia/Kolkata");
    // Every offered zone is accepted, and saved under the name it is offered by.
    for (const zone of choices) expect(settingsSchema.parse({ ...VALID, timeZone: zone }).timeZone).toBe(zone);
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

  it("keeps the zone when another field is saved with the form's list, whatever name the zone was saved by", async () => {
    for (const saved of ["Asia/Kolkata", "Asia/Calcutta"]) {
      const user = await createUser(database.db);
      await updateSettings(database.db, user.id, settingsSchema.parse({ ...VALID, timeZone: saved }));
      const stored = await getSettings(database.db, user.id);
      // What the form sends back: the stored values, the zone being the list's entry for the stored one.
      const shown = timeZoneChoices(stored.timeZone).find((zone) => zone === stored.timeZone);
      expect(shown).toBe(stored.timeZone);
      await updateSettings(database.db, user.id, settingsSchema.parse({ ...stored, timeZone: shown, examDate: "2027-06-01" }));
      expect(await getSettings(database.db, user.id)).toEqual({ ...stored, examDate: "2027-06-01" });
      expect(stored.timeZone).toBe("Asia/Kolkata");
    }
  });
});
