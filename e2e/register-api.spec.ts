import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./helpers";

test.describe("POST /api/register", () => {
  test("201 with the new id, then 409 for the same email", async ({ request }) => {
    const email = uniqueEmail("api");
    const first = await request.post("/api/register", { data: { email, password: PASSWORD } });
    expect(first.status()).toBe(201);
    expect(await first.json()).toEqual({ id: expect.any(String) });
    const second = await request.post("/api/register", { data: { email: email.toUpperCase(), password: PASSWORD } });
    expect(second.status()).toBe(409);
  });

  test("400 with the zod issues for bad input", async ({ request }) => {
    const response = await request.post("/api/register", { data: { email: "nope", password: "short" } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_request");
    expect(body.issues.map((issue: { path: string[] }) => issue.path.join("."))).toEqual(["email", "password"]);
  });

  test("400 for a body that is not JSON", async ({ request }) => {
    const response = await request.post("/api/register", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe("invalid_json");
  });

  test("a script signs in through next-auth's credentials endpoint with a cookie jar", async ({ request }) => {
    const email = uniqueEmail("script");
    await request.post("/api/register", { data: { email, password: PASSWORD } });
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const signIn = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: PASSWORD, json: "true" },
    });
    expect(signIn.ok()).toBe(true);
    const session = await (await request.get("/api/auth/session")).json();
    expect(session.user.email).toBe(email);
    expect(session.user.id).toEqual(expect.any(String));
  });
});
