// A phone's database made by an earlier release (any of versions 1–6, declared one by one back then) opens with
// today's single declaration of the whole schema, keeping what it holds and gaining the tables added since.
import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, expect, it } from "vitest";
import { OutriggerDb } from "../../src/app/store/db";

const NAME = "outrigger-upgrade-test";

afterEach(() => Dexie.delete(NAME));

/** The database as release 1 created it: its seven tables, one draft in it. */
async function makeVersionOneDatabase(): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores({
    campaigns: "invitationCode, campaign.id",
    workshops: "id",
    questionnaires: "key",
    administrations: "code",
    drafts: "id, invitationCode, campaignId",
    outbox: "id, state, reply.invitationCode, reply.campaignId",
    meta: "key",
  });
  await old.table("drafts").put({ id: "d1", invitationCode: "DEMO-TO1", campaignId: "c1", answers: { name: "Sione" } });
  old.close();
}

it("upgrades a release-1 database in place: its draft kept, the later tables there and indexed", async () => {
  await makeVersionOneDatabase();
  const db = new OutriggerDb(NAME);
  expect(await db.drafts.get("d1")).toMatchObject({ answers: { name: "Sione" } });
  expect(await db.drafts.where("invitationCode").equals("DEMO-TO1").count()).toBe(1);
  await db.attachments.put({ id: "a1", replyId: "r1", state: "waiting" } as never);
  expect(await db.attachments.where("replyId").equals("r1").count()).toBe(1);
  expect(db.verno).toBe(6);
  expect(db.tables.map((t) => t.name).sort()).toHaveLength(17);
  db.close();
});
