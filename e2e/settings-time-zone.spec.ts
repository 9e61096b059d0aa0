import { expect, test } from "@playwright/test";
import { registerByApi, screenshotAtWidths, signInByForm, uniqueEmail } from "./helpers";

test("Settings shows the stored time zone, and saving the exam date keeps it", async ({ page }, testInfo) => {
  const email = uniqueEmail("zone");
  await registerByApi(page, email);
  await signInByForm(page, email);

  await page.goto("/app/settings");
  // The default zone, Asia/Kolkata, which Chromium's own list lacks (it has Asia/Calcutta).
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Asia/Kolkata");
  await page.getByLabel("Exam date").fill("2027-05-24");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  expect(await (await page.request.get("/api/settings")).json()).toMatchObject({ examDate: "2027-05-24", timeZone: "Asia/Kolkata" });

  // The old name is understood too, and stored by the current one.
  const saved = await page.request.put("/api/settings", {
    data: { examDate: "2027-05-24", examName: null, timeZone: "Asia/Calcutta", newCardsPerDay: 20, dailyQuizSize: 15, desiredRetention: 0.9 },
  });
  expect(await saved.json()).toMatchObject({ timeZone: "Asia/Kolkata" });

  await page.reload();
  await expect(zone).toHaveValue("Asia/Kolkata");
  // The suggestions are made on the field's first focus, not sent with the page; by current names.
  const suggestions = page.locator("#timeZone-choices option");
  await expect(suggestions).toHaveCount(0);
  await zone.focus();
  await expect(page.locator('#timeZone-choices option[value="Asia/Kolkata"]')).toHaveCount(1);
  await expect(page.locator('#timeZone-choices option[value="Asia/Calcutta"]')).toHaveCount(0);
  expect(await suggestions.count()).toBeGreaterThan(300);
  await screenshotAtWidths(page, testInfo, "settings");

  // Typed by keyboard and saved; a zone that does not exist is refused at the field, and nothing else changes.
  await zone.fill("Europe/Kyiv");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  expect(await (await page.request.get("/api/settings")).json()).toMatchObject({ timeZone: "Europe/Kyiv" });
  await zone.fill("Mars/Olympus");
  await zone.press("Enter");
  await expect(page.getByText("Choose a time zone from the suggestions, such as Asia/Kolkata.")).toBeVisible();
  await expect(zone).toHaveAttribute("aria-invalid", "true");
  expect(await (await page.request.get("/api/settings")).json()).toMatchObject({ timeZone: "Europe/Kyiv", examDate: "2027-05-24" });
});
