// The attacks of issue 16's probe, replayed over HTTP against `next start`. playwright.config.ts starts the
// server trusting X-Forwarded-For from loopback (TRUSTED_PROXIES), so that each test can act from its own
// client address, and with small per-address limits.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, uniqueEmail, uniqueIp } from "./helpers";

type Playwright = Parameters<Parameters<typeof test>[2]>[0]["playwright"];

async function client(playwright: Playwright, baseURL: string | undefined, ip = uniqueIp()) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } });
}

async function register(request: APIRequestContext, email: string) {
  const response = await request.post("/api/register", { data: { email, password: PASSWORD } });
  expect(response.status()).toBe(201);
}

/** One credentials sign-in the way next-auth's client makes it; the response as status and headers. */
async function signIn(request: APIRequestContext, email: string, password: string, extra: Record<string, string> = {}) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true", ...extra }, maxRedirects: 0 });
}

async function sessionEmail(request: APIRequestContext): Promise<string | undefined> {
  return (await (await request.get("/api/auth/session")).json())?.user?.email;
}

function sameOrigin(location: string | undefined, baseURL: string) {
  expect(location, "a redirect").toBeDefined();
  expect(new URL(location!, baseURL).origin).toBe(new URL(baseURL).origin);
}

const BAD_CALLBACKS = [
  "/\t/evil.example/phish",
  "/\n/evil.example/phish",
  "/\r\n/evil.example",
  "http://localhost:3000.evil.example/",
  "javascript:alert(1)",
  "//evil.example/",
  "/\\evil.example/",
  "https://evil.example/",
];

test.describe("1. callback URLs", () => {
  test("a tab in the callback URL cannot send a signed-in user to another site", async ({ playwright, baseURL }) => {
    const request = await client(playwright, baseURL);
    const email = uniqueEmail("redirect");
    await register(request, email);
    await signIn(request, email, PASSWORD);
    expect(await sessionEmail(request)).toBe(email);
    for (const callbackUrl of BAD_CALLBACKS) {
      const response = await request.get(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(response.status(), JSON.stringify(callbackUrl)).toBeLessThan(400);
      sameOrigin(response.headers()["location"], baseURL!);
      expect(new URL(response.headers()["location"]!, baseURL).pathname, JSON.stringify(callbackUrl)).toBe("/app/today");
    }
    // Given twice, it is an array to the page: the default too.
    const twice = await request.get("/signin?callbackUrl=%2Fapp%2Fquiz&callbackUrl=%2Fapp%2Fprogress", { maxRedirects: 0 });
    expect(twice.status()).toBe(307);
    expect(new URL(twice.headers()["location"]!, baseURL).pathname).toBe("/app/today");
    // A good one still works.
    const good = await request.get(`/signin?callbackUrl=${encodeURIComponent("/app/progress?x=1")}`, { maxRedirects: 0 });
    expect(good.headers()["location"]).toMatch(/\/app\/progress\?x=1$/);
  });

  test("bad callback URLs give the default page from next-auth's routes and the sign-in page, never a 500", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("callback");
    await register(await client(playwright, baseURL), email);
    for (const callbackUrl of BAD_CALLBACKS) {
      const label = JSON.stringify(callbackUrl);
      const visitor = await client(playwright, baseURL);
      const page = await visitor.get(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(page.status(), `/signin ${label}`).toBe(200);
      const nextAuthSignIn = await visitor.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(nextAuthSignIn.status(), `/api/auth/signin ${label}`).toBeLessThan(500);
      const csrf = await visitor.get(`/api/auth/csrf?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(csrf.status(), `/api/auth/csrf ${label}`).toBe(200);
      const signedIn = await signIn(visitor, email, PASSWORD, { callbackUrl });
      expect(signedIn.status(), `callback/credentials ${label}`).toBe(200);
      sameOrigin((await signedIn.json()).url, baseURL!);
      expect(new URL((await signedIn.json()).url).pathname, label).toBe("/app/today");
    }
    // next-auth's callback-URL cookie, set to a bad value by the client itself (or a sibling subdomain).
    for (const callbackUrl of BAD_CALLBACKS.filter((url) => !/[\t\r\n]/.test(url))) {
      const poisoned = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.callback-url=${encodeURIComponent(callbackUrl)}` } });
      for (const path of ["/api/auth/csrf", "/api/auth/session", "/api/auth/providers"]) {
        expect((await poisoned.get(path)).status(), `${path} with cookie ${JSON.stringify(callbackUrl)}`).toBe(200);
      }
    }
  });
});

test.describe("2. lockout and device cookies", () => {
  test("failures from elsewhere lock out untrusted clients with 429 and Retry-After, never the victim's browser", async ({ playwright, baseURL }) => {
    const victimBrowser = await client(playwright, baseURL);
    const email = uniqueEmail("victim");
    await register(victimBrowser, email);
    await signIn(victimBrowser, email, PASSWORD);
    expect(await sessionEmail(victimBrowser)).toBe(email);
    await victimBrowser.post("/api/auth/signout", { form: { csrfToken: (await (await victimBrowser.get("/api/auth/csrf")).json()).csrfToken } });

    // The attacker, from several addresses, tries passwords until refused.
    let refused;
    for (let attempt = 0; attempt < 8 && !refused; attempt++) {
      const attacker = await client(playwright, baseURL);
      const response = await signIn(attacker, email, `wrong-password-${attempt}`);
      if (response.status() === 429) refused = { attempt, response };
    }
    expect(refused, "the attacker is refused").toBeDefined();
    expect(refused!.attempt).toBe(5);
    expect(Number(refused!.response.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await refused!.response.json()).error).toBe("too_many_attempts");

    // The right password from an untrusted client is refused too, with the same status.
    const stranger = await client(playwright, baseURL);
    expect((await signIn(stranger, email, PASSWORD)).status()).toBe(429);
    expect(await sessionEmail(stranger)).toBeUndefined();

    // The victim's browser, which signed in before, still can.
    const response = await signIn(victimBrowser, email, PASSWORD);
    expect(response.status()).toBe(200);
    expect(await sessionEmail(victimBrowser)).toBe(email);
  });

  test("the sign-in form shows the lockout message", async ({ page, playwright, baseURL }) => {
    const email = uniqueEmail("locked");
    await register(await client(playwright, baseURL), email);
    for (let attempt = 0; attempt < 5; attempt++) await signIn(await client(playwright, baseURL), email, `wrong-${attempt}`);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#signin-error")).toContainText("Too many failed sign-ins for this email");
  });
});

test.describe("3. concurrent sign-ins", () => {
  test("20 sign-ins at once for one email: at most 5 are checked, the rest get 429, and the right password is refused after", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("race");
    await register(await client(playwright, baseURL), email);
    const clients = await Promise.all(Array.from({ length: 20 }, () => client(playwright, baseURL)));
    const tokens = await Promise.all(clients.map(async (request) => (await (await request.get("/api/auth/csrf")).json()).csrfToken as string));
    const statuses = await Promise.all(
      clients.map(async (request, i) =>
        (
          await request.post("/api/auth/callback/credentials", {
            form: { csrfToken: tokens[i]!, email, password: `wrong-${i}`, json: "true" },
            maxRedirects: 0,
          })
        ).status(),
      ),
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    const late = await client(playwright, baseURL);
    expect((await signIn(late, email, PASSWORD)).status()).toBe(429);
    expect(await sessionEmail(late)).toBeUndefined();
  });
});

test.describe("4. limits per client address", () => {
  test("failed sign-ins from one address are limited across emails (RATE_LIMIT_SIGN_IN_IP=10)", async ({ playwright, baseURL }) => {
    const request = await client(playwright, baseURL);
    for (let i = 0; i < 10; i++) expect((await signIn(request, uniqueEmail("spray"), "wrong-password")).status()).not.toBe(429);
    const refused = await signIn(request, uniqueEmail("spray"), "wrong-password");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await signIn(await client(playwright, baseURL), uniqueEmail("spray"), "wrong-password")).status()).not.toBe(429);
  });

  test("a client cannot pose as another connection: the peer-address header it sends is overwritten", async ({ playwright, baseURL }) => {
    // Were the forged header believed, the peer would be 203.0.113.77, not a trusted proxy, and all 11
    // failures would count against it; the real peer (loopback) is trusted, so each X-Forwarded-For counts.
    for (let i = 0; i < 11; i++) {
      const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueIp(), "x-smriti-peer-address": "203.0.113.77" } });
      expect((await signIn(request, uniqueEmail("forged"), "wrong-password")).status()).not.toBe(429);
    }
  });

  test("sign-ups from one address are limited (RATE_LIMIT_SIGN_UP_IP=30), and the form says so", async ({ page, playwright, baseURL }) => {
    const ip = uniqueIp();
    const request = await client(playwright, baseURL, ip);
    const email = uniqueEmail("signups");
    await register(request, email);
    for (let i = 1; i < 30; i++) expect((await request.post("/api/register", { data: { email, password: PASSWORD } })).status()).toBe(409);
    const refused = await request.post("/api/register", { data: { email: uniqueEmail("signups"), password: PASSWORD } });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await refused.json()).error).toBe("too_many_attempts");
    expect((await (await client(playwright, baseURL)).post("/api/register", { data: { email: uniqueEmail("signups"), password: PASSWORD } })).status()).toBe(201);
    // The same address in a browser: the sign-up form shows the reason.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });
    await page.goto("/signup");
    await page.getByLabel("Email").fill(uniqueEmail("signups"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator(".alert-error")).toContainText("Too many sign-ups from your network");
  });
});

/** Streams `total` bytes in chunks (no Content-Length) until the server answers; what was sent by then. */
function streamUntilAnswered(baseURL: string, method: string, path: string, total: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; sent: number; body: string }>((resolve, reject) => {
    const url = new URL(path, baseURL);
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method, headers: { "content-type": "application/json", "transfer-encoding": "chunked", ...headers } });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, sent, body });
        request.destroy();
      });
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    request.write("[");
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end("]");
    };
    pump();
  });
}

test.describe("5. body size", () => {
  for (const [method, path] of [["POST", "/api/register"], ["POST", "/api/auth/callback/credentials"], ["PUT", "/api/settings"], ["POST", "/api/quiz"]] as const) {
    test(`a chunked body without Content-Length gets 413 at once: ${method} ${path}`, async ({ playwright, baseURL }) => {
      // Signed in, so that the signed-in routes get as far as the body.
      const request = await client(playwright, baseURL);
      const email = uniqueEmail("body");
      await register(request, email);
      await signIn(request, email, PASSWORD);
      const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      const total = 256 * 1024 * 1024;
      const result = await streamUntilAnswered(baseURL!, method, path, total, { "x-forwarded-for": uniqueIp(), cookie });
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).error).toBe("body_too_large");
      // Answered after the first 64 KiB, long before the 256 MiB were sent (socket buffers hold a few MiB).
      expect(result.sent).toBeLessThan(32 * 1024 * 1024);
    });
  }
});

test.describe("6. lone surrogates", () => {
  test("a lone UTF-16 surrogate in a string field is a 400 with the issue, on register, settings and the topic quiz", async ({ playwright, baseURL }) => {
    const request = await client(playwright, baseURL);
    const email = uniqueEmail("surrogate");
    const lone = "\ud800";
    const registerResponse = await request.post("/api/register", { data: { email, password: PASSWORD, name: `A${lone}` } });
    expect(registerResponse.status()).toBe(400);
    expect((await registerResponse.json()).issues).toEqual([expect.objectContaining({ path: ["name"] })]);
    await register(request, email);
    await signIn(request, email, PASSWORD);
    const settings = await request.put("/api/settings", {
      data: { examDate: null, examName: `CSE${lone}`, timeZone: "UTC", newCardsPerDay: 5, dailyQuizSize: 5, desiredRetention: 0.9 },
    });
    expect(settings.status()).toBe(400);
    expect((await settings.json()).issues).toEqual([expect.objectContaining({ path: ["examName"] })]);
    const quiz = await request.post("/api/quiz", { data: { mode: "topic", topic: `Polity${lone}` } });
    expect(quiz.status()).toBe(400);
    expect((await quiz.json()).issues).toEqual([expect.objectContaining({ path: ["topic"] })]);
    const answer = await request.post("/api/quiz/some-quiz/answers", { data: { questionId: "q1", optionId: lone, answerId: "answer-surrogate-1" } });
    expect(answer.status()).toBe(400);
  });
});

test.describe("7. topics", () => {
  test("topics match exactly, with their subtopics: % and _ are no wildcards, and case counts", async ({ playwright, baseURL }) => {
    const request = await client(playwright, baseURL);
    const email = uniqueEmail("topics");
    await register(request, email);
    await signIn(request, email, PASSWORD);
    for (const topic of ["%", "_%", "%a%", "_"]) {
      const response = await request.post("/api/quiz", { data: { mode: "topic", topic } });
      expect(response.status(), topic).toBe(404);
    }
    const daily = await (await request.get("/api/quiz/daily")).json();
    const top = (daily.questions[0].topic as string).split(" > ")[0]!;
    expect((await request.post("/api/quiz", { data: { mode: "topic", topic: top.toLowerCase() } })).status()).toBe(404);
    expect((await request.post("/api/quiz", { data: { mode: "topic", topic: `${top.slice(0, -1)}_` } })).status()).toBe(404);
    const quiz = await request.post("/api/quiz", { data: { mode: "topic", topic: top, size: 100 } });
    expect(quiz.status()).toBe(201);
    for (const question of (await quiz.json()).questions) expect(question.topic === top || question.topic.startsWith(`${top} > `)).toBe(true);
  });
});

test.describe("8. Anki export", () => {
  test("the Anki export holds no quiz question's key before the user answers it", async ({ playwright, baseURL }) => {
    const request = await client(playwright, baseURL);
    const email = uniqueEmail("anki");
    await register(request, email);
    await signIn(request, email, PASSWORD);
    const quiz = await (await request.get("/api/quiz/daily")).json();
    const exported = async () => (await request.get("/api/export/anki.txt")).text();
    // A question's note: its prompt and its options on the front (quoted as in CSV).
    type Question = { id: string; prompt: string; options: { id: string; text: string }[] };
    const front = (question: Question) => [question.prompt, ...question.options.map((option) => `(${option.id}) ${option.text}`)].join("\n").replaceAll('"', '""');
    const before = await exported();
    expect(before.split("\n").length).toBeGreaterThan(10);
    for (const question of quiz.questions as Question[]) expect(before.includes(front(question)), question.prompt).toBe(false);

    const [first, second] = quiz.questions as Question[];
    // Quizzes are answered only after Start; Start alone reveals no key.
    expect((await request.post(`/api/quiz/${quiz.id}/start`)).ok()).toBe(true);
    for (const question of quiz.questions as Question[]) expect((await exported()).includes(front(question)), question.prompt).toBe(false);
    const answered = await request.post(`/api/quiz/${quiz.id}/answers`, { data: { questionId: first!.id, optionId: first!.options[0]!.id, answerId: `answer-${randomBytes(6).toString("hex")}` } });
    expect(answered.ok()).toBe(true);
    const after = await exported();
    expect(after.includes(front(first!))).toBe(true);
    expect(after.includes(front(second!))).toBe(false);
  });
});

test.describe("10. content security policy", () => {
  test("pages get a fresh nonce, no 'unsafe-inline' or 'unsafe-eval' scripts, and every script carries the nonce", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/", "/signin", "/signin"]) {
      const response = await request.get(path);
      const csp = response.headers()["content-security-policy"] ?? "";
      const scriptSrc = csp.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(csp, path).not.toContain("'unsafe-eval'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
      expect(nonce, path).toBeDefined();
      nonces.add(nonce!);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
    // No HSTS over plain http.
    expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
  });

  test("the sign-in page and a signed-in page run with no CSP violation or console error", async ({ page, playwright, baseURL }, testInfo) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    const email = uniqueEmail("csp");
    await register(await client(playwright, baseURL), email);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
    await page.goto("/signin");
    await page.screenshot({ path: testInfo.outputPath("signin-csp.png"), fullPage: true });
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/app/today");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.goto("/app/progress");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("progress-csp.png"), fullPage: true });
    await page.goto("/app/quiz");
    await page.screenshot({ path: testInfo.outputPath("quiz-csp.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
