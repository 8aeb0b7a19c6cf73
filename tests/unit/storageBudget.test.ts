// Whether a save fits: the browser's estimate against the bytes still to fetch.
import { describe, expect, it } from "vitest";
import { refusalIfTooBig } from "../../src/app/sync/storageBudget";

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

  it("usage above the quota counts as no room, never as negative room", () => {
    expect(refusalIfTooBig(1, { usage: 20 * MB, quota: 15 * MB })).toMatchObject({ availableBytes: 0 });
  });

  it("a browser that gives no quota is not second-guessed", () => {
    expect(refusalIfTooBig(10 * MB, { usage: 5 * MB })).toBeUndefined();
  });
});
