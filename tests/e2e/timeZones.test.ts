// Calendar days on phones from UTC−11 to UTC+14: the campaign's due day and an in-house session's day show as
// entered, and at 09:30 local time the date field offers (and allows) the local today, not UTC's yesterday; an
// organiser in Tonga who opens a campaign on a day gets that day, from Tonga's midnight.
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignDetail } from "../../src/shared/console";
import { appForThisFile } from "./support/appServer";
import { consoleRound, signInOnPage } from "./support/consoleRound";
import { joinByLink } from "./support/participantFlow";

const app = appForThisFile();

// 09:30 on 20 Nov 2026 where each phone is, as an instant.
const NINE_THIRTY_LOCAL_ON_20_NOV: Record<string, string> = {
  "Pacific/Fiji": "2026-11-19T21:30:00Z",
  "Pacific/Tongatapu": "2026-11-19T20:30:00Z",
  "Pacific/Apia": "2026-11-19T20:30:00Z",
  "Pacific/Kiritimati": "2026-11-19T19:30:00Z",
  "Asia/Kathmandu": "2026-11-20T03:45:00Z",
  "Pacific/Pago_Pago": "2026-11-20T20:30:00Z",
};

beforeAll(async () => {
  // A due day the organiser chose; before, it travelled as 20 Dec 23:59:59 UTC and showed as 21 Dec east of UTC+0.
  await app.server.db.updateTable("campaigns").set({ due_on: "2026-12-20" }).execute();
});

describe("calendar days on the participant's phone", () => {
  it.each(Object.entries(NINE_THIRTY_LOCAL_ON_20_NOV))(
    "in %s the campaign is due on 20 Dec, and an in-house session is dated from the local today",
    async (timezoneId, nineThirty) => {
      const { page } = await app.phones.open({ timezoneId, locale: "en-GB" });
      await joinByLink(page, app.url, "DEMO-TO1");
      expect(await page.locator(".survey-head").textContent()).toContain("Reply by 20 Dec 2026");
      await page.goto(`${app.url}/`);
      expect(await page.getByTestId("campaign-card").textContent()).toContain("reply by 20 Dec 2026");

      await page.clock.setFixedTime(new Date(nineThirty));
      await page.goto(`${app.url}/inhouse`);
      expect(await page.getByLabel("Date").inputValue()).toBe("2026-11-20");
      expect(await page.getByLabel("Date").getAttribute("max")).toBe("2026-11-20");
      await page.getByLabel("Topic").fill("Valuation refresher");
      await page.getByLabel("Number of attendees").fill("9");
      await page.getByRole("button", { name: "Save session" }).click();
      await expect.poll(() => page.getByTestId("inhouse-session").textContent()).toContain("20 Nov 2026");
      expect(await page.getByTestId("inhouse-saved").textContent()).toContain("Valuation refresher, 20 Nov 2026");
    },
  );
});

describe("calendar days in the organiser's console", () => {
  it("an organiser in Tonga opening a campaign on 10 Jan sees it open on 10 Jan, from Tonga's midnight", async () => {
    const round = await consoleRound(app.server, "Workshop on Post-Clearance Audit", [
      { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
    ]);
    const first = (await (
      await round.request("GET", `/api/console/campaigns/${round.campaignId}`)
    ).json()) as CampaignDetail;
    const { page } = await app.phones.open({ timezoneId: "Pacific/Tongatapu", locale: "en-GB" });
    await signInOnPage(page, app.url);
    await page.goto(`${app.url}/console/workshops/${first.workshop.id}`);
    await page.getByText("Other questionnaire version, dates or rules").click();
    await page.getByLabel("Opens on (optional)").fill("2027-01-10");
    await page.getByRole("button", { name: "Open a follow-up campaign" }).click();
    await expect.poll(() => page.getByTestId("campaign-status").textContent()).toMatch(/^Opens 10 Jan 2027/);
    const opened = /\/console\/campaigns\/([^/]+)$/.exec(page.url())![1];
    const detail = (await (await round.request("GET", `/api/console/campaigns/${opened}`)).json()) as CampaignDetail;
    // Tonga is UTC+13 in January: its 10 Jan begins at 11:00 UTC on 9 Jan (UTC midnight would be 13:00 there).
    expect(detail.campaign.opensAt).toBe("2027-01-09T11:00:00.000Z");
  });
});
