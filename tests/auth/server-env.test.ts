import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkServerEnv, MISSING_SECRET_MESSAGE } from "@/lib/env";

describe("checkServerEnv", () => {
  it("refuses production without NEXTAUTH_SECRET", () => {
    expect(checkServerEnv({ NODE_ENV: "production" }).problems).toEqual([MISSING_SECRET_MESSAGE]);
  });

  it("accepts production with a long secret, and development without one", () => {
    expect(checkServerEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(40) }).problems).toEqual([]);
    expect(checkServerEnv({ NODE_ENV: "development" }).problems).toEqual([]);
  });

  it("names what is wrong with a malformed environment", () => {
    expect(checkServerEnv({ NEXTAUTH_SECRET: "short", NEXTAUTH_URL: "not a url" }).problems).toEqual([
      "NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters",
      "NEXTAUTH_URL: NEXTAUTH_URL must be a URL, like http://localhost:3000",
    ]);
  });
});

describe("npm start", () => {
  it("stops with a clear message under NODE_ENV=production without a secret, before touching anything", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: "file:/nonexistent/never-created.db" };
    delete env.NEXTAUTH_SECRET;
    const run = promisify(execFile)("node_modules/.bin/tsx", ["scripts/start.ts"], { env });
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("Smriti cannot start: NEXTAUTH_SECRET is not set.") });
  });
});

describe("readOrCreateSecret", () => {
  it("generates the development secret once, private to its owner, and reuses it", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { readOrCreateSecret } = await import("@/lib/auth/secret-file");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-secret-"));
    const first = readOrCreateSecret(path.join(dir, "data"));
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(readOrCreateSecret(path.join(dir, "data"))).toBe(first);
    expect(fs.statSync(path.join(dir, "data", "nextauth-secret")).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
