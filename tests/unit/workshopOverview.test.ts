// The workshops list's words for a workshop's dates, its campaign's state and its reply rate.
import { describe, expect, it } from "vitest";
import type { WorkshopCampaignFigures } from "../../src/shared/console";
import { deletionRefusal } from "../../src/app/features/console/deletionRefusal";
import {
  campaignState,
  replyRate,
  workshopDates,
  workshopMonth,
} from "../../src/app/features/console/workshopOverview";

const campaign = (changes: Partial<WorkshopCampaignFigures> = {}): WorkshopCampaignFigures => ({
  id: "c1",
  status: "open",
  opensAt: "2026-02-08T00:00:00.000Z",
  dueOn: "2026-03-01",
  lateRepliesAccepted: true,
  invited: 12,
  replied: 5,
  ...changes,
});

describe("the workshops list's overview words", () => {
  it("shows a workshop's first and last day as calendar days, one day alone, and a dash without dates", () => {
    expect(workshopDates("2025-08-04", "2025-08-08", "en-GB")).toBe("4 Aug 2025 – 8 Aug 2025");
    expect(workshopDates("2025-08-04", "2025-08-04", "en-GB")).toBe("4 Aug 2025");
    expect(workshopDates("2025-08-04", null, "en-GB")).toBe("4 Aug 2025");
    expect(workshopDates(undefined, undefined, "en-GB")).toBe("—");
  });

  it("writes a workshop's month out in the console's language, the same month in every time zone", () => {
    expect(workshopMonth("2023-08", "en-GB")).toBe("August 2023");
    expect(workshopMonth("2023-01", "fr-FR")).toBe("janvier 2023");
    expect(workshopMonth("sometime", "en-GB")).toBe("sometime");
  });

  it("words a refused deletion from the catalogue by its code, and keeps the server's sentence for any other", () => {
    const refusal = deletionRefusal({ code: "workshop_has_replies", message: "server words" });
    expect(refusal).toMatch(/^Participants of this workshop have replied/);
    expect(deletionRefusal({ code: "forbidden", message: "Only organisers may do this." })).toBe(
      "Only organisers may do this.",
    );
  });

  it("words the reply rate as replied of invited with a whole percentage", () => {
    expect(replyRate(campaign())).toBe("5 of 12 · 42%");
    expect(replyRate(campaign({ replied: 0, invited: 3 }))).toBe("0 of 3 · 0%");
    expect(replyRate(campaign({ invited: 0, replied: 0 }))).toBe("—");
    expect(replyRate(undefined)).toBe("—");
  });

  it("names the campaign's state: none, scheduled, open, late, past due, closed, withdrawn", () => {
    const before = new Date("2026-02-01T00:00:00.000Z");
    const during = new Date("2026-02-20T00:00:00.000Z");
    const after = new Date("2026-03-05T00:00:00.000Z");
    expect(campaignState(undefined, during)).toBe("No campaign yet");
    expect(campaignState(campaign(), before, "en-GB")).toMatch(/^Scheduled: opens \d+ Feb 2026$/);
    expect(campaignState(campaign(), during, "en-GB")).toBe("Open: due 1 Mar 2026");
    expect(campaignState(campaign(), after, "en-GB")).toBe("Open for late replies (was due 1 Mar 2026)");
    expect(campaignState(campaign({ lateRepliesAccepted: false }), after, "en-GB")).toBe(
      "Past its due day (1 Mar 2026)",
    );
    expect(campaignState(campaign({ status: "closed" }), during)).toBe("Closed");
    expect(campaignState(campaign({ status: "withdrawn" }), during)).toBe("Withdrawn");
  });
});
