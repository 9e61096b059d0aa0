import { expect, test, type Page } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { DEFAULT_POLICY } from "@/lib/practice/policy";
import { replayMismatches } from "@/lib/reliability/replay";
import { rollupMismatches } from "@/lib/reliability/rollups";
import { registerByApi, signInByForm, STUDY_TIME_ZONE, uniqueEmail, WIDTHS } from "./helpers";

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
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 12, dailyQuizSize: 15, desiredRetention: 0.9 },
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
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay: 3, dailyQuizSize: 15, desiredRetention: 0.9 },
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
      await expect(page.getByRole("group", { name: "How well did you recall it?" })).toBeVisible();
      await page.keyboard.press(index === 0 ? "4" : "2");
      // Hard on a new card is a learning step: the device schedules it to come back, and the session grows.
      await expect(page.getByText(`${card + 1} of ${index === 0 ? 3 : 4 + card} reviewed`)).toBeVisible();
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

/** The user id of an account, from the database the server uses. */
async function userIdOf(email: string): Promise<string> {
  const db = createDb(resolveDatabaseTarget(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  try {
    return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  } finally {
    await db.$disconnect();
  }
}

/** What one account's copy on the device holds (IndexedDB, read in the page). */
async function deviceCopy(page: Page, userId: string) {
  return page.evaluate(
    (name) =>
      new Promise<{ pending: { cardId: string; rating: string; reviewedAt: string }[]; queue: { id: string; memory: { due: string | Date; state: number; reps: number } }[] }>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const read = db.transaction(["pending", "queue"]);
          const pending = read.objectStore("pending").getAll();
          const queue = read.objectStore("queue").get("today");
          read.oncomplete = () => {
            db.close();
            resolve({ pending: pending.result, queue: queue.result?.cards ?? [] });
          };
        };
      }),
    `smriti-offline-${userId}`,
  );
}

async function settle(page: Page, newCardsPerDay: number) {
  const settings = await page.request.put("/api/settings", {
    data: { examDate: null, examName: null, timeZone: STUDY_TIME_ZONE, newCardsPerDay, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(settings.ok()).toBe(true);
}

/** Opens Flashcards online and waits until the service worker controls the page (so it is kept for offline use). */
async function openFlashcardsUnderWorker(page: Page, firstProgress: string) {
  await page.goto("/app/flashcards");
  await expect(page.getByText(firstProgress)).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(page.getByText(firstProgress)).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test("offline, a card rated Again comes back after its learning step, scheduled on the device as the server then replays it", async ({ page, context }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("offline-again");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await settle(page, 3);
  // The page's clock, to skip the one-minute step instead of waiting it out (it runs at the real pace otherwise).
  await page.clock.install();
  await openFlashcardsUnderWorker(page, "0 of 3 reviewed");

  await context.setOffline(true);
  const ratings = page.getByRole("group", { name: "How well did you recall it?" });
  const front = await page.locator("#card-front").textContent();
  await page.keyboard.press("Space");
  await expect(ratings).toBeVisible();
  // Again: it is due again in a minute, so the session grows by one card.
  await expect(ratings.getByRole("button", { name: /Again/ })).toContainText("1 min");
  await page.keyboard.press("1");
  await expect(page.getByText("1 of 4 reviewed")).toBeVisible();
  for (let index = 0; index < 2; index++) {
    await page.keyboard.press("Space");
    await expect(ratings).toBeVisible();
    await page.keyboard.press("4");
    await expect(page.getByText(`${index + 2} of 4 reviewed`)).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: /Next card in 0:\d\d/ })).toBeVisible();
  const status = page.getByRole("status").filter({ hasText: "waiting to sync" });
  await expect(status).toContainText("3 ratings waiting to sync.");

  // Reloaded offline, the session still knows the card is coming back.
  await page.reload();
  await expect(page.getByText("3 of 4 reviewed")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Next card in 0:\d\d/ })).toBeVisible();

  await page.clock.fastForward("01:05");
  await expect(page.locator("#card-front")).toHaveText(front!);
  await expect(page.getByText(/Flashcard: .* \(learning\)/)).toBeVisible();
  await page.keyboard.press("Space");
  // Good on its first step: the next step, ten minutes, as the server's scheduler gives it.
  await expect(ratings.getByRole("button", { name: /Good/ })).toContainText("10 min");
  // On a phone the rating buttons sit at the bottom of the screen, under the thumb, each at least 44 px.
  for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 780 }]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `docs/screenshots/offline-flashcards-rating-${viewport.width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    for (const button of await ratings.getByRole("button").all()) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(box.y).toBeGreaterThan(viewport.height / 2);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press("3");
  await expect(page.getByText("4 of 5 reviewed")).toBeVisible();
  await expect(status).toContainText("4 ratings waiting to sync.");
  await screenshots(page, "offline-flashcards-again-waiting");

  const userId = await userIdOf(email);
  const onDevice = await deviceCopy(page, userId);
  expect(onDevice.pending.map((rating) => rating.rating).sort()).toEqual(["again", "easy", "easy", "good"]);
  const learning = onDevice.queue.find((card) => card.memory.state === 1);
  expect(learning?.memory.reps).toBe(2);

  await context.setOffline(false);
  await expect(page.getByText(/waiting to sync/)).toHaveCount(0);
  const db = createDb(resolveDatabaseTarget(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  try {
    const logs = await db.reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: "asc" }, select: { cardId: true, rating: true } });
    expect(logs).toHaveLength(4);
    expect(logs.filter((log) => log.cardId === learning!.id).map((log) => log.rating)).toEqual([1, 3]);
    // The server's replay put the card exactly where the device had scheduled it.
    const card = await db.card.findUniqueOrThrow({ where: { id: learning!.id }, select: { due: true, state: true, reps: true } });
    expect({ due: card.due.toISOString(), state: card.state, reps: card.reps }).toEqual({ due: new Date(learning!.memory.due).toISOString(), state: 1, reps: 2 });
    expect((await replayMismatches(db, [userId], () => DEFAULT_POLICY)).mismatches).toEqual([]);
    expect(await rollupMismatches(db, [userId])).toEqual([]);
  } finally {
    await db.$disconnect();
  }
});

test("two accounts on one phone: ratings kept offline for one are never sent under the other, and sync when it signs in again", async ({ page, context, browser }) => {
  test.setTimeout(150_000);
  const [first, second] = [uniqueEmail("phone-first"), uniqueEmail("phone-second")];
  await registerByApi(page, first);
  await registerByApi(page, second);
  await signInByForm(page, first);
  await settle(page, 3);
  await openFlashcardsUnderWorker(page, "0 of 3 reviewed");

  await context.setOffline(true);
  for (let index = 0; index < 2; index++) {
    await page.keyboard.press("Space");
    await expect(page.getByRole("group", { name: "How well did you recall it?" })).toBeVisible();
    await page.keyboard.press("4");
    await expect(page.getByText(`${index + 1} of 3 reviewed`)).toBeVisible();
  }
  const status = page.getByRole("status").filter({ hasText: "waiting to sync" });
  await expect(status).toContainText("2 ratings waiting to sync.");

  // Meanwhile the first account signs out everywhere from a computer: this phone's session ends.
  const computer = await browser.newContext();
  try {
    const elsewhere = await computer.newPage();
    await signInByForm(elsewhere, first);
    expect((await elsewhere.request.delete("/api/account/sessions")).ok()).toBe(true);
  } finally {
    await computer.close();
  }
  // Back online, the sync is refused (signed out): the ratings stay on the phone.
  const refused = page.waitForResponse((response) => response.url().endsWith("/api/reviews/sync"));
  await context.setOffline(false);
  expect((await refused).status()).toBe(401);
  await expect(status).toContainText("2 ratings waiting to sync.");
  const firstId = await userIdOf(first);
  expect((await deviceCopy(page, firstId)).pending).toHaveLength(2);

  // The second account signs in on the same phone. The first's pages are no longer served offline.
  await signInByForm(page, second);
  await context.setOffline(true);
  await page.goto("/app/flashcards").catch(() => {});
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await context.setOffline(false);
  await page.goto("/app/flashcards");
  await expect(page.getByText(/^0 of \d+ reviewed$/)).toBeVisible();
  await expect(page.getByText(/waiting to sync/)).toHaveCount(0);
  const secondId = await userIdOf(second);
  // Sent under the second account's session, the first account's ratings are refused whole.
  const pending = (await deviceCopy(page, firstId)).pending;
  const misdirected = await page.request.post("/api/reviews/sync", {
    data: { userId: firstId, ratings: pending.map(({ cardId, rating, reviewedAt }, index) => ({ reviewId: crypto.randomUUID(), cardId, rating, reviewedAt, durationMs: 1000 + index })) },
  });
  expect(misdirected.status()).toBe(409);
  expect((await misdirected.json()).error).toBe("other_account");

  // The second account signs out (nothing of its own waiting: no question asked); the first signs in again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await signInByForm(page, first);
  await page.goto("/app/flashcards");
  // Its two ratings go first, so the queue leaves their cards out: one of the day's three is left.
  await expect(page.getByText("0 of 1 reviewed")).toBeVisible();
  await expect(page.getByText(/waiting to sync/)).toHaveCount(0);
  expect((await deviceCopy(page, firstId)).pending).toEqual([]);

  const db = createDb(resolveDatabaseTarget(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  try {
    expect(await db.reviewLog.count({ where: { userId: firstId } })).toBe(2);
    expect(await db.reviewLog.count({ where: { userId: secondId } })).toBe(0);
    expect((await replayMismatches(db, [firstId], () => DEFAULT_POLICY)).mismatches).toEqual([]);
  } finally {
    await db.$disconnect();
  }
});

test("signing out with ratings the server would not take warns first, and keeps them for that account only", async ({ page }) => {
  const email = uniqueEmail("sign-out-waiting");
  await registerByApi(page, email);
  await signInByForm(page, email);
  await settle(page, 3);
  await openFlashcardsUnderWorker(page, "0 of 3 reviewed");
  const userId = await userIdOf(email);
  const [card] = (await deviceCopy(page, userId)).queue;
  // A rating the server refuses (made 40 days ago: older than it accepts), left on the device.
  await page.evaluate(
    ({ name, cardId }) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onsuccess = () => {
          const write = opening.result.transaction("pending", "readwrite");
          write.objectStore("pending").put({ reviewId: crypto.randomUUID(), cardId, rating: "good", reviewedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(), durationMs: 1000, card: null });
          write.oncomplete = () => resolve();
          write.onerror = () => reject(write.error);
        };
      }),
    { name: `smriti-offline-${userId}`, cardId: card!.id },
  );

  await page.getByRole("button", { name: "Sign out" }).click();
  const warning = page.getByRole("alert").filter({ hasText: "could not be sent yet" });
  await expect(warning).toContainText("1 rating made offline could not be sent yet. They stay on this device for this account only");
  for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 780 }]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `docs/screenshots/sign-out-waiting-${viewport.width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  }
  // Staying signed in keeps everything; asked again, sign out anyway.
  await warning.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await warning.getByRole("button", { name: "Sign out anyway" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const left = await deviceCopy(page, userId);
  expect(left.pending).toHaveLength(1);
  // The queue copy goes with the session; the unsent rating stays.
  expect(left.queue).toEqual([]);
});
