import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../src/app/store/db";
import {
  addInhouseSession,
  countInhouseSessions,
  deleteInhouseSession,
  listInhouseSessions,
} from "../../src/app/store/inhouseLog";
import { readMetaValue, writeMetaValue } from "../../src/app/store/meta";
import { addRelayedReply, countRelayedRepliesToDeliver, listRelayedReplies } from "../../src/app/store/relayedReplies";
import { relayedReplyFile, signRelayedReply } from "../../src/shared/relay";
import { validReply } from "../integration/support/replyFixtures";
import { resetDb } from "./support/fixtures";

const RELAY_KEY = Buffer.alloc(32, 7).toString("base64");
const ID_1 = "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e51";
const ID_2 = "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e52";

/** A reply file as read from disk and checked, the way DeliverRepliesPage hands it over. */
const signedFile = async (id: string) => relayedReplyFile.parse(await signRelayedReply(validReply({ id }), RELAY_KEY));

const session = (date: string, topic: string) => ({ date, topic, attendees: 3, materialIds: [] });

beforeEach(resetDb);

describe("the in-house log", () => {
  it("lists sessions by the day they took place, either way round, and counts them", async () => {
    await addInhouseSession(session("2023-09-10", "later"));
    await addInhouseSession(session("2023-08-01", "earlier"));
    expect((await listInhouseSessions("oldest_first")).map((s) => s.topic)).toEqual(["earlier", "later"]);
    expect((await listInhouseSessions("newest_first")).map((s) => s.topic)).toEqual(["later", "earlier"]);
    expect(await countInhouseSessions()).toBe(2);
  });

  it("gives each session its own id and the time it was recorded, and deletes one by id", async () => {
    const first = await addInhouseSession(session("2023-08-01", "a"), new Date("2023-08-02T10:00:00Z"));
    const second = await addInhouseSession(session("2023-08-01", "b"));
    expect(first.id).not.toBe(second.id);
    expect(first.createdAt).toBe("2023-08-02T10:00:00.000Z");
    await deleteInhouseSession(first.id);
    expect((await listInhouseSessions("oldest_first")).map((s) => s.topic)).toEqual(["b"]);
  });
});

describe("reply files to deliver for others", () => {
  it("adds a file once, waiting; the same file again is already added", async () => {
    const file = await signedFile(ID_1);
    expect(await addRelayedReply(file, new Date("2026-11-24T08:00:00Z"))).toBe("added");
    expect(await addRelayedReply(file)).toBe("already_added");
    expect(await db.relayedReplies.toArray()).toEqual([
      { id: ID_1, file, state: "waiting", addedAt: "2026-11-24T08:00:00.000Z" },
    ]);
  });

  it("lists the newest reply first and counts only those still to deliver", async () => {
    await addRelayedReply(await signedFile(ID_1));
    await addRelayedReply(await signedFile(ID_2));
    expect((await listRelayedReplies()).map((r) => r.id)).toEqual([ID_2, ID_1]);
    expect(await countRelayedRepliesToDeliver()).toBe(2);
    await db.relayedReplies.update(ID_1, { state: "delivered" });
    await db.relayedReplies.update(ID_2, { state: "sending" });
    expect(await countRelayedRepliesToDeliver()).toBe(1);
  });
});

describe("the app's own facts", () => {
  it("reads back what was written under a key, and nothing under another", async () => {
    await writeMetaValue("pdfViewerKept", "build-1");
    await writeMetaValue("pdfViewerKept", "build-2");
    expect(await readMetaValue("pdfViewerKept")).toBe("build-2");
    expect(await readMetaValue("other")).toBeUndefined();
  });
});
