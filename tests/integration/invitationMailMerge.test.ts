// Without SMTP the office sends invitations from its own mail program: a mail-merge CSV of every invitation
// (name, e-mail, administration, code, personal link, due date) for any signed-in account.
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/shared/csv";
import type { CampaignDetail } from "../../src/shared/console";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { workshopWithReply } from "./support/curationFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("invitations as a mail-merge CSV (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  let campaign: CampaignDetail;

  beforeAll(async () => {
    ({ campaign } = await workshopWithReply(seeded.app, seeded.me));
  });

  it("lists every invitation with its personal link, code and due date, as an attachment", async () => {
    const res = await consoleRequest(
      seeded.app,
      "GET",
      `/api/console/campaigns/${campaign.campaign.id}/invitations.csv`,
      seeded.viewer,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="invitations-.+\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    // A byte order mark, so a spreadsheet reads the names' accents.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const [header, ...rows] = parseCsv(text).map((r) => r.fields);
    expect(header).toEqual(["name", "email", "administration", "position", "code", "link", "due_date", "replied"]);
    expect(rows).toEqual(
      campaign.invitations.map((i) => [
        i.participantName,
        i.email,
        i.administrationCode,
        "",
        i.code,
        i.link,
        "10 March 2024",
        i.administrationCode === "TO" ? "yes" : "no",
      ]),
    );
  });

  it("needs a session (401) and a campaign that exists (404)", async () => {
    expect(
      (
        await consoleRequest(
          seeded.app,
          "GET",
          `/api/console/campaigns/${campaign.campaign.id}/invitations.csv`,
          undefined,
        )
      ).status,
    ).toBe(401);
    const missing = await consoleRequest(
      seeded.app,
      "GET",
      "/api/console/campaigns/no-such/invitations.csv",
      seeded.me,
    );
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("campaign_not_found");
  });
});
