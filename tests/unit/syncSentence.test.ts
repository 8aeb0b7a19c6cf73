// The status line never says "sent" about something that is not: derived from one overview of the phone's tables.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { describeSync, retryIn, withBrowserConnection } from "../../src/app/features/home/syncSentence";
import { db } from "../../src/app/store/db";
import { loadSyncOverview, type SyncOverview } from "../../src/app/store/syncOverview";
import { writeSyncStatus } from "../../src/app/store/syncStatus";
import { resetDb } from "./support/fixtures";

const now = new Date("2026-11-20T09:00:00Z");
const overview = (
  o: Partial<SyncOverview> & {
    connection?: SyncOverview["status"]["connection"];
    syncing?: boolean;
    nextAttemptAt?: string;
  },
): SyncOverview => ({
  status: {
    connection: o.connection ?? "online",
    syncing: o.syncing ?? false,
    ...(o.nextAttemptAt ? { nextAttemptAt: o.nextAttemptAt } : {}),
  },
  unsent: o.unsent ?? 0,
  needsAttention: o.needsAttention ?? 0,
  sent: o.sent ?? 0,
  attachments: o.attachments ?? { pending: 0, bytesUploaded: 0, bytesTotal: 0 },
});
const say = (o: Parameters<typeof overview>[0]) => describeSync(overview(o), now, "en");

describe("the status sentence", () => {
  it("says offline as soon as the browser knows it has no network, although the server last answered", () => {
    const o = overview({ connection: "online", unsent: 1 });
    const offline = describeSync(withBrowserConnection(o, false), now, "en");
    expect(offline.tone).toBe("offline");
    expect(offline.text).not.toMatch(/Connected/);
    expect(offline.text).toMatch(/1 reply/);
    // The browser saying it is online proves nothing about our server: the last contact stands.
    expect(withBrowserConnection(overview({ connection: "offline" }), true).status.connection).toBe("offline");
    expect(withBrowserConnection(o, true)).toBe(o);
  });

  it("on a phone that never sent anything, says connected and claims nothing was sent", () => {
    expect(say({})).toEqual({ text: "Connected.", tone: "ok", attention: undefined });
  });

  it("says everything is sent only when replies were sent and none waits, uploads or was refused", () => {
    expect(say({ sent: 1 }).text).toBe("Connected — your reply is sent.");
    expect(say({ sent: 3 }).text).toBe("Connected — all 3 replies are sent.");
    // With the time the last one arrived, in the phone's own zone.
    const previousZone = process.env.TZ;
    process.env.TZ = "Pacific/Tongatapu";
    try {
      expect(describeSync({ ...overview({ sent: 2 }), lastSentAt: "2026-11-19T20:30:00Z" }, now, "en-GB").text).toBe(
        "Connected — all 2 replies are sent (20 Nov, 09:30).",
      );
    } finally {
      if (previousZone === undefined) delete process.env.TZ;
      else process.env.TZ = previousZone;
    }
    expect(say({ sent: 1, needsAttention: 1 })).toEqual({
      text: "Connected.",
      attention: "1 reply needs your attention.",
      tone: "ok",
    });
    expect(say({ sent: 1, unsent: 2 }).text).toBe("Connected — 2 replies waiting to be sent.");
  });

  it("while an attachment uploads, says so with the share of bytes, not 'sent'", () => {
    const text = say({ sent: 1, attachments: { pending: 2, bytesUploaded: 1_572_864, bytesTotal: 3_145_728 } }).text;
    expect(text).toBe("Connected — sending 2 attachments: 50% (1.5 MB of 3.0 MB).");
  });

  it("offline, says what is kept on the phone and when the next try comes, rounded up", () => {
    expect(say({ connection: "offline", unsent: 1, nextAttemptAt: "2026-11-20T09:02:10Z" }).text).toBe(
      "Offline — 1 reply saved on this phone, to be sent when a connection is found. Next try in 3 minutes.",
    );
    expect(say({ connection: "offline", attachments: { pending: 1, bytesUploaded: 0, bytesTotal: 10 } }).text).toBe(
      "Offline — 1 attachment saved on this phone, to be sent when a connection is found.",
    );
    expect(say({ connection: "offline" }).text).toBe(
      "Offline — you can keep working; everything is saved on this phone.",
    );
    expect(say({ connection: "offline" }).tone).toBe("offline");
  });

  it("while sending, and before the first contact", () => {
    expect(say({ syncing: true, unsent: 2 }).text).toBe("Sending 2 replies…");
    expect(say({ connection: "unknown" }).text).toBe("Checking the connection…");
    expect(say({ connection: "unknown", unsent: 1 }).text).toBe("1 reply waiting to be sent.");
  });

  it("retry times count in seconds, minutes, then hours, never earlier than due", () => {
    expect(retryIn("2026-11-20T09:00:40.200Z", now, "en")).toBe("in 41 seconds");
    expect(retryIn("2026-11-20T09:01:00.001Z", now, "en")).toBe("in 2 minutes");
    expect(retryIn("2026-11-20T10:30:00Z", now, "en")).toBe("in 2 hours");
    expect(retryIn(undefined, now)).toBeUndefined();
  });
});

describe("the overview read from the phone", () => {
  beforeEach(async () => {
    await resetDb();
  });

  it("counts outbox states, and only the attachments of submitted replies as waiting to upload", async () => {
    const reply = (id: string) => ({
      id,
      campaignId: "c",
      invitationCode: "DEMO-TO1",
      questionnaireId: "follow-up",
      questionnaireVersion: 2,
      answers: {},
      startedAt: now.toISOString(),
      submittedAt: now.toISOString(),
      appVersion: "test",
    });
    await db.outbox.bulkPut([
      { id: "r-sent", state: "sent", reply: reply("r-sent"), queuedAt: now.toISOString(), attempts: 1 },
      { id: "r-wait", state: "waiting", reply: reply("r-wait"), queuedAt: now.toISOString(), attempts: 0 },
      { id: "r-bad", state: "needs_attention", reply: reply("r-bad"), queuedAt: now.toISOString(), attempts: 1 },
    ] as never);
    const file = {
      type: "application/pdf",
      size: 1000,
      bytesUploaded: 250,
      addedAt: now.toISOString(),
      name: "report.pdf",
    };
    await db.attachments.bulkPut([
      { ...file, id: "a1", replyId: "r-sent", state: "uploading" },
      { ...file, id: "a2", replyId: "a-draft", state: "on_phone" },
      { ...file, id: "a3", replyId: "r-sent", state: "uploaded", bytesUploaded: 1000 },
    ]);
    await writeSyncStatus({ connection: "online", syncing: false }, db);
    expect(await loadSyncOverview(db)).toEqual({
      status: { connection: "online", syncing: false },
      unsent: 1,
      needsAttention: 1,
      sent: 1,
      attachments: { pending: 1, bytesUploaded: 250, bytesTotal: 1000 },
    });
  });
});
