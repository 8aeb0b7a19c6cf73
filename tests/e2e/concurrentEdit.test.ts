// Concurrent edit → 409 in a real Chromium: two organisers open the same workshop, Ana saves a new venue, Ben's stale
// form is refused with who and when and a comparison, Ben keeps his, and the Audit log page shows both saves; the
// same for a campaign's e-mail wording, where Ben takes Ana's instead.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appForThisFile } from "./support/appServer";
import { serverAsApp, signInOnPage } from "./support/consoleRound";
import { addOrganiser, signIn } from "../integration/support/consoleClient";
import { workshopWithCampaign } from "../integration/support/consoleFixtures";
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

it("concurrent edit of a campaign's e-mail wording → 409: the stale form compares, and 'Use theirs' shows the saved wording", async () => {
  await addOrganiser(app.server.db, "mele@example.org", "organiser", new Date(), "Mele Fifita");
  await addOrganiser(app.server.db, "tavita@example.org", "organiser", new Date(), "Tavita Leota");
  const { campaign } = await workshopWithCampaign(
    serverAsApp(app.server.url),
    await signIn(serverAsApp(app.server.url), "mele@example.org"),
    {
      title: "Wording in two offices",
      participants: [{ name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" }],
    },
  );
  const openWording = async (email: string) => {
    const page = (await app.phones.open()).page;
    await signInOnPage(page, app.server.url, email);
    await page.goto(`${app.server.url}/console/campaigns/${campaign.campaign.id}`);
    const wording = page.getByTestId("template-invitation");
    await wording.getByText("Invitation e-mail (the office's default)").click();
    return wording;
  };
  const mele = await openWording("mele@example.org");
  const tavita = await openWording("tavita@example.org");

  await mele.getByLabel("Subject").fill("{workshop}: six months on");
  await mele.getByRole("button", { name: "Save the invitation wording" }).click();
  await expect.poll(() => mele.getByRole("status").textContent()).toBe("Invitation wording saved.");

  await tavita.getByLabel("Subject").fill("What came of {workshop}?");
  await tavita.getByRole("button", { name: "Save the invitation wording" }).click();
  const notice = tavita.getByTestId("edit-conflict");
  await notice.waitFor();
  expect(await notice.getByRole("heading").textContent()).toMatch(
    /^Changed by Mele Fifita at \d\d:\d\d — your changes are not saved$/,
  );
  const subjectRow = notice.getByRole("row").filter({ hasText: "Subject" });
  expect(await subjectRow.getByRole("cell").allTextContents()).toEqual([
    "What came of {workshop}?",
    "{workshop}: six months on",
  ]);
  expect(await seriousAxeViolations(tavita.page(), "e-mail wording conflict")).toEqual([]);

  await notice.getByRole("button", { name: "Use theirs" }).click();
  await notice.waitFor({ state: "detached" });
  expect(await tavita.getByLabel("Subject").inputValue()).toBe("{workshop}: six months on");
  expect(await tavita.locator("summary").textContent()).toContain("(this campaign's own)");
  // Taking theirs also takes their version: the next save lands.
  await tavita.getByLabel("Signature").fill("Malo,\nTavita");
  await tavita.getByRole("button", { name: "Save the invitation wording" }).click();
  await expect.poll(() => tavita.getByRole("status").textContent()).toBe("Invitation wording saved.");
  const saved = await app.server.db
    .selectFrom("campaign_message_templates")
    .select(["subject", "signature", "version"])
    .where("campaign_id", "=", campaign.campaign.id)
    .executeTakeFirstOrThrow();
  expect(saved).toEqual({ subject: "{workshop}: six months on", signature: "Malo,\nTavita", version: 2 });
});
