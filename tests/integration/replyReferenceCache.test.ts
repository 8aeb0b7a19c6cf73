// Replies are checked against cached campaigns, invitations and administration codes: an edit made in the console
// must be seen by the very next reply, and a code that did not exist a moment ago must work once it does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/http/app";
import { DEMO_CAMPAIGN_ID } from "../../src/server/db/seedData";
import { addOrganiser, consoleRequest, loadedVersion, signIn, type SignedIn } from "./support/consoleClient";
import { addCampaign, validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

const errorCode = (result: unknown) => (result as { error?: { code?: string } }).error?.code;

describe.each(ENGINES)("replies see reference data changes at once (%s)", (engine) => {
  const start = new Date("2024-02-01T10:00:00.000Z");
  let clock = start;
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  let me: SignedIn;
  const demoVersion = () => loadedVersion(app, `/api/console/campaigns/${DEMO_CAMPAIGN_ID}`, me);

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, start);
    app = createApp({ db: ctx.db, now: () => clock });
    await addOrganiser(ctx.db, "org@example.org", "organiser", start);
    me = await signIn(app, "org@example.org");
  });
  afterAll(() => ctx.close());

  it("a campaign closed in the console refuses the very next reply, and takes replies again once reopened", async () => {
    expect((await postBatch(app, [validReply()])).results[0].outcome).toBe("stored");
    expect(
      (
        await consoleRequest(app, "PATCH", `/api/console/campaigns/${DEMO_CAMPAIGN_ID}`, me, {
          version: await demoVersion(),
          status: "closed",
        })
      ).status,
    ).toBe(200);
    const refused = await postBatch(app, [validReply()]);
    expect(refused.results[0]).toMatchObject({ outcome: "rejected", status: 422 });
    expect(errorCode(refused.results[0])).toBe("campaign_closed");
    expect(
      (
        await consoleRequest(app, "PATCH", `/api/console/campaigns/${DEMO_CAMPAIGN_ID}`, me, {
          version: await demoVersion(),
          status: "open",
        })
      ).status,
    ).toBe(200);
    expect((await postBatch(app, [validReply()])).results[0].outcome).toBe("stored");
  });

  it("a due date moved into the past, with late replies refused, refuses the very next reply", async () => {
    clock = new Date("2024-02-03T10:00:00.000Z");
    // Console sessions end after a while: sign in again at this later time.
    me = await signIn(app, "org@example.org");
    expect((await postBatch(app, [validReply()])).results[0].outcome).toBe("stored");
    // The seeded campaign opened on 1 Feb; that day has ended everywhere on Earth by the clock above.
    const patched = await consoleRequest(app, "PATCH", `/api/console/campaigns/${DEMO_CAMPAIGN_ID}`, me, {
      version: await demoVersion(),
      dueOn: "2024-02-01",
      lateRepliesAccepted: false,
    });
    expect(patched.status).toBe(200);
    const refused = await postBatch(app, [validReply()]);
    expect(errorCode(refused.results[0])).toBe("campaign_closed");
    expect(
      (
        await consoleRequest(app, "PATCH", `/api/console/campaigns/${DEMO_CAMPAIGN_ID}`, me, {
          version: await demoVersion(),
          lateRepliesAccepted: true,
        })
      ).status,
    ).toBe(200);
    expect((await postBatch(app, [validReply()])).results[0].outcome).toBe("stored");
    clock = start;
    me = await signIn(app, "org@example.org");
  });

  it("an administration added in the console is accepted in the very next reply naming it", async () => {
    const naming = () => validReply({ answers: validAnswers({ administration: "ZQ" }) });
    const before = await postBatch(app, [naming()]);
    expect(errorCode(before.results[0])).toBe("invalid_answers");
    expect(
      (
        await consoleRequest(app, "POST", "/api/console/administrations", me, {
          code: "ZQ",
          name: "Zed Quay",
          subRegion: "pacific-islands",
        })
      ).status,
    ).toBe(201);
    expect((await postBatch(app, [naming()])).results[0].outcome).toBe("stored");
  });

  it("an invitation code tried before it existed works as soon as it is added", async () => {
    const reply = validReply({ campaignId: "test-added-later", invitationCode: "LATER-01" });
    const before = await postBatch(app, [reply]);
    expect(errorCode(before.results[0])).toBe("unknown_campaign");
    await addCampaign(ctx.db, { id: "test-added-later" }, "LATER-01", start);
    expect((await postBatch(app, [reply])).results[0].outcome).toBe("stored");
  });
});
