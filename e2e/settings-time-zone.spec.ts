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
  await zone.focus();
  await screenshotAtWidths(page, testInfo, "settings");
});
