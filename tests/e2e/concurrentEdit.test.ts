// Concurrent edit → 409 in a real Chromium: two organisers open the same workshop, Ana saves a new venue, Ben's stale
// form is refused with who and when and a comparison, Ben keeps his, and the Audit log page shows both saves.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appForThisFile } from "./support/appServer";
import { signInOnPage } from "./support/consoleRound";
import { addOrganiser } from "../integration/support/consoleClient";
import { insertConsoleWorkshop } from "../../src/server/db/workshopRecords";
import { layoutFindings, seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile();
const WORKSHOP_ID = "fy2425-concurrent-edit";

async function openWorkshopForm(page: Page, email: string): Promise<void> {
  await signInOnPage(page, app.server.url, email);
  await page.goto(`${app.server.url}/console/workshops/${WORKSHOP_ID}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Host and place").waitFor();
}

it("concurrent edit → 409: the stale form is refused, compared, saved over on request, and both saves are audited", async () => {
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date(), "Ana Tui");
  await addOrganiser(app.server.db, "ben@example.org", "organiser", new Date(), "Ben Kalo");
  // A dated workshop (the seeded ones have a fiscal year only), as an organiser would have added it.
  const values = { title: "Risk management", kind: "national", mode: "in-person", fiscalYear: "2024/25" };
  const dates = { startsOn: "2024-08-12", endsOn: "2024-08-16", location: "Online", month: null };
  await insertConsoleWorkshop(app.server.db, WORKSHOP_ID, { ...values, ...dates }, [], {
    editor: { id: "setup", name: "Setup" },
    at: new Date(),
    after: { ...values, ...dates },
  });
  const ana = (await app.phones.open()).page;
  const ben = (await app.phones.open()).page;
  await openWorkshopForm(ana, "ana@example.org");
  await openWorkshopForm(ben, "ben@example.org");

  await ana.getByLabel("Host and place").fill("Nadi, Fiji");
  await ana.getByRole("button", { name: "Save changes" }).click();
  await ana.getByRole("button", { name: "Edit details" }).waitFor();

  await ben.getByLabel("Host and place").fill("Suva, Fiji");
  await ben.getByRole("button", { name: "Save changes" }).click();
  const notice = ben.getByTestId("edit-conflict");
  await notice.waitFor();
  expect(await notice.getByRole("heading").textContent()).toMatch(
    /^Changed by Ana Tui at \d\d:\d\d — your changes are not saved$/,
  );
  const venueRow = notice.getByRole("row").filter({ hasText: "Host and place" });
  expect(await venueRow.getByRole("cell").allTextContents()).toEqual(["Suva, Fiji", "Nadi, Fiji"]);
  expect(await seriousAxeViolations(ben, "edit conflict")).toEqual([]);
  expect(await layoutFindings(ben, "edit conflict at 360 px")).toEqual([]);

  await notice.getByRole("button", { name: "Keep mine (save over)" }).click();
  await ben.getByRole("button", { name: "Edit details" }).waitFor();

  await ben.getByRole("link", { name: "Audit log" }).click();
  await ben.getByRole("heading", { name: "Audit log", exact: true }).waitFor();
  const rows = ben.getByTestId("audit-entry");
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
  expect(await rows.nth(0).textContent()).toMatch(/Ben Kalo.*workshop changed.*location: Nadi, Fiji → Suva, Fiji/);
  expect(await rows.nth(1).textContent()).toMatch(/Ana Tui.*workshop changed.*location: Online → Nadi, Fiji/);
  expect(await seriousAxeViolations(ben, "audit log")).toEqual([]);
  expect(await layoutFindings(ben, "audit log at 360 px")).toEqual([]);
});

it("a viewer is told the audit log is for organisers and has no link to it", async () => {
  await addOrganiser(app.server.db, "losa@example.org", "viewer", new Date(), "Losa Viewer");
  const losa = (await app.phones.open()).page;
  await signInOnPage(losa, app.server.url, "losa@example.org");
  expect(await losa.getByRole("link", { name: "Audit log" }).count()).toBe(0);
  await losa.goto(`${app.server.url}/console/audit-log`);
  await losa.getByText("Only an organiser can read the audit log.").waitFor();
});
