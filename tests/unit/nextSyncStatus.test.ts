// The status record a run leaves, case by case: what the UI's status line is built from.
import { describe, expect, it } from "vitest";
import { nextSyncStatus, type StatusInputs } from "../../src/app/sync/nextSyncStatus";
import type { SyncStatus } from "../../src/app/store/syncStatus";

const NOW = new Date("2026-11-20T08:00:00.000Z");
const EARLIER: SyncStatus = {
  connection: "online",
  syncing: true,
  lastContactAt: "2026-11-19T08:00:00.000Z",
  lastSyncAt: "2026-11-19T07:00:00.000Z",
  nextAttemptAt: "2026-11-19T09:00:00.000Z",
  lastProblem: "old problem",
};
const answered: StatusInputs = { contact: true, unreachable: false, retry: false, waiting: 0 };
const noAnswer: StatusInputs = { contact: false, unreachable: true, retry: true, waiting: 2 };

describe("the sync status after a run", () => {
  it("a run that reached the server with nothing left is online and synced now, with no problem or next attempt", () => {
    expect(nextSyncStatus(EARLIER, answered, NOW)).toEqual({
      connection: "online",
      syncing: false,
      lastContactAt: NOW.toISOString(),
      lastSyncAt: NOW.toISOString(),
    });
  });

  it("a run that reached no one is offline, keeps the earlier contact and sync times, and says when it tries again", () => {
    expect(nextSyncStatus(EARLIER, { ...noAnswer, problem: "The server took too long to answer." }, NOW, 4000)).toEqual(
      {
        connection: "offline",
        syncing: false,
        lastContactAt: EARLIER.lastContactAt,
        lastSyncAt: EARLIER.lastSyncAt,
        nextAttemptAt: "2026-11-20T08:00:04.000Z",
        lastProblem: "The server took too long to answer.",
      },
    );
  });

  it("contact with replies still waiting is not a completed sync", () => {
    const status = nextSyncStatus(EARLIER, { ...answered, retry: true, waiting: 1 }, NOW, 2000);
    expect(status.lastContactAt).toBe(NOW.toISOString());
    expect(status.lastSyncAt).toBe(EARLIER.lastSyncAt);
  });

  it("contact that leaves nothing to retry but replies of others waiting is not a completed sync either", () => {
    expect(nextSyncStatus(EARLIER, { ...answered, waiting: 3 }, NOW).lastSyncAt).toBe(EARLIER.lastSyncAt);
  });

  it("a run that reached no one is never a completed sync, even with nothing queued", () => {
    const nothingQueued: StatusInputs = { contact: false, unreachable: true, retry: false, waiting: 0 };
    expect(nextSyncStatus(EARLIER, nothingQueued, NOW).lastSyncAt).toBe(EARLIER.lastSyncAt);
    expect(nextSyncStatus({ connection: "unknown", syncing: true }, nothingQueued, NOW)).not.toHaveProperty(
      "lastSyncAt",
    );
  });

  it("contact with no reply waiting but something else to retry (an attachment) is not a completed sync", () => {
    expect(nextSyncStatus(EARLIER, { ...answered, retry: true, waiting: 0 }, NOW, 2000).lastSyncAt).toBe(
      EARLIER.lastSyncAt,
    );
  });

  it("a run that neither reached the server nor found it unreachable keeps the connection it knew", () => {
    const failedInside: StatusInputs = {
      contact: false,
      unreachable: false,
      retry: true,
      waiting: 1,
      problem: "IndexedDB is closed",
    };
    expect(nextSyncStatus({ connection: "unknown", syncing: true }, failedInside, NOW)).toEqual({
      connection: "unknown",
      syncing: false,
      lastProblem: "IndexedDB is closed",
    });
    expect(nextSyncStatus(EARLIER, failedInside, NOW).connection).toBe("online");
  });

  it("a first run with no earlier times leaves them out rather than empty", () => {
    const status = nextSyncStatus({ connection: "unknown", syncing: false }, noAnswer, NOW);
    expect(status).toEqual({ connection: "offline", syncing: false });
    expect(Object.keys(status)).toEqual(["connection", "syncing"]);
  });

  it("a retry with no delay is still an attempt, due now", () => {
    expect(nextSyncStatus(EARLIER, noAnswer, NOW, 0).nextAttemptAt).toBe(NOW.toISOString());
  });
});
