// An earlier round's replies imported in a real Chromium: previewed, imported, then this year's report compares
// with it and the trends show it, with its sub-region.
import { v7 as uuidv7 } from "uuid";
import { expect, it } from "vitest";
import { parseCsv } from "../../src/shared/csv";
import { toCsv } from "../../src/server/report/exports";
import { appForThisFile } from "./support/appServer";
import { consoleRound, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

// The organiser works from Tonga (UTC+13): a campaign day must begin at midnight there, not at UTC's.
const app = appForThisFile({ phone: { timezoneId: "Pacific/Tongatapu" }, closePhones: "afterAll" });

it("an earlier round's replies.csv imported on the Past years page changes the comparison lines and the trends", async () => {
  const { page } = app.phone;
  // This year (FY 2023/24): one workshop with one reply from Fiji.
  const round = await consoleRound(app.server, "Sub-regional Workshop on Risk Management", [
    { name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" },
  ]);
  await round.reply("FJ", {}, "2024-03-05T09:30:00.000Z");
  // Last year's round, as another server would have exported it: this year's file with last year's workshop.
  const exported = parseCsv(await (await round.request("GET", "/api/console/report/2023-24/replies.csv")).text());
  const header = exported[0].fields;
  const row = [...exported[1].fields];
  const set = (column: string, value: string) => (row[header.indexOf(column)] = value);
  set("Reply id", uuidv7());
  set("Workshop", "Regional Workshop on Customs Valuation");
  set("Invitation code", "EARLIER-P1");
  set("Submitted at", "2023-05-10T08:00:00.000Z");
  set("Received at", "2023-05-10T08:05:00.000Z");
  set("Workshop kind", "regional");
  set("Workshop month", "2022-11");
  set("Participating administrations", "4");
  set("Invited participants", "2");
  const csv = toCsv([header, row]);

  await signInOnPage(page, app.server.url);
  await page.goto(`${app.server.url}/console/past-years`);
  await page.getByRole("heading", { name: "Import an earlier round's replies" }).waitFor();
  await page.getByLabel("Fiscal year of the round (July–June), e.g. 2020/21").fill("2022/23");
  await page
    .getByLabel("Replies file (.csv or .xlsx)")
    .setInputFiles({ name: "earlier-replies.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const preview = page.getByTestId("earlier-round-preview");
  await preview.waitFor({ timeout: 30_000 });
  expect(await preview.textContent()).toContain("1 replies for FY 2022/23; 1 workshop(s) to add.");
  await page.getByRole("button", { name: "Import these replies" }).click();
  await expect
    .poll(() => page.getByTestId("earlier-round-status").textContent(), { timeout: 30_000 })
    .toBe("FY 2022/23: 1 replies imported, 0 already here, 1 workshop(s) added.");
  expect(await seriousAxeViolations(page, "past years with an import")).toEqual([]);

  await page.goto(`${app.server.url}/console/report/2023-24`);
  const comparison = page.getByTestId("year-comparison");
  await comparison.waitFor();
  // FY 2022/23 also holds the seeded demo workshops (139 administrations, no replies): 1 reply of 143 is 1%, not 0%.
  expect(await comparison.locator("li").allTextContents()).toContain(
    "Reply rate (per administration): 1% in 2022/23 → 100% in 2023/24",
  );

  await page.goto(`${app.server.url}/console/trends`);
  await page.getByRole("heading", { name: "Trends across years" }).waitFor();
  await page.getByRole("heading", { name: "Pacific Islands" }).waitFor();
  expect(await page.textContent("main")).toContain("FY 2022/23: 1 replies, computed from its replies");
  expect(await seriousAxeViolations(page, "trends per sub-region")).toEqual([]);
}, 180_000);

it("a workshop known only by its month and a count gets a campaign opening from the month, at the organiser's midnight", async () => {
  const { page } = app.phone;
  const round = await consoleRound(
    app.server,
    "Another workshop",
    [{ name: "Sione Tupou", administrationCode: "TO", email: "sione@example.org" }],
    "month@example.org",
  );
  const created = await round.request("POST", "/api/console/workshops", {
    title: "Regional Workshop on Customs Valuation (2020)",
    kind: "regional",
    mode: "virtual",
    month: "2020-11",
    participatingAdministrations: 17,
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(
    (
      await round.request("POST", `/api/console/workshops/${id}/participants`, {
        name: "Sela Fifita",
        administrationCode: "TO",
        email: "sela@example.org",
      })
    ).status,
  ).toBe(201);

  await page.goto(`${app.server.url}/console/workshops/${id}`);
  await page.getByRole("heading", { name: "Regional Workshop on Customs Valuation (2020)" }).waitFor();
  await page.getByRole("button", { name: "Open a follow-up campaign" }).click();
  await page.waitForURL(/\/console\/campaigns\//, { timeout: 30_000 });
  // Midnight in Tonga on 31 May 2021, six months after the end of November 2020 (not 00:00 UTC, the server's default).
  const localMidnight = "2021-05-30T11:00:00.000Z";
  const listed = (await (await round.request("GET", `/api/console/workshops/${id}/campaigns`)).json()) as {
    campaigns: { opensAt: string; dueOn: string }[];
  };
  expect(listed.campaigns).toHaveLength(1);
  expect(listed.campaigns[0]).toMatchObject({ opensAt: localMidnight, dueOn: "2021-06-21" });
}, 180_000);
