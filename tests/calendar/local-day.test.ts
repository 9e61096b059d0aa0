import { describe, expect, it } from "vitest";
import { addDays, dayFromEpochDay, daysBetween, epochDayOf, localDayOf, offsetSegments, startOfLocalDay, utcOffsetMs } from "@/lib/calendar/local-day";

describe("local days", () => {
  it("reads the day and offset of an instant in the user's zone", () => {
    const instant = new Date("2026-11-20T18:45:00Z");
    expect(localDayOf(instant, "Asia/Kolkata")).toBe("2026-11-21");
    expect(localDayOf(instant, "UTC")).toBe("2026-11-20");
    expect(utcOffsetMs("Asia/Kolkata", instant)).toBe(5.5 * 3_600_000);
    expect(utcOffsetMs("Asia/Kathmandu", instant)).toBe(5.75 * 3_600_000);
    expect(utcOffsetMs("America/New_York", instant)).toBe(-5 * 3_600_000);
  });

  it("finds the start of a day, including days that are 23 or 25 hours long", () => {
    expect(startOfLocalDay("2026-11-21", "Asia/Kolkata").toISOString()).toBe("2026-11-20T18:30:00.000Z");
    expect(startOfLocalDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfLocalDay("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfLocalDay("2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("does calendar arithmetic on day strings", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-20", "2027-05-24")).toBe(185);
    expect(dayFromEpochDay(epochDayOf("2026-11-20"))).toBe("2026-11-20");
    expect(epochDayOf("1970-01-02")).toBe(1);
  });

  it("lists the zone's offsets with the exact second of each change", () => {
    expect(offsetSegments("America/New_York", new Date("2026-01-01T00:00:00Z"), new Date("2026-12-31T00:00:00Z"))).toEqual([
      { untilSec: Date.parse("2026-03-08T07:00:00Z") / 1000, offsetSec: -5 * 3600 },
      { untilSec: Date.parse("2026-11-01T06:00:00Z") / 1000, offsetSec: -4 * 3600 },
      { untilSec: null, offsetSec: -5 * 3600 },
    ]);
    expect(offsetSegments("Asia/Kolkata", new Date("2020-01-01T00:00:00Z"), new Date("2026-12-31T00:00:00Z"))).toEqual([
      { untilSec: null, offsetSec: 19_800 },
    ]);
  });
});
