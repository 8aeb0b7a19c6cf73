// A new version is announced, installed only when the participant agrees, and never loses a draft.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { appForThisFile } from "./support/appServer";
import { joinByLink, next } from "./support/participantFlow";

// A copy of the build, so the test can publish a "new version" without touching the real one.
const app = appForThisFile({ copyOfBuild: true, phone: {} });

it("asks before switching to a new version and keeps the draft being typed", async () => {
  const { page } = app.phone;
  await joinByLink(page, app.server.url, "DEMO-TO1");
  await next(page);
  await page.getByLabel("Describe what you did").fill("Circulated the RKC guide to all border posts");
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // Publish a new version: any byte change in the service worker script makes it one.
  appendFileSync(join(app.staticDir, "sw.js"), "\n// next release\n");
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  await page.getByText("A new version of Outrigger is ready").waitFor({ timeout: 30_000 });
  // Nothing reloads on its own: the page is still the same document, the text still there.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  await page.getByRole("button", { name: "Update now" }).click();
  await page.waitForFunction(
    () => (window as unknown as { sameDocument?: boolean }).sameDocument === undefined,
    undefined,
    { timeout: 30_000 },
  );
  await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
  expect(await page.getByLabel("Describe what you did").inputValue()).toBe(
    "Circulated the RKC guide to all border posts",
  );
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
    false,
  );
});
