// The browser is asked to keep the phone's data as soon as there is a draft, and a refusal is remembered and shown.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../src/app/store/db";
import {
  ASK_AGAIN_AFTER_MS,
  ensurePersistentStorage,
  lastPersistenceAnswer,
  type PersistentStorageSource,
} from "../../src/app/store/persistentStorage";
import { resetDb } from "./support/fixtures";

function fakeStorage(answer: boolean | Error): PersistentStorageSource & { asked: number; granted: boolean } {
  return {
    asked: 0,
    granted: false,
    async persist() {
      this.asked += 1;
      if (answer instanceof Error) throw answer;
      this.granted = answer;
      return answer;
    },
    async persisted() {
      return this.granted;
    },
  };
}

const t0 = new Date("2026-11-20T09:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(async () => {
  await resetDb();
});

describe("persistent storage", () => {
  it("asks once; once granted it only checks persisted() and never asks again", async () => {
    const storage = fakeStorage(true);
    expect(await lastPersistenceAnswer(db)).toBeUndefined();
    expect(await ensurePersistentStorage(storage, t0, db)).toBe("granted");
    expect(await ensurePersistentStorage(storage, later(60_000), db)).toBe("granted");
    expect(storage.asked).toBe(1);
    expect(await lastPersistenceAnswer(db)).toBe("granted");
  });

  it("remembers a refusal, does not pester within a day, and asks again after one", async () => {
    const storage = fakeStorage(false);
    expect(await ensurePersistentStorage(storage, t0, db)).toBe("refused");
    expect(await ensurePersistentStorage(storage, later(ASK_AGAIN_AFTER_MS - 1), db)).toBe("refused");
    expect(storage.asked).toBe(1);
    expect(await lastPersistenceAnswer(db)).toBe("refused");
    expect(await ensurePersistentStorage(storage, later(ASK_AGAIN_AFTER_MS), db)).toBe("refused");
    expect(storage.asked).toBe(2);
  });

  it("a browser that throws counts as refusing, and one without the API as unsupported", async () => {
    expect(await ensurePersistentStorage(fakeStorage(new Error("SecurityError")), t0, db)).toBe("refused");
    expect(await lastPersistenceAnswer(db)).toBe("refused");
    expect(await ensurePersistentStorage(undefined, t0, db)).toBe("unsupported");
  });

  it("a grant made later by the browser (app installed) is noticed without asking", async () => {
    const storage = fakeStorage(false);
    await ensurePersistentStorage(storage, t0, db);
    storage.granted = true;
    expect(await ensurePersistentStorage(storage, later(1000), db)).toBe("granted");
    expect(storage.asked).toBe(1);
    expect(await lastPersistenceAnswer(db)).toBe("granted");
  });
});
