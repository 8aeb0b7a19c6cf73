// Two organisers publishing feedback for the same campaign never overwrite each other: a publish names the version
// its form was loaded with (0 before the first); a stale one gets 409 changed_elsewhere, nothing published.
import { beforeAll, describe, expect, it } from "vitest";
import { auditLogPage } from "../../src/shared/auditLog";
import { changedElsewhereAnswer } from "../../src/shared/editConflicts";
import { consoleFeedback, feedbackVersionList } from "../../src/shared/feedback";
import { consoleRequest, type SignedIn } from "./support/consoleClient";
import { seededConsole, signedInOrganiser } from "./support/consoleFixtures";
import { workshopWithReply } from "./support/curationFixtures";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("optimistic concurrency of feedback to participants (%s)", (engine) => {
  let clock = new Date("2026-12-03T10:41:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser" });
  let ana: SignedIn;
  let ben: SignedIn;
  let campaignId = "";

  const path = (rest = "") => `/api/console/campaigns/${campaignId}/feedback${rest}`;
  const feedback = (title: string, version: number) => ({
    title,
    message: `About ${title}`,
    tables: [1],
    quoteIds: [],
    version,
  });
  const versions = async () =>
    feedbackVersionList.parse(await (await consoleRequest(seeded.app, "GET", path("/versions"), ana)).json()).versions;
  const auditRows = async () =>
    auditLogPage
      .parse(await (await consoleRequest(seeded.app, "GET", "/api/console/audit-log", ana)).json())
      .entries.filter((e) => e.entityType === "feedback" && e.entityId === campaignId);

  beforeAll(async () => {
    ana = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ana@example.org", "organiser", "Ana Tui");
    ben = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ben@example.org", "organiser", "Ben Kalo");
    campaignId = (await workshopWithReply(seeded.app, ana)).campaign.campaign.id;
  });

  it("the first publish from version 0 lands as version 1 and is audited with what was published", async () => {
    const res = await consoleRequest(seeded.app, "PUT", path(), ana, feedback("Ana's news", 0));
    expect(res.status).toBe(200);
    expect(consoleFeedback.parse(await res.json())).toMatchObject({ title: "Ana's news", version: 1 });
    const rows = await auditRows();
    expect(rows.map((r) => [r.accountName, r.action])).toEqual([["Ana Tui", "create"]]);
    expect(rows[0].changes.title).toEqual({ after: "Ana's news" });
  });

  it("a stale publish is refused 409 changed_elsewhere with the feedback as published, and publishes nothing", async () => {
    clock = new Date("2026-12-03T11:05:00.000Z");
    // Ben's form was loaded before Ana's first publish.
    const res = await consoleRequest(seeded.app, "PUT", path(), ben, feedback("Ben's news", 0));
    expect(res.status).toBe(409);
    const answer = changedElsewhereAnswer.parse(await res.json());
    expect(answer.error.message).toBe("Changed by Ana Tui at 2026-12-03 10:41 UTC — your changes are not saved.");
    expect(answer.current).toMatchObject({ title: "Ana's news", message: "About Ana's news", version: 1 });
    expect((await versions()).map((v) => v.title)).toEqual(["Ana's news"]);
    expect(await auditRows()).toHaveLength(1);

    // "Keep mine": the same publish over the version just shown lands, and the log says what changed.
    const again = await consoleRequest(seeded.app, "PUT", path(), ben, feedback("Ben's news", 1));
    expect(consoleFeedback.parse(await again.json())).toMatchObject({ title: "Ben's news", version: 2 });
    const [newest] = await auditRows();
    expect(newest).toMatchObject({ accountName: "Ben Kalo", action: "update" });
    expect(newest.changes.title).toEqual({ before: "Ana's news", after: "Ben's news" });
  });

  it("of publishes racing from the same version exactly one lands, and only it is kept and audited", async () => {
    const answers = await Promise.all(
      [ana, ben, ana, ben].map((who, i) => consoleRequest(seeded.app, "PUT", path(), who, feedback(`Take ${i}`, 2))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.findIndex((r) => r.status === 200);
    expect((await versions()).map((v) => [v.version, v.title])).toEqual([
      [3, `Take ${winner}`],
      [2, "Ben's news"],
      [1, "Ana's news"],
    ]);
    expect(await auditRows()).toHaveLength(3);
  });

  it("unpublishing is audited and keeps the count: the next publish names the last version published", async () => {
    expect((await consoleRequest(seeded.app, "DELETE", path(), ben)).status).toBe(204);
    expect((await auditRows())[0]).toMatchObject({ accountName: "Ben Kalo", action: "delete" });
    expect((await consoleRequest(seeded.app, "PUT", path(), ana, feedback("Back", 0))).status).toBe(409);
    const res = await consoleRequest(seeded.app, "PUT", path(), ana, feedback("Back", 3));
    expect(consoleFeedback.parse(await res.json())).toMatchObject({ title: "Back", version: 4 });
  });

  it("a publish without the version it was loaded with is refused 400, nothing published", async () => {
    const { version: _none, ...withoutVersion } = feedback("No version", 0);
    expect((await consoleRequest(seeded.app, "PUT", path(), ana, withoutVersion)).status).toBe(400);
    expect((await versions())[0].title).toBe("Back");
  });
});
