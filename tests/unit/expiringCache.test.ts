// The reply path's reference cache: one load shared, forgotten on a change, believed only for its time to live.
import { describe, expect, it } from "vitest";
import { ExpiringCache } from "../../src/server/db/referenceCache";

function counting<T>(value: T) {
  const calls = { n: 0 };
  return { calls, load: () => (calls.n++, Promise.resolve(value)) };
}

describe("ExpiringCache", () => {
  it("loads a key once while it is fresh, and again after its time to live", async () => {
    let now = 0;
    const cache = new ExpiringCache<string>(
      () => 0,
      1000,
      () => now,
    );
    const { calls, load } = counting("campaign");
    expect(await cache.get("a", load)).toBe("campaign");
    now = 999;
    await cache.get("a", load);
    expect(calls.n).toBe(1);
    now = 1000;
    await cache.get("a", load);
    expect(calls.n).toBe(2);
  });

  it("loads again once its generation has moved on (a write was made)", async () => {
    let generation = 0;
    const cache = new ExpiringCache<string>(() => generation, 60_000);
    const { calls, load } = counting("campaign");
    await cache.get("a", load);
    generation++;
    await cache.get("a", load);
    expect(calls.n).toBe(2);
  });

  it("never serves a load that began before a write to a caller who asks after it", async () => {
    let generation = 0;
    const cache = new ExpiringCache<string>(() => generation, 60_000);
    let finishOld!: (v: string) => void;
    const old = cache.get("a", () => new Promise<string>((resolve) => (finishOld = resolve)));
    generation++;
    const fresh = cache.get("a", () => Promise.resolve("after the write"));
    finishOld("before the write");
    expect(await old).toBe("before the write");
    expect(await fresh).toBe("after the write");
    expect(await cache.get("a", () => Promise.resolve("a third load"))).toBe("after the write");
  });

  it("keeps nothing for a key that was not found or whose load failed", async () => {
    const cache = new ExpiringCache<string>(() => 0, 60_000);
    expect(await cache.get("a", () => Promise.resolve(undefined))).toBeUndefined();
    expect(await cache.get("a", () => Promise.resolve("added since"))).toBe("added since");
    await expect(cache.get("b", () => Promise.reject(new Error("connection lost")))).rejects.toThrow("connection lost");
    expect(await cache.get("b", () => Promise.resolve("back"))).toBe("back");
  });
});
