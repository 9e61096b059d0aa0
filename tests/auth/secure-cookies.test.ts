import http from "node:http";
import type { AddressInfo } from "node:net";
import NextAuth from "next-auth/next";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerUser } from "@/lib/auth/accounts";
import { createAuthOptions } from "@/lib/auth/options";
import { usesSecureCookies } from "@/lib/auth/secure-cookies";
import type { Db } from "@/lib/db/client";
import { registrationSchema } from "@/lib/validation/account";
import { proxy } from "@/proxy";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The credentials provider signs in against getDb(): here, this file's scratch database.
const current: { db?: Db } = {};
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: () => current.db!,
}));

const SECRET = "a-production-secret-of-at-least-32-characters";
const PASSWORD = "study-hard-2027";

type SetCookie = { name: string; value: string; attributes: Map<string, string> };

/** One Set-Cookie header, its attribute names lower-cased ("secure" -> ""). */
function parseSetCookie(header: string): SetCookie {
  const [pair, ...attributes] = header.split(";").map((part) => part.trim());
  const eq = pair!.indexOf("=");
  return {
    name: pair!.slice(0, eq),
    value: pair!.slice(eq + 1),
    attributes: new Map(
      attributes.map((attribute) => {
        const [key, ...rest] = attribute.split("=");
        return [key!.toLowerCase(), rest.join("=")];
      }),
    ),
  };
}

/** Cookie header → name/value pairs, as Next's API routes give them to next-auth as `req.cookies`. */
function parseCookieHeader(header: string | undefined): Record<string, string> {
  if (!header) return {};
  return Object.fromEntries(
    header.split(";").map((pair) => {
      const eq = pair.indexOf("=");
      return [pair.slice(0, eq).trim(), decodeURIComponent(pair.slice(eq + 1).trim())];
    }),
  );
}

/**
 * A real HTTP server answering /api/auth/* with next-auth's own handler (its API-route form) and the
 * app's options for the environment of each request, so that Set-Cookie headers come over the wire.
 */
function startAuthServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url!, "http://internal");
    const nextauth = url.pathname.replace(/^\/api\/auth\//, "").split("/");
    Object.assign(req, {
      query: { ...Object.fromEntries(url.searchParams), nextauth },
      body: raw ? Object.fromEntries(new URLSearchParams(raw)) : undefined,
      cookies: parseCookieHeader(req.headers.cookie),
    });
    Object.assign(res, {
      status: (code: number) => ((res.statusCode = code), res),
      json: (value: unknown) => (res.setHeader("content-type", "application/json"), res.end(JSON.stringify(value))),
      send: (value: unknown) => res.end(typeof value === "string" ? value : JSON.stringify(value)),
    });
    try {
      await NextAuth(req as never, res as never, createAuthOptions(process.env));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

let authServer: { url: string; close(): Promise<void> };

/** An /api/auth request under `env` (NEXTAUTH_URL is the public address next-auth believes it serves). */
async function auth(env: Record<string, string>, path: string, init: { form?: Record<string, string>; cookie?: string } = {}) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
  const response = await fetch(`${authServer.url}/api/auth/${path}`, {
    method: init.form ? "POST" : "GET",
    headers,
    body: init.form ? new URLSearchParams(init.form) : undefined,
    redirect: "manual",
  });
  return { response, cookies: response.headers.getSetCookie().map(parseSetCookie) };
}

/** Gets a CSRF token, then signs in with email and password: every cookie set on the way, and the session's. */
async function signIn(env: Record<string, string>, email: string) {
  const csrf = await auth(env, "csrf");
  expect(csrf.response.status).toBe(200);
  const { csrfToken } = (await csrf.response.json()) as { csrfToken: string };
  const cookie = csrf.cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
  const callback = await auth(env, "callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" }, cookie });
  expect(callback.response.status).toBe(200);
  expect(await callback.response.json()).not.toHaveProperty("url", expect.stringContaining("error"));
  const session = callback.cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session, "a session cookie after signing in").toBeDefined();
  // next-auth reads the session back from the cookie it set (getServerSession looks for the same name).
  const read = await auth(env, "session", { cookie: `${session!.name}=${session!.value}` });
  expect(await read.response.json()).toMatchObject({ user: { email } });
  return { csrfCookies: csrf.cookies, session: session! };
}

/** What proxy.ts, guarding /app, does with the session cookie under `env`: lets it through or redirects. */
async function proxyLetsIn(env: Record<string, string>, session: SetCookie): Promise<boolean> {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const request = new NextRequest(`${env.NEXTAUTH_URL}/app/today`, { headers: { cookie: `${session.name}=${session.value}` } });
  const response = await proxy(request);
  return response.headers.get("x-middleware-next") === "1";
}

const PRODUCTION_HTTPS = { NODE_ENV: "production", NEXTAUTH_URL: "https://smriti.example", NEXTAUTH_SECRET: SECRET };

describe("usesSecureCookies", () => {
  it.each([
    ["production behind https", true, "production", "https://smriti.example"],
    ["production with a plain-http public address", true, "production", "http://smriti.example"],
    ["production on a LAN address over http", true, "production", "http://192.168.1.5:3000"],
    ["production without NEXTAUTH_URL", true, "production", undefined],
    ["production on http://localhost (npm start's default)", false, "production", "http://localhost:3000"],
    ["production on http://127.0.0.1", false, "production", "http://127.0.0.1:3100"],
    ["production on http://[::1]", false, "production", "http://[::1]:3000"],
    ["development on http://localhost", false, "development", "http://localhost:3000"],
    ["development on a LAN address over http", false, "development", "http://192.168.1.5:3000"],
    ["development behind https", true, "development", "https://dev.smriti.example"],
  ])("%s: Secure %s", (_label, secure, NODE_ENV, NEXTAUTH_URL) => {
    expect(usesSecureCookies({ NODE_ENV, NEXTAUTH_URL })).toBe(secure);
  });

  it("is what the app's next-auth options ask for", () => {
    expect(createAuthOptions(PRODUCTION_HTTPS).useSecureCookies).toBe(true);
    expect(createAuthOptions({ ...PRODUCTION_HTTPS, NEXTAUTH_URL: "http://localhost:3100" }).useSecureCookies).toBe(false);
  });
});

describe("auth cookies over HTTP from next-auth's handler", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    current.db = database.db;
    authServer = await startAuthServer();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await authServer?.close();
    await database?.drop();
  });

  async function register(prefix: string): Promise<string> {
    const email = `${prefix}-${Math.random().toString(36).slice(2, 8)}@example.in`;
    await registerUser(database.db, registrationSchema.parse({ email, password: PASSWORD }));
    return email;
  }

  it.each([
    ["behind https", "https://smriti.example"],
    ["with a plain-http public NEXTAUTH_URL", "http://smriti.example"],
  ])("in production %s: CSRF, callback-URL and session cookies are Secure, prefixed, httpOnly, SameSite=Lax", async (_label, url) => {
    const env = { ...PRODUCTION_HTTPS, NEXTAUTH_URL: url };
    const email = await register("secure");
    const { csrfCookies, session } = await signIn(env, email);

    expect(csrfCookies.map((c) => c.name).sort()).toEqual(["__Host-next-auth.csrf-token", "__Secure-next-auth.callback-url"]);
    expect(session.name).toBe("__Secure-next-auth.session-token");
    for (const cookie of [...csrfCookies, session]) {
      expect(cookie.attributes.has("secure"), `${cookie.name} is Secure`).toBe(true);
      expect(cookie.attributes.has("httponly"), `${cookie.name} is HttpOnly`).toBe(true);
      expect(cookie.attributes.get("samesite"), `${cookie.name} is SameSite=Lax`).toBe("Lax");
      expect(cookie.attributes.get("path"), `${cookie.name} is for the whole site`).toBe("/");
    }
    // __Host- also requires no Domain attribute: the CSRF cookie is bound to exactly this host.
    expect(csrfCookies.find((c) => c.name.startsWith("__Host-"))!.attributes.has("domain")).toBe(false);
    expect(session.attributes.has("expires")).toBe(true);

    // The proxy guarding /app reads the __Secure- session cookie, and nothing else.
    expect(await proxyLetsIn(env, session)).toBe(true);
    expect(await proxyLetsIn(env, { ...session, name: "next-auth.session-token" })).toBe(false);
  });

  it("in production on http://localhost (npm start, the end-to-end tests): plain cookies, so sign-in works over http", async () => {
    const env = { ...PRODUCTION_HTTPS, NEXTAUTH_URL: "http://localhost:3100" };
    const email = await register("local");
    const { csrfCookies, session } = await signIn(env, email);

    expect(csrfCookies.map((c) => c.name).sort()).toEqual(["next-auth.callback-url", "next-auth.csrf-token"]);
    expect(session.name).toBe("next-auth.session-token");
    for (const cookie of [...csrfCookies, session]) {
      expect(cookie.attributes.has("secure"), `${cookie.name} is not Secure`).toBe(false);
      expect(cookie.attributes.has("httponly"), `${cookie.name} is HttpOnly`).toBe(true);
      expect(cookie.attributes.get("samesite"), `${cookie.name} is SameSite=Lax`).toBe("Lax");
    }
    expect(await proxyLetsIn(env, session)).toBe(true);
  });
});
