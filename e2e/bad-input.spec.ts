import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./helpers";

// Odd values of every kind: wrong types, huge and negative numbers, odd Unicode, nesting, prototype keys.
const oddValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "💥", "a".repeat(5000), "../../etc/passwd", "<script>", "NaN", "2027-02-30"),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

const ROUTES: { method: "POST" | "PUT" | "DELETE"; path: string; fields: string[] }[] = [
  { method: "POST", path: "/api/register", fields: ["email", "password", "name"] },
  { method: "POST", path: "/api/reviews", fields: ["reviewId", "cardId", "rating", "durationMs"] },
  { method: "POST", path: "/api/reviews/undo", fields: ["reviewId"] },
  { method: "POST", path: "/api/quiz", fields: ["mode", "topic", "size", "timed", "replaceUnfinished"] },
  { method: "POST", path: "/api/quiz/not-a-quiz/answers", fields: ["questionId", "optionId", "answerId"] },
  { method: "PUT", path: "/api/settings", fields: ["examDate", "examName", "timeZone", "newCardsPerDay", "dailyQuizSize", "desiredRetention"] },
  // Never the right email or password: each is refused and deletes nothing.
  { method: "DELETE", path: "/api/account", fields: ["confirmation"] },
];

test("generated bad bodies get a 4xx with a JSON reason, never a 500 or a stack trace", async ({ request }) => {
  const email = uniqueEmail("fuzz");
  await request.post("/api/register", { data: { email, password: PASSWORD } });
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });

  for (const route of ROUTES) {
    const body = fc.oneof(
      // The route's own fields, each with an odd value, some missing, sometimes an extra one.
      fc.record(Object.fromEntries([...route.fields, "extra"].map((field) => [field, oddValue])), { requiredKeys: [] }),
      oddValue,
    );
    await fc.assert(
      fc.asyncProperty(body, async (data) => {
        const response = await request.fetch(route.path, { method: route.method, data: JSON.stringify(data), headers: { "content-type": "application/json" } });
        const text = await response.text();
        expect(response.status(), `${route.method} ${route.path} ${JSON.stringify(data).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(response.status()).toBeLessThan(500);
        expect(text).not.toMatch(/at \w+ \(|node_modules|Error:/);
        expect(JSON.parse(text).error).toEqual(expect.any(String));
      }),
      { numRuns: 40, seed: 20261123 },
    );
  }
});
