import { expect, test, type Page } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { DEFAULT_POLICY } from "@/lib/practice/policy";
import { replayMismatches } from "@/lib/reliability/replay";
import { rollupMismatches } from "@/lib/reliability/rollups";
import { registerByApi, signInByForm, uniqueEmail, WIDTHS } from "./helpers";

/** The offline states at desktop and phone width, kept in docs/screenshots for review. */
async function screenshots(page: Page, name: string) {
  for (const [label, viewport] of Object.entries({ ...WIDTHS, narrowPhone: { width: 360, height: 780 } })) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `docs/screenshots/${name}-${viewport.width}.png`, fullPage: true });
    // Nothing wider than the screen, down to 360 px: no sideways scrolling on a phone.
    if (label !== "desktop") expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  }
  await page.setViewportSize(WIDTHS.desktop);
}

test("flashcards offline: rate 10, undo one, reload offline, back online, and the server holds the 9 once each", async ({ page, context }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("offline");
  await registerByApi(page, email);
  await signInByForm(page, email);
  const settings = await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: "Asia/Kolkata", newCardsPerDay: 12, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(settings.ok()).toBe(true);

  await page.goto("/app/flashcards");
  await expect(page.getByText("0 of 12 reviewed")).toBeVisible();
  // The service worker takes over, and a visit under it keeps the page for offline use.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(page.getByText("0 of 12 reviewed")).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  const ratings = page.getByRole("group", { name: "How well did you recall it?" });
  for (let index = 0; index < 10; index++) {
    await page.keyboard.press("Space");
    await expect(ratings).toBeVisible();
    await page.keyboard.press("4");
    await expect(page.getByText(`${index + 1} of 12 reviewed`)).toBeVisible();
  }
  const status = page.getByRole("status").filter({ hasText: "waiting to sync" });
  await expect(status).toHaveText("Offline: your ratings are kept on this device. 10 ratings waiting to sync.");
  await page.keyboard.press("z");
  await expect(status).toContainText("9 ratings waiting to sync.");
  await screenshots(page, "offline-flashcards-waiting");

  // Still offline: the page comes from the service worker, the queue and the ratings from the device.
  await page.reload();
  await expect(status).toContainText("9 ratings waiting to sync.");
  await expect(page.getByText("9 of 12 reviewed")).toBeVisible();

  await page.goto("/app/quiz").catch(() => {});
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page.getByText(/daily quiz and tests\s+need a connection/)).toBeVisible();
  await screenshots(page, "offline-page");

  await context.setOffline(false);
  await page.goto("/app/flashcards");
  await expect(page.getByText("0 of 3 reviewed")).toBeVisible();
  await expect(page.getByText(/waiting to sync/)).toHaveCount(0);

  const today = await (await page.request.get("/api/today")).json();
  expect(today.reviewedToday).toBe(9);
  const db = createDb(resolveDatabaseTarget(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, select: { reviewId: true, cardId: true } });
    expect(logs).toHaveLength(9);
    expect(new Set(logs.map((log) => log.cardId)).size).toBe(9);
    const replay = await replayMismatches(db, [user.id], () => DEFAULT_POLICY);
    expect(replay).toMatchObject({ cards: 9, logs: 9, mismatches: [] });
    expect(await rollupMismatches(db, [user.id])).toEqual([]);
  } finally {
    await db.$disconnect();
  }
});

test("two phones rate the same cards offline; after both sync, each card holds both ratings and equals the replay of its log", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("two-phones");
  const phones = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(phones.map((phone) => phone.newPage()));
  await registerByApi(pages[0]!, email);
  for (const page of pages) await signInByForm(page, email);
  const settings = await pages[0]!.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: "Asia/Kolkata", newCardsPerDay: 3, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(settings.ok()).toBe(true);

  // Both phones load the same queue, then lose the connection and rate it differently.
  for (const [index, page] of pages.entries()) {
    await page.goto("/app/flashcards");
    await expect(page.getByText("0 of 3 reviewed")).toBeVisible();
    await phones[index]!.setOffline(true);
  }
  for (const [index, page] of pages.entries()) {
    for (let card = 0; card < 3; card++) {
      await page.keyboard.press("Space");
      await page.keyboard.press(index === 0 ? "4" : "2");
      await expect(page.getByText(`${card + 1} of 3 reviewed`)).toBeVisible();
    }
    await expect(page.getByRole("status").filter({ hasText: "waiting to sync" })).toContainText("3 ratings waiting to sync.");
  }

  // The second phone syncs first, the first phone later: its ratings, made earlier, go before the second's.
  for (const index of [1, 0]) {
    await phones[index]!.setOffline(false);
    await expect(pages[index]!.getByText(/waiting to sync/)).toHaveCount(0);
  }

  const db = createDb(resolveDatabaseTarget(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" }, select: { cardId: true, rating: true, cardBefore: true } });
    expect(logs).toHaveLength(6);
    for (const cardId of new Set(logs.map((log) => log.cardId))) {
      // In the order they were made: the first phone's Easy, then the second phone's Hard on top of it.
      expect(logs.filter((log) => log.cardId === cardId).map((log) => [log.rating, JSON.parse(log.cardBefore).reps])).toEqual([
        [4, 0],
        [2, 1],
      ]);
    }
    expect((await replayMismatches(db, [user.id], () => DEFAULT_POLICY)).mismatches).toEqual([]);
    expect(await rollupMismatches(db, [user.id])).toEqual([]);
  } finally {
    await db.$disconnect();
    await Promise.all(phones.map((phone) => phone.close()));
  }
});
