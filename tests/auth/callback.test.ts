import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "@/lib/auth/callback";
import { createAuthOptions } from "@/lib/auth/options";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    "/\t/evil.example/phish",
    "/\n/evil.example/phish",
    "/\r/evil.example",
    "/\u0000/evil.example",
    "/app\u0085",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "http://localhost:3000.evil.example/",
    "http://localhost:3000@evil.example/",
    "http://user:pass@localhost:3000/app",
    "https://localhost:3000/app",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "evil.example/app",
    "",
    undefined,
    ["/app/progress", "/app/quiz"],
  ])("sends %j to the default page", (callbackUrl) => {
    expect(safeCallbackPath(callbackUrl, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    ["/app/progress", "/app/progress"],
    ["/app/quiz?mode=topic#q2", "/app/quiz?mode=topic#q2"],
    ["http://localhost:3000/app/settings", "/app/settings"],
    ["/app/../app/today", "/app/today"],
  ])("keeps the same-origin path %j", (callbackUrl, path) => {
    expect(safeCallbackPath(callbackUrl, ORIGIN)).toBe(path);
  });

  it("is what next-auth's redirect callback uses: same-origin paths on the site, else the default page", async () => {
    const redirect = createAuthOptions({ NEXTAUTH_SECRET: "x".repeat(32) }).callbacks!.redirect!;
    expect(await redirect({ url: "/\t/evil.example/phish", baseUrl: ORIGIN })).toBe(`${ORIGIN}/app/today`);
    expect(await redirect({ url: "http://localhost:3000.evil.example/", baseUrl: ORIGIN })).toBe(`${ORIGIN}/app/today`);
    expect(await redirect({ url: "/app/progress", baseUrl: ORIGIN })).toBe(`${ORIGIN}/app/progress`);
    expect(await redirect({ url: ORIGIN, baseUrl: ORIGIN })).toBe(`${ORIGIN}/`);
  });
});
