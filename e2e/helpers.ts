import { randomBytes } from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";

export const PASSWORD = "study-hard-2027";

/**
 * The learners' time zone in this run: Asia/Kolkata, the aspirants' own, unless the day there ends
 * within a few hours; then another zone whose day is well under way. The suite runs on the real clock,
 * and what it checks about "today" (a learning step that comes back in the session, reviews counted
 * today, the exam countdown) holds only if the learner's day does not end while it runs: in a CI run
 * just before midnight in Kolkata, Hard on a new card fell due after midnight, the next day, and left the session.
 */
export const STUDY_TIME_ZONE = studyTimeZone(new Date());

export function studyTimeZone(now: Date): string {
  const candidates = ["Asia/Kolkata", "America/New_York", "Europe/London"];
  const hourIn = (timeZone: string) => Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
  return candidates.find((timeZone) => hourIn(timeZone) >= 3 && hourIn(timeZone) < 21) ?? "Asia/Kolkata";
}

/** The calendar day `offsetDays` from today in the learners' zone, as YYYY-MM-DD. */
export function dayInStudyZone(offsetDays: number): string {
  const then = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: STUDY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(then);
}

export function uniqueEmail(prefix = "aspirant"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.in`;
}

/** A client address of its own for each caller: 198.18.0.0/15 is reserved for testing. */
export function uniqueIp(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `198.${18 + (a % 2)}.${b}.${c}`;
}

/**
 * Creates an account through the JSON API, the way a script would, from a client address of its own
 * (playwright.config.ts trusts X-Forwarded-For from loopback): sign-ups are limited per address
 * (RATE_LIMIT_SIGN_UP_IP), and the suite's many learners are not one client signing up again and again.
 */
export async function registerByApi(page: Page, email: string, password = PASSWORD) {
  const response = await page.request.post("/api/register", { data: { email, password, name: "Test Aspirant" }, headers: { "x-forwarded-for": uniqueIp() } });
  if (response.status() !== 201) throw new Error(`register failed: ${response.status()} ${await response.text()}`);
}

export async function signInByForm(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/app/today");
}

export const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/** Full-page screenshots at desktop and phone widths, kept with the test's artifacts. */
export async function screenshotAtWidths(page: Page, testInfo: TestInfo, name: string) {
  for (const [label, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    const file = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: "image/png" });
  }
  await page.setViewportSize(WIDTHS.desktop);
}
