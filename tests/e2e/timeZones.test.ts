// Calendar days on phones from UTC−11 to UTC+14: the campaign's due day and an in-house session's day show as
// entered, and at 09:30 local time the date field offers (and allows) the local today, not UTC's yesterday.
import { beforeAll, describe, expect, it } from "vitest";
import { appForThisFile } from "./support/appServer";
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
