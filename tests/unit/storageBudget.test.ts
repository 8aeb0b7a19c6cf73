// Whether a save fits: the browser's estimate against the bytes still to fetch, counted from what the phone holds; and the request to keep it.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChunkStore } from "../../src/app/store/chunkStore";
import { db, type BlobState, type MaterialFile } from "../../src/app/store/db";
import { PERSIST_META_KEY } from "../../src/app/store/persistentStorage";
import type { Sha256Hex } from "../../src/shared/materials";
import { formatBytes } from "../../src/app/store/library";
import {
  browserStorage,
  createStorageBudget,
  refusalIfTooBig,
  spaceNeeded,
  type StorageManagerLike,
} from "../../src/app/sync/storageBudget";
import { materialFileRow, resetDb } from "./support/fixtures";
import { materialFor } from "./support/fakeMaterialsServer";
import { fakeClock } from "./support/fakePlatform";

beforeEach(async () => {
  await resetDb();
});

const MB = 1024 * 1024;

describe("storage budget", () => {
  it("bytes that fit exactly are not refused", () => {
    expect(refusalIfTooBig(10 * MB, { usage: 5 * MB, quota: 15 * MB })).toBeUndefined();
  });

  it("bytes that do not fit are refused with what is needed and what is free", () => {
    expect(refusalIfTooBig(10 * MB + 1, { usage: 5 * MB, quota: 15 * MB })).toMatchObject({
      ok: false,
      reason: "not_enough_space",
      neededBytes: 10 * MB + 1,
      availableBytes: 10 * MB,
    });
  });

  it("the refusal's sentence names both sizes, for a screen that has no wording of its own", () => {
    const message = refusalIfTooBig(10 * MB + 1, { usage: 5 * MB, quota: 15 * MB })?.message;
    expect(message).toContain(formatBytes(10 * MB + 1));
    expect(message).toContain(formatBytes(10 * MB));
  });

  it("usage above the quota counts as no room, never as negative room", () => {
    expect(refusalIfTooBig(1, { usage: 20 * MB, quota: 15 * MB })).toMatchObject({ availableBytes: 0 });
  });

  it("a browser that gives no quota is not second-guessed", () => {
    expect(refusalIfTooBig(10 * MB, { usage: 5 * MB })).toBeUndefined();
  });
});

describe("the browser's storage", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is navigator.storage where the browser has it, and nothing where it has no Storage API or no navigator", () => {
    const storage = { estimate: async () => ({}), persist: async () => true };
    vi.stubGlobal("navigator", { storage });
    expect(browserStorage()).toBe(storage);
    vi.stubGlobal("navigator", {});
    expect(browserStorage()).toBeUndefined();
    vi.stubGlobal("navigator", undefined);
    expect(browserStorage()).toBeUndefined();
  });
});

const file = (sha256: string, state: BlobState, storedBytes: number): MaterialFile =>
  materialFileRow(sha256, { state, storedBytes, size: 1000 });

/** A store holding these rows, and only answering `file` (what the budget reads). */
function storeOf(...rows: MaterialFile[]): ChunkStore {
  const bySha = new Map(rows.map((row) => [row.sha256, row]));
  return { file: async (sha: string) => bySha.get(sha) } as ChunkStore;
}

const material = (id: string, sha256: string, size = 1000) =>
  materialFor(id, new Uint8Array(0), { sha256: sha256 as Sha256Hex, size });

describe("space needed", () => {
  it("a file not on the phone needs its size; a complete one nothing; a partial one the rest; a failed one all of it", async () => {
    const store = storeOf(file("b", "complete", 1000), file("c", "downloading", 300), file("d", "failed", 300));
    expect(await spaceNeeded([material("1", "a", 1000)], store)).toBe(1000);
    expect(await spaceNeeded([material("2", "b")], store)).toBe(0);
    expect(await spaceNeeded([material("3", "c")], store)).toBe(700);
    expect(await spaceNeeded([material("4", "d")], store)).toBe(1000);
  });

  it("two materials sharing one file count it once, and a row holding more than the size needs nothing, never less", async () => {
    const store = storeOf(file("c", "paused", 1200));
    expect(await spaceNeeded([material("1", "a", 400), material("2", "a", 400)], store)).toBe(400);
    expect(await spaceNeeded([material("1", "a", 400), material("3", "c")], store)).toBe(400);
  });
});

describe("storage budget of a save", () => {
  const clock = fakeClock();
  const persistence = () => {
    const calls = { estimate: 0, persist: 0 };
    const storage = (free: number | Error): StorageManagerLike => ({
      async estimate() {
        calls.estimate += 1;
        if (free instanceof Error) throw free;
        return { usage: 0, quota: free };
      },
      async persist() {
        calls.persist += 1;
        return true;
      },
    });
    return { calls, storage };
  };

  it("a save that does not fit is refused with the bytes still missing", async () => {
    const { storage } = persistence();
    const budget = createStorageBudget(storage(500), storeOf(file("c", "downloading", 300)), clock, db);
    expect(await budget.refusalFor([material("1", "c")])).toMatchObject({ neededBytes: 700, availableBytes: 500 });
    expect(await budget.refusalFor([material("1", "c", 800)])).toBeUndefined();
  });

  it("nothing missing, or no Storage API, asks the browser nothing and refuses nothing", async () => {
    const { calls, storage } = persistence();
    const budget = createStorageBudget(storage(0), storeOf(file("b", "complete", 1000)), clock, db);
    expect(await budget.refusalFor([material("1", "b")])).toBeUndefined();
    expect(calls.estimate).toBe(0);
    const withoutApi = createStorageBudget(undefined, storeOf(), clock, db);
    expect(await withoutApi.refusalFor([material("1", "a")])).toBeUndefined();
    await withoutApi.keepSaved();
    expect(await db.meta.get(PERSIST_META_KEY)).toBeUndefined();
  });

  it("an estimate that fails is not a refusal", async () => {
    const { storage } = persistence();
    const budget = createStorageBudget(storage(new Error("no estimate")), storeOf(), clock, db);
    expect(await budget.refusalFor([material("1", "a")])).toBeUndefined();
  });

  it("keeping a save asks the browser to persist, and records when, by the budget's clock", async () => {
    const { calls, storage } = persistence();
    await createStorageBudget(storage(0), storeOf(), clock, db).keepSaved();
    expect(calls.persist).toBe(1);
    expect(await db.meta.get(PERSIST_META_KEY)).toMatchObject({
      value: { at: clock.now().toISOString(), granted: true },
    });
  });
});
