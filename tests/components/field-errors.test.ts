import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/components/forms/field-errors";
import { registrationSchema } from "@/lib/validation/account";

describe("fieldErrorsOf", () => {
  it("puts the first message of each field under that field, from a zod failure in the browser", () => {
    const parsed = registrationSchema.safeParse({ email: "asha@", password: "short" });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!.issues)).toEqual({
      email: "Enter a valid email address, like name@example.com.",
      password: "Use at least 8 characters for your password.",
    });
  });

  it("reads a 400's issues alike, keeps the first of several for one field, and files whole-input issues under form", () => {
    const issues = [
      { path: ["newPassword"], message: "first" },
      { path: ["newPassword"], message: "second" },
      { path: ["dailyQuizSize", 0], message: "nested paths go to their top field" },
      { path: [], message: "Unrecognized key: \"extra\"" },
    ];
    expect(fieldErrorsOf(issues)).toEqual({ newPassword: "first", dailyQuizSize: "nested paths go to their top field", form: "Unrecognized key: \"extra\"" });
  });

  it("gives no errors for no issues", () => {
    expect(fieldErrorsOf([])).toEqual({});
  });
});
