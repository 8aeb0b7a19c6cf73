// Imports as an office has them, clicked through in real Chromium: a new workshop copied from last year's set-up, a
// registration export whose columns the organiser maps, one line corrected and one skipped in the preview, the warning
// for an administration not among the workshop's, the mapping remembered for the next file, and one reply read in full.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { consoleWorkshop } from "../../src/shared/console";
import { addOrganiser, consoleRequest, signIn } from "../integration/support/consoleClient";
import { validAnswers, validReply } from "../integration/support/replyFixtures";
import { postBatch } from "../integration/support/requests";
import { appForThisFile } from "./support/appServer";
import { serverAsApp, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: { locale: "en-GB" } });
const LAST_YEAR = "Sub-regional Workshop on Coordinated Border Management 2022";
const THIS_YEAR = "Sub-regional Workshop on Coordinated Border Management 2023";

/** The office's registration system names its columns its own way; none of ours but Position is recognised. */
const EXPORT_HEADERS = "Delegate,Contact e-mail,Delegation,Position,Registered on";
const FIRST_EXPORT = [
  EXPORT_HEADERS,
  "Mere Tuilagi,mere@example.org,Independent State of Samoa,Customs officer,2023-07-01",
  "Sione Vea,sione(at)example.org,Kingdom of Tonga,Valuation,2023-07-02",
  "TEST ENTRY - ignore,,,,2023-07-02",
  "Litia Naivalu,litia@example.org,Republic of Fiji,Audit team lead,2023-07-03",
  "Jean Kalsakau,jean@example.org,Vanuatu,Observer,2023-07-03",
].join("\n");
/** A later export from the same system: the same headers, spaced and cased differently. */
const SECOND_EXPORT = [
  "DELEGATE, Contact E-mail ,delegation,position,Registered On",
  "Tavita Leota,tavita@example.org,Samoa,Border police liaison,2023-07-20",
].join("\n");

async function chooseColumn(page: Page, header: string, target: string): Promise<void> {
  await page.getByLabel(`Column “${header}”`).selectOption({ label: target });
}

it("column-mapped import with a fixed line: copied set-up, mapped export, corrected and skipped lines, remembered mapping, one reply in full", async () => {
  const { page } = app.phone;
  const api = serverAsApp(app.server.url);
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date(), "Ana Tui");
  const me = await signIn(api, "ana@example.org");
  const lastYear = await consoleRequest(api, "POST", "/api/console/workshops", me, {
    title: LAST_YEAR,
    kind: "sub-regional",
    mode: "hybrid",
    startsOn: "2022-09-05",
    endsOn: "2022-09-09",
    location: "Nadi, Fiji",
    administrationCodes: ["FJ", "TO", "WS"],
  });
  expect(lastYear.status).toBe(201);

  // A new workshop from last year's set-up: kind, mode, place and administrations come along; title and dates do not.
  await signInOnPage(page, app.server.url);
  await page.getByLabel("Copy from…").selectOption({ label: `${LAST_YEAR} (FY 2022/23)` });
  expect(await page.locator("#w-kind").inputValue()).toBe("sub-regional");
  expect(await page.locator("#w-mode").inputValue()).toBe("hybrid");
  expect(await page.getByLabel("Host and place").inputValue()).toBe("Nadi, Fiji");
  expect(await page.getByLabel("Title").inputValue()).toBe("");
  expect(await page.getByLabel("First day").inputValue()).toBe("");
  expect(await seriousAxeViolations(page, "add a workshop, copied from last year")).toEqual([]);
  await page.getByLabel("Title").fill(THIS_YEAR);
  await page.getByLabel("First day").fill("2023-08-14");
  await page.getByLabel("Last day").fill("2023-08-18");
  await page.getByRole("button", { name: "Add workshop" }).click();
  await page.getByRole("heading", { name: THIS_YEAR }).waitFor();
  const workshopId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  const copied = consoleWorkshop.parse(
    await (await consoleRequest(api, "GET", `/api/console/workshops/${workshopId}`, me)).json(),
  );
  expect({ ...copied, administrationCodes: [...copied.administrationCodes].sort() }).toMatchObject({
    kind: "sub-regional",
    mode: "hybrid",
    location: "Nadi, Fiji",
    startsOn: "2023-08-14",
    administrationCodes: ["FJ", "TO", "WS"],
  });

  // The export's headers are not ours: the organiser says which column holds what.
  await page.getByLabel("Or paste the rows").fill(FIRST_EXPORT);
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByLabel("Column “Delegate”").waitFor();
  await chooseColumn(page, "Delegate", "Name");
  await chooseColumn(page, "Contact e-mail", "E-mail");
  await chooseColumn(page, "Delegation", "Administration");
  await chooseColumn(page, "Position", "Position");
  await page.getByRole("button", { name: "Check" }).click();
  const summary = page.getByTestId("csv-summary");
  await expect.poll(() => summary.textContent()).toBe("3 rows ready, 2 with problems, 0 skipped.");
  expect(await page.getByTestId("csv-ignored").textContent()).toBe("Columns not imported: Registered on.");
  // Vanuatu is a member, just not at this workshop: said, not refused.
  expect(await page.getByText("Line 6:").textContent()).toContain("VU is not among this workshop's administrations");
  expect(await page.getByRole("button", { name: /^Import/ }).isDisabled()).toBe(true);
  expect(await seriousAxeViolations(page, "import preview with mapped columns")).toEqual([]);

  // Line 3's address is corrected here, not in the file; line 4 is a test entry, left out.
  await page.getByText("Correct line 3").click();
  await page.getByLabel("E-mail (line 3)").fill("sione@example.org");
  await page.getByRole("button", { name: "Check line 3 again" }).click();
  await expect.poll(() => page.getByText("Line 3 (corrected):").textContent()).toContain("no problems left");
  await page.getByLabel("Skip line 4").check();
  await expect.poll(() => summary.textContent()).toBe("4 rows ready, 0 with problems, 1 skipped.");
  await page.getByRole("button", { name: "Import 4 participants" }).click();
  await expect.poll(() => page.getByTestId("participants").locator("tbody tr").count()).toBe(4);

  // The next export from the same system is read with the same columns, without choosing again.
  await page.getByLabel("Or paste the rows").fill(SECOND_EXPORT);
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByTestId("mapping-remembered").waitFor();
  expect(await page.getByLabel("Column “DELEGATE”").inputValue()).toBe("name");
  expect(await page.getByLabel("Column “delegation”").inputValue()).toBe("administration");
  await expect.poll(() => summary.textContent()).toBe("1 rows ready, 0 with problems, 0 skipped.");
  await page.getByRole("button", { name: "Import 1 participants" }).click();
  await expect.poll(() => page.getByTestId("participants").locator("tbody tr").count()).toBe(5);

  const stored = await app.server.db
    .selectFrom("participants")
    .select(["name", "email", "administration_code", "position"])
    .where("workshop_id", "=", workshopId)
    .orderBy("email")
    .execute();
  expect(stored).toEqual([
    { name: "Jean Kalsakau", email: "jean@example.org", administration_code: "VU", position: "Observer" },
    { name: "Litia Naivalu", email: "litia@example.org", administration_code: "FJ", position: "Audit team lead" },
    { name: "Mere Tuilagi", email: "mere@example.org", administration_code: "WS", position: "Customs officer" },
    { name: "Sione Vea", email: "sione@example.org", administration_code: "TO", position: "Valuation" },
    { name: "Tavita Leota", email: "tavita@example.org", administration_code: "WS", position: "Border police liaison" },
  ]);

  // A campaign and one reply from a phone in Tonga; the organiser reads it in full from the campaign page.
  const opened = await consoleRequest(api, "POST", `/api/console/workshops/${workshopId}/campaigns`, me, {});
  expect(opened.status).toBe(201);
  const campaign = (await opened.json()) as {
    campaign: { id: string };
    invitations: { code: string; email: string }[];
  };
  const sione = campaign.invitations.find((i) => i.email === "sione@example.org")!;
  const batch = await postBatch(api, [
    validReply({
      campaignId: campaign.campaign.id,
      invitationCode: sione.code,
      answers: validAnswers({ name: "Sione Vea", administration: "TO", email: "sione@example.org" }),
    }),
  ]);
  expect(batch.results.map((r) => r.outcome)).toEqual(["stored"]);
  await page.goto(`${app.server.url}/console/campaigns/${campaign.campaign.id}`);
  await page.getByRole("link", { name: "Read Sione Vea's reply" }).click();
  await page.getByRole("heading", { name: "Reply from Sione Vea" }).waitFor();
  expect(await page.getByTestId("reply-counts").textContent()).toBe("Counts in the report.");
  expect(await page.locator('[data-question="application"]').textContent()).toContain(
    "removed a duplicate document check",
  );
  expect(await seriousAxeViolations(page, "one reply in full")).toEqual([]);
});
