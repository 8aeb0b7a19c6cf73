// A campaign's life on its console page in real Chromium: extending the due date (the day chosen is the day stored,
// never moved through UTC; a day before the opening refused in plain words), deleting one nobody answered, and
// withdrawing one invitation after confirming (its reply kept but left out) and reinstating it.
import { expect, it } from "vitest";
import { campaignDetail } from "../../src/shared/console";
import { appForThisFile } from "./support/appServer";
import { consoleRound, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

// Tonga's clock (UTC+13): a day sent through UTC would land on the day before.
const app = appForThisFile({ phone: { timezoneId: "Pacific/Tongatapu", locale: "en-US" } });

it("an organiser extends the due date on the campaign page; a day before opening is refused", async () => {
  const { page } = app.phone;
  const round = await consoleRound(app.server, "National Workshop on Advance Rulings", [
    { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
  ]);
  const stored = async () =>
    campaignDetail.parse(await (await round.request("GET", `/api/console/campaigns/${round.campaignId}`)).json())
      .campaign.dueOn;
  await signInOnPage(page, app.server.url);
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  const dueDay = page.getByLabel("Due date");
  await expect.poll(() => dueDay.inputValue()).toBe(await stored());

  await dueDay.fill("2024-04-30");
  await page.getByRole("button", { name: "Change the due date" }).click();
  await expect.poll(() => page.getByTestId("campaign-message").textContent()).toBe("Saved.");
  expect(await stored()).toBe("2024-04-30");
  expect(await page.getByTestId("campaign-status").textContent()).toContain("due Apr 30, 2024");

  await dueDay.fill("2023-01-02");
  await page.getByRole("button", { name: "Change the due date" }).click();
  await expect
    .poll(() => page.getByTestId("campaign-message").textContent())
    .toBe("The due date cannot come before the opening day.");
  expect(await stored()).toBe("2024-04-30");

  await page.reload();
  await expect.poll(() => page.getByLabel("Due date").inputValue()).toBe("2024-04-30");
  expect(await seriousAxeViolations(page, "campaign page")).toEqual([]);
});

it("an organiser deletes a campaign nobody replied to, after confirming; its invitation stops working", async () => {
  const { page } = app.phone;
  const round = await consoleRound(
    app.server,
    "Opened by mistake",
    [{ name: "Ana da Costa", administrationCode: "TL", email: "ana.costa@example.org" }],
    "second.organiser@example.org",
  );
  // The page is still signed in from the test above.
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  const deletion = page.getByTestId("campaign-deletion");
  await deletion.getByRole("button", { name: "Delete this campaign…" }).click();
  expect(await seriousAxeViolations(page, "campaign page, confirming deletion")).toEqual([]);
  await deletion.getByRole("button", { name: "Keep it" }).click();
  expect((await round.request("GET", `/api/console/campaigns/${round.campaignId}`)).status).toBe(200);

  await deletion.getByRole("button", { name: "Delete this campaign…" }).click();
  await deletion.getByRole("button", { name: "Delete for good" }).click();
  await page.waitForURL(/\/console\/workshops\//);
  expect((await round.request("GET", `/api/console/campaigns/${round.campaignId}`)).status).toBe(404);
  expect((await round.app.request(`/api/invitations/${round.code("TL")}`)).status).toBe(404);
});

it("an organiser deletes a workshop set up by mistake; one with a reply is refused in plain words", async () => {
  const { page } = app.phone;
  const round = await consoleRound(
    app.server,
    "Typed twice",
    [{ name: "Sela Taufa", administrationCode: "TO", email: "sela.t@example.org" }],
    "third.organiser@example.org",
  );
  const workshopOf = async (r: typeof round) =>
    ((await (await r.request("GET", `/api/console/campaigns/${r.campaignId}`)).json()) as { workshop: { id: string } })
      .workshop.id;
  const workshopId = await workshopOf(round);
  await round.reply("TO", {}, "2024-03-05T09:30:00.000Z");
  await page.goto(`${app.server.url}/console/workshops/${workshopId}`);
  const deletion = page.getByTestId("workshop-deletion");
  await deletion.getByRole("button", { name: "Delete this workshop…" }).click();
  await deletion.getByRole("button", { name: "Delete for good" }).click();
  await expect.poll(() => deletion.getByRole("status").textContent()).toMatch(/have replied, so it cannot be deleted/);

  const empty = await consoleRound(
    app.server,
    "Nobody came",
    [{ name: "Ana da Costa", administrationCode: "TL", email: "ana.c@example.org" }],
    "fourth.organiser@example.org",
  );
  const emptyId = await workshopOf(empty);
  await page.goto(`${app.server.url}/console/workshops/${emptyId}`);
  await deletion.getByRole("button", { name: "Delete this workshop…" }).click();
  await deletion.getByRole("button", { name: "Delete for good" }).click();
  await page.getByRole("heading", { name: "Workshops", exact: true }).waitFor();
  expect((await empty.request("GET", `/api/console/workshops/${emptyId}`)).status).toBe(404);
});

it("an organiser withdraws one invitation after confirming, its reply leaves the count, and reinstates it", async () => {
  const { page } = app.phone;
  const round = await consoleRound(
    app.server,
    "Workshop on Risk Management",
    [
      { name: "Sela Taufa", administrationCode: "TO", email: "sela.w@example.org" },
      { name: "Ana da Costa", administrationCode: "TL", email: "ana.w@example.org" },
    ],
    "fifth.organiser@example.org",
  );
  await round.reply("TO", {}, "2024-03-05T09:30:00.000Z");
  const status = page.getByTestId("campaign-status");
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  await expect.poll(() => status.textContent()).toContain("1 of 2 replied");

  await page.getByRole("button", { name: "Withdraw Sela Taufa's invitation" }).click();
  expect(await seriousAxeViolations(page, "campaign page, confirming a withdrawal")).toEqual([]);
  await page.getByRole("button", { name: "Withdraw it" }).click();
  await expect
    .poll(() => page.getByTestId("campaign-message").textContent())
    .toBe("Sela Taufa's invitation withdrawn.");
  await expect.poll(() => status.textContent()).toContain("0 of 1 replied");
  const refetched = await round.app.request(`/api/invitations/${round.code("TO")}?v=2`);
  expect(((await refetched.json()) as { campaign: { status: string } }).campaign.status).toBe("withdrawn");

  await page.getByRole("button", { name: "Reinstate Sela Taufa's invitation" }).click();
  await page.getByRole("button", { name: "Reinstate it" }).click();
  await expect.poll(() => status.textContent()).toContain("1 of 2 replied");
});
