// An office's overview in real Chromium: the workshops list shows a workshop's dates, venue, campaign state and
// reply rate; a dashboard row leads to its campaign; with replies on one day only, the chart shows that day's count.
import { expect, it } from "vitest";
import { formatCalendarDate } from "../../src/shared/calendarDate";
import { addOrganiser, signIn } from "../integration/support/consoleClient";
import { workshopWithCampaign } from "../integration/support/consoleFixtures";
import { validAnswers, validReply } from "../integration/support/replyFixtures";
import { postBatch } from "../integration/support/requests";
import { appForThisFile } from "./support/appServer";
import { serverAsApp, signInOnPage } from "./support/consoleRound";

const app = appForThisFile({ phone: { locale: "en-GB" } });
const TITLE = "Sub-regional Workshop on Post-Clearance Audit";

it("the workshops list shows dates, venue, campaign state and reply rate; a dashboard row opens its campaign; one day of replies is one labelled bar", async () => {
  const { page } = app.phone;
  const api = serverAsApp(app.server.url);
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
  const me = await signIn(api, "ana@example.org");
  const { campaign, code } = await workshopWithCampaign(api, me, {
    title: TITLE,
    startsOn: "2023-08-14",
    endsOn: "2023-08-18",
    location: "Suva, Fiji",
    participants: [
      { name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" },
      { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
    ],
  });
  const batch = await postBatch(api, [
    validReply({
      campaignId: campaign.campaign.id,
      invitationCode: code("FJ"),
      answers: validAnswers({ administration: "FJ", name: "Mereani Tuilau" }),
    }),
  ]);
  expect(batch.results.map((r) => r.outcome)).toEqual(["stored"]);
  // The server counts a reply on the UTC day it arrived.
  const replyDay = formatCalendarDate(new Date().toISOString().slice(0, 10), "en-GB");

  await signInOnPage(page, app.server.url);
  const row = page.getByTestId("console-workshop").filter({ hasText: TITLE });
  await row.waitFor();
  const cells = await row.locator("td").allTextContents();
  expect(cells.slice(1)).toEqual([
    "14 Aug 2023 – 18 Aug 2023",
    "Suva, Fiji",
    // Opened six months after the workshop and long past its due day: late replies are still welcome.
    `Open for late replies (was due ${formatCalendarDate(campaign.campaign.dueOn, "en-GB")})`,
    "1 of 2 · 50%",
  ]);
  expect(await page.getByRole("columnheader").allTextContents()).toEqual(
    expect.arrayContaining(["Dates", "Venue", "Follow-up campaign", "Replies"]),
  );

  await page.getByRole("link", { name: "Replies for FY 2023/24" }).click();
  await page.getByTestId("tracking").waitFor();
  expect(await page.getByTestId("tracking").getByRole("columnheader").allTextContents()).toContain(
    "Reply rate per invited participant",
  );
  const chart = page.getByTestId("replies-chart");
  expect(await chart.locator("figcaption").textContent()).toBe(`1 reply, on ${replyDay}.`);
  expect(await chart.locator("svg rect.chart-bar").count()).toBe(1);
  expect(await chart.locator("svg text").allTextContents()).toEqual(["1", replyDay]);

  await page.getByTestId("tracking").getByRole("link", { name: TITLE }).click();
  await page.getByRole("heading", { name: "Follow-up campaign" }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/console/campaigns/${campaign.campaign.id}`);
});

it("says there are no replies yet on a dashboard whose year has none", async () => {
  const { page } = app.phone;
  await page.goto(`${app.server.url}/console/replies/2030-31`);
  await page.getByTestId("tracking").waitFor();
  await page.getByText("No replies yet.").waitFor();
  expect(await page.getByTestId("replies-chart").count()).toBe(0);
});
