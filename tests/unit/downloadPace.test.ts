// Download pace and the metered-link warning: when "waiting for connection" replaces a time left, and when to ask first.
import { describe, expect, it } from "vitest";
import {
  BIG_DOWNLOAD_BYTES,
  STALL_NOTICE_MS,
  downloadPace,
  meteredReason,
  warningBeforeDownload,
} from "../../src/app/sync/downloadPace";

const NOW = Date.parse("2026-11-20T08:00:00Z");

describe("download pace", () => {
  it("gives a time left while bytes keep arriving", () => {
    expect(
      downloadPace({ remainingBytes: 500_000, bytesPerSecond: 50_000, lastByteAt: NOW - 400, now: NOW, online: true }),
    ).toEqual({ kind: "moving", bytesPerSecond: 50_000, secondsLeft: 10 });
  });

  it("says waiting once no byte arrived for the stall notice time, however fast the link was", () => {
    const input = { remainingBytes: 500_000, bytesPerSecond: 50_000, now: NOW, online: true };
    expect(downloadPace({ ...input, lastByteAt: NOW - STALL_NOTICE_MS + 1 }).kind).toBe("moving");
    expect(downloadPace({ ...input, lastByteAt: NOW - STALL_NOTICE_MS })).toEqual({ kind: "waiting" });
  });

  it("says waiting when the phone is offline, even right after a byte", () => {
    expect(
      downloadPace({ remainingBytes: 1, bytesPerSecond: 50_000, lastByteAt: NOW, now: NOW, online: false }),
    ).toEqual({ kind: "waiting" });
  });

  it("says waiting when no request is running (between retries)", () => {
    expect(downloadPace({ remainingBytes: 1, bytesPerSecond: 50_000, now: NOW, online: true })).toEqual({
      kind: "waiting",
    });
  });

  it("shows no time left before a speed is known", () => {
    expect(downloadPace({ remainingBytes: 1, lastByteAt: NOW, now: NOW, online: true })).toEqual({ kind: "moving" });
  });
});

describe("metered link warning", () => {
  const big = BIG_DOWNLOAD_BYTES + 1;

  it.each([
    [{ type: "cellular" }, "cellular"],
    [{ type: "wifi", saveData: true }, "data-saver"],
    [{ type: "wifi", effectiveType: "2g" }, "slow"],
    [{ effectiveType: "slow-2g" }, "slow"],
    [{ effectiveType: "3g" }, undefined],
    [{ type: "wifi", effectiveType: "4g" }, undefined],
    [undefined, undefined],
  ] as const)("a link described as %j counts as %s", (connection, reason) => {
    expect(meteredReason(connection)).toBe(reason);
  });

  it("warns with the size before a big download on a cellular link", () => {
    expect(warningBeforeDownload(big, { type: "cellular" })).toEqual({ bytes: big, reason: "cellular" });
  });

  it("lets a small single file go without asking, but asks before saving a whole workshop", () => {
    expect(warningBeforeDownload(BIG_DOWNLOAD_BYTES, { type: "cellular" })).toBeUndefined();
    expect(warningBeforeDownload(3_000, { type: "cellular" }, { wholeWorkshop: true })).toEqual({
      bytes: 3_000,
      reason: "cellular",
    });
  });

  it("never asks on an unmetered link, or when nothing is left to download", () => {
    expect(warningBeforeDownload(big, { type: "wifi", effectiveType: "4g" }, { wholeWorkshop: true })).toBeUndefined();
    expect(warningBeforeDownload(0, { type: "cellular" }, { wholeWorkshop: true })).toBeUndefined();
  });
});
