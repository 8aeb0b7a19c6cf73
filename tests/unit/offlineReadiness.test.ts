// Offline readiness: one derived state, "ready" only when the service worker stored the app shell and every
// joined workshop's questionnaire and materials list is on the phone.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { loadStoredForOffline } from "../../src/app/store/offlineReadiness";
import { deriveOfflineReadiness, type ShellProgress } from "../../src/shared/offlineReadiness";
import { invitation, resetDb } from "./support/fixtures";

beforeEach(resetDb);

const ALL_STORED = { items: 2, stored: 2 };

describe("deriving offline readiness", () => {
  it("is not ready while the service worker is still storing the shell, even with every workshop's data on the phone", () => {
    expect(deriveOfflineReadiness({ state: "installing", done: 9, total: 10 }, ALL_STORED)).toEqual({
      kind: "getting-ready",
      percent: 91,
    });
    expect(deriveOfflineReadiness({ state: "starting" }, ALL_STORED).kind).toBe("getting-ready");
  });

  it("is not ready with the shell stored while a workshop's materials list is missing", () => {
    expect(deriveOfflineReadiness({ state: "ready" }, { items: 2, stored: 1 })).toEqual({
      kind: "getting-ready",
      percent: 66,
    });
  });

  it("is not ready before the phone's data has been read, and with the shell stored says no percentage meanwhile", () => {
    expect(deriveOfflineReadiness({ state: "ready" }, undefined)).toEqual({ kind: "checking" });
    expect(deriveOfflineReadiness({ state: "installing", done: 1, total: 4 }, undefined).kind).toBe("getting-ready");
  });

  it("is ready once the shell is stored and every questionnaire and materials list is on the phone", () => {
    expect(deriveOfflineReadiness({ state: "ready" }, ALL_STORED)).toEqual({ kind: "ready" });
    expect(deriveOfflineReadiness({ state: "ready" }, { items: 0, stored: 0 })).toEqual({ kind: "ready" });
  });

  it("never says 100% before it is ready, and counts only what is stored", () => {
    const shells: ShellProgress[] = [
      { state: "starting" },
      { state: "installing", done: 0, total: 4 },
      { state: "installing", done: 4, total: 4 },
    ];
    const percents = shells.map((shell) => deriveOfflineReadiness(shell, ALL_STORED));
    expect(percents).toEqual([
      { kind: "getting-ready", percent: 66 },
      { kind: "getting-ready", percent: 33 },
      { kind: "getting-ready", percent: 99 },
    ]);
  });

  it("says nothing can be made ready where no service worker can run", () => {
    expect(deriveOfflineReadiness({ state: "unavailable" }, ALL_STORED)).toEqual({ kind: "unavailable" });
  });
});

describe("what a joined workshop has on the phone", () => {
  it("counts the questionnaire stored at join, and the materials list only once it is stored", async () => {
    await saveInvitation(invitation());
    expect(await loadStoredForOffline()).toEqual({ items: 2, stored: 1 });
    await db.manifests.put({
      workshopId: "ws-2023-rkc",
      version: "v1",
      fetchedAt: "2023-06-02T08:00:00Z",
      materials: [],
    });
    expect(await loadStoredForOffline()).toEqual({ items: 2, stored: 2 });
  });

  it("has nothing to wait for before any invitation is opened", async () => {
    expect(await loadStoredForOffline()).toEqual({ items: 0, stored: 0 });
  });
});
