// One transfer: what it makes of an HTTP answer and its headers, how it stores the body in chunks, and how cuts, stalls, stops and full storage end it.
// Kept whole past 300 lines: every case drives the one transferFile through the same scripted answer and fake store.
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it, vi } from "vitest";
import { FileRemovedError, type ChunkProgress, type ChunkStore } from "../../src/app/store/chunkStore";
import type { BlobChunk } from "../../src/app/store/db";
import {
  announcedSize,
  isQuotaError,
  nextSpeed,
  parseContentRange,
  planForAnswer,
  transferFile,
  type TransferControl,
} from "../../src/app/sync/fileTransfer";
import { materialFileRow } from "./support/fixtures";
import { fakeClock } from "./support/fakePlatform";

describe("plan for an answer", () => {
  it("a 206 from the stored offset continues the stored bytes", () => {
    expect(planForAnswer(206, "bytes 1000-1999/2000", 1000)).toBe("append");
  });

  it("a 206 from 0 when bytes are stored replaces them; from elsewhere, or without a readable range, asks again", () => {
    expect(planForAnswer(206, "bytes 0-1999/2000", 1000)).toBe("replace");
    expect(planForAnswer(206, "bytes 500-1999/2000", 1000)).toBe("refetch");
    expect(planForAnswer(206, null, 1000)).toBe("refetch");
  });

  it("a 200 replaces stored bytes, or is simply the file when none are stored", () => {
    expect(planForAnswer(200, null, 1000)).toBe("replace");
    expect(planForAnswer(200, null, 0)).toBe("append");
  });

  it("416 is corrupt, 401 and 403 are refusals, 404 is gone, anything else is tried later", () => {
    expect([416, 401, 403, 404, 500, 302].map((status) => planForAnswer(status, null, 1000))).toEqual([
      "corrupt",
      "not_allowed",
      "not_allowed",
      "gone",
      "retry",
      "retry",
    ]);
  });
});

describe("speed", () => {
  it("the first chunk sets the speed; later ones weigh 30% in a rounded moving average", () => {
    expect(nextSpeed(undefined, 1000, 0.5)).toBe(2000);
    expect(nextSpeed(2000, 1000, 1)).toBe(1700);
  });

  it("a chunk that took no measurable time keeps the speed as it was", () => {
    expect(nextSpeed(1234, 1000, 0)).toBe(1234);
    expect(nextSpeed(undefined, 1000, 0)).toBeUndefined();
  });
});

describe("reading an answer's headers", () => {
  it("a Content-Range gives its start, end and total; a * total is left out; anything else is unreadable", () => {
    expect(parseContentRange(" Bytes 10-19/20 ")).toEqual({ start: 10, end: 19, total: 20 });
    expect(parseContentRange("bytes 10-19/*")).toEqual({ start: 10, end: 19 });
    for (const header of [null, "", "bytes 10-19", "bytes 10-19/20 extra", "items 10-19/20", "xbytes 1-2/3"])
      expect(parseContentRange(header)).toBeUndefined();
  });

  it("the announced size is a 206's total, or a plain answer's offset plus an uncompressed numeric length", () => {
    const answer = (status: number, headers: Record<string, string>) => new Response("x", { status, headers });
    expect(announcedSize(answer(206, { "Content-Range": "bytes 5-9/10", "Content-Length": "5" }), 5)).toBe(10);
    expect(announcedSize(answer(206, { "Content-Length": "5" }), 5)).toBeUndefined();
    expect(announcedSize(answer(200, { "Content-Length": "10" }), 3)).toBe(13);
    expect(announcedSize(answer(200, { "Content-Length": "10", "Content-Encoding": "gzip" }), 0)).toBeUndefined();
    expect(announcedSize(answer(200, { "Content-Length": "10 " }), 0)).toBe(10);
    expect(announcedSize(answer(200, { "Content-Length": "1e3" }), 0)).toBeUndefined();
    expect(announcedSize(new Response(new ReadableStream(), { status: 200 }), 0)).toBeUndefined();
  });

  it("a quota error is known by its name, or by the name of the error Dexie wrapped", () => {
    expect(isQuotaError(new DOMException("full", "QuotaExceededError"))).toBe(true);
    expect(isQuotaError({ name: "AbortError", inner: { name: "QuotaExceededError" } })).toBe(true);
    expect(isQuotaError({ name: "AbortError", inner: { name: "AbortError" } })).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

/** One transfer against a scripted answer, with the chunk store's writes and the request recorded. */
function transferOn(
  answer: (init: RequestInit) => Response | Promise<Response>,
  options: { size?: number; storedBytes?: number; append?: (chunk: BlobChunk) => void } = {},
) {
  const clock = fakeClock();
  const size = options.size ?? 10;
  const appended: Array<{ index: number; offset: number; bytes: number; storedBytes: number; chunkCount: number }> = [];
  const storedData: Blob[] = [];
  /** Each write's bytesPerSecond; "none" when the write left the stored speed alone, "undefined written" when it wrote an empty one. */
  const speeds: Array<number | "none" | "undefined written"> = [];
  const received: number[] = [];
  const requests: Array<{ url: string; headers: Record<string, string>; cache?: RequestCache }> = [];
  const store = {
    async append(chunk: BlobChunk, progress: ChunkProgress) {
      options.append?.(chunk);
      storedData.push(chunk.data);
      speeds.push("bytesPerSecond" in progress ? (progress.bytesPerSecond ?? "undefined written") : "none");
      appended.push({
        index: chunk.index,
        offset: chunk.offset,
        bytes: chunk.data.size,
        storedBytes: progress.storedBytes,
        chunkCount: progress.chunkCount,
      });
    },
  } as ChunkStore;
  const control: TransferControl = { controller: new AbortController() };
  let startedOver = 0;
  const storedBytes = options.storedBytes ?? 0;
  const run = () =>
    transferFile(
      {
        fetch: async (url, init) => {
          requests.push({ url: String(url), headers: init?.headers as Record<string, string>, cache: init?.cache });
          return answer(init ?? {});
        },
        baseUrl: "https://outrigger.test",
        clock,
        store,
        chunkBytes: 4,
        stallTimeoutMs: 5000,
      },
      {
        control,
        row: materialFileRow("f".repeat(64), { size, storedBytes, state: "downloading" }),
        invitationCode: "CODE-1",
        progress: { hasher: sha256.create(), storedBytes, chunkCount: storedBytes > 0 ? 1 : 0 },
        startOver: async () => {
          startedOver += 1;
          return { hasher: sha256.create(), storedBytes: 0, chunkCount: 0 };
        },
        stored: () => undefined,
        received: (bytes) => received.push(bytes),
      },
    );
  const storedBytesContent = async () => new Uint8Array(await new Blob(storedData).arrayBuffer());
  return {
    run,
    appended,
    requests,
    control,
    clock,
    speeds,
    received,
    storedBytesContent,
    startedOver: () => startedOver,
  };
}

/** The bytes 1, 2, 3… of a file, so bytes joined in the wrong order or lost show. */
const fileBytes = (from: number, count: number) => Uint8Array.from({ length: count }, (_, i) => (from + i + 1) % 256);

/**
 * A body handing out these pieces of the file's bytes, then ending, erroring, or sending nothing more ("hang").
 * Given the request's signal it errors on abort, as a fetch's body does; without it, it ignores the abort.
 */
function body(pieces: number[], end: "close" | "error" | "hang" = "close", signal?: AbortSignal) {
  let next = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        signal?.addEventListener("abort", () => controller.error(new DOMException("Aborted", "AbortError")), {
          once: true,
        });
      },
      async pull(controller) {
        if (next < pieces.length) {
          controller.enqueue(fileBytes(sent, pieces[next]));
          sent += pieces[next++];
          return;
        }
        if (end === "close") return controller.close();
        if (end === "error") return controller.error(new TypeError("network connection lost"));
        await new Promise<never>(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

describe("one transfer", () => {
  it("asks with the invitation, no cache, and a Range only when bytes are stored; writes as soon as chunkBytes are gathered, and the rest at the end", async () => {
    const fresh = transferOn(() => new Response(body([4, 3, 3]), { status: 200 }));
    expect(await fresh.run()).toMatchObject({ outcome: "received", progress: { storedBytes: 10, chunkCount: 2 } });
    expect(fresh.requests).toEqual([
      {
        url: `https://outrigger.test/api/blobs/${"f".repeat(64)}`,
        headers: { Authorization: "Invitation CODE-1" },
        cache: "no-store",
      },
    ]);
    expect(fresh.appended).toEqual([
      { index: 0, offset: 0, bytes: 4, storedBytes: 4, chunkCount: 1 },
      { index: 1, offset: 4, bytes: 6, storedBytes: 10, chunkCount: 2 },
    ]);

    const resumed = transferOn(
      () => new Response(body([4]), { status: 206, headers: { "Content-Range": "bytes 6-9/10" } }),
      { storedBytes: 6 },
    );
    expect(await resumed.run()).toMatchObject({ outcome: "received" });
    expect(resumed.requests[0].headers).toEqual({ Authorization: "Invitation CODE-1", Range: "bytes=6-" });
    expect(resumed.appended).toEqual([{ index: 1, offset: 6, bytes: 4, storedBytes: 10, chunkCount: 2 }]);
  });

  it("an answer announcing another size is corrupt and nothing of it is stored", async () => {
    const t = transferOn(() => new Response(body([4, 4, 2]), { status: 200, headers: { "Content-Length": "11" } }));
    expect(await t.run()).toEqual({ outcome: "corrupt" });
    expect(t.appended).toEqual([]);
  });

  it("a body longer than the file is corrupt, though no size was announced", async () => {
    const t = transferOn(() => new Response(body([4, 4, 4]), { status: 200 }));
    expect(await t.run()).toEqual({ outcome: "corrupt" });
    // The excess arrives while 3 bytes wait to be written: they count too.
    const gathering = transferOn(() => new Response(body([3, 8]), { status: 200 }));
    expect(await gathering.run()).toEqual({ outcome: "corrupt" });
    expect(gathering.appended).toEqual([]);
  });

  it("a body exactly the file's size, in one piece, is received", async () => {
    const t = transferOn(() => new Response(body([10]), { status: 200 }));
    expect(await t.run()).toMatchObject({ outcome: "received" });
  });

  it("a body that ends early, or a cut connection, keeps the bytes that came and asks for the rest later", async () => {
    const short = transferOn(() => new Response(body([3, 2]), { status: 200 }));
    expect(await short.run()).toEqual({ outcome: "network" });
    expect(short.appended.map((a) => a.storedBytes)).toEqual([5]);
    const cut = transferOn(() => new Response(body([3, 2], "error"), { status: 200 }));
    expect(await cut.run()).toEqual({ outcome: "network" });
    expect(cut.appended.map((a) => a.storedBytes)).toEqual([5]);
  });

  it("a 200 over stored bytes starts over; a 404 is gone without reading or starting over", async () => {
    const whole = transferOn(() => new Response(body([10]), { status: 200 }), { storedBytes: 6 });
    expect(await whole.run()).toMatchObject({ outcome: "received" });
    expect(whole.startedOver()).toBe(1);
    expect(whole.appended).toEqual([{ index: 0, offset: 0, bytes: 10, storedBytes: 10, chunkCount: 1 }]);
    const gone = transferOn(() => new Response(body([10]), { status: 404 }), { storedBytes: 6 });
    expect(await gone.run()).toEqual({ outcome: "gone" });
    expect(gone.startedOver()).toBe(0);
    const refetch = transferOn(
      () => new Response(body([4]), { status: 206, headers: { "Content-Range": "bytes 3-9/10" } }),
      { storedBytes: 6 },
    );
    expect(await refetch.run()).toEqual({ outcome: "again" });
    expect(refetch.startedOver()).toBe(1);
  });

  it("a failed request is a network problem, or stopped when the participant stopped it", async () => {
    const failing = transferOn(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await failing.run()).toEqual({ outcome: "network" });
    const paused = transferOn(() => Promise.reject(new DOMException("Aborted", "AbortError")));
    paused.control.stop = "pause";
    expect(await paused.run()).toEqual({ outcome: "stopped" });
    const cancelled = transferOn(() => Promise.reject(new DOMException("Aborted", "AbortError")));
    cancelled.control.stop = "cancel";
    expect(await cancelled.run()).toEqual({ outcome: "stopped" });
  });

  it("an answer that stops sending is aborted by the stall timer and counts as a cut connection", async () => {
    const t = transferOn((init) => new Response(body([3], "hang", init.signal ?? undefined), { status: 200 }));
    const result = t.run();
    await vi.waitFor(() => expect(t.clock.pending().filter((timer) => timer.ms === 5000)).toHaveLength(1));
    await vi.waitFor(() => expect(t.clock.timers.length).toBeGreaterThanOrEqual(2));
    t.clock.advance(5000);
    expect(await result).toEqual({ outcome: "network" });
    expect(t.control.stop).toBe("timeout");
    expect(t.clock.pending()).toHaveLength(0);
  });

  it("a cancel while reading is stopped and the gathered bytes are not stored", async () => {
    const t = transferOn((init) => new Response(body([3], "hang", init.signal ?? undefined), { status: 200 }));
    const result = t.run();
    await vi.waitFor(() => expect(t.clock.timers.length).toBeGreaterThanOrEqual(2));
    t.control.stop = "cancel";
    t.control.controller.abort();
    expect(await result).toEqual({ outcome: "stopped" });
    expect(t.appended).toEqual([]);
  });

  it("stores and hashes the file's bytes in order when several pieces make one chunk", async () => {
    const t = transferOn(() => new Response(body([4, 3, 2, 1]), { status: 200 }));
    const result = await t.run();
    if (result.outcome !== "received") throw new Error(`expected received, got ${result.outcome}`);
    expect(await t.storedBytesContent()).toEqual(fileBytes(0, 10));
    expect(result.progress.hasher.digest()).toEqual(sha256(fileBytes(0, 10)));
  });

  it("tells the bytes so far, stored and gathered, as each piece arrives", async () => {
    const fresh = transferOn(() => new Response(body([4, 3, 3]), { status: 200 }));
    await fresh.run();
    expect(fresh.received).toEqual([4, 7, 10]);
    const resumed = transferOn(
      () => new Response(body([2, 2]), { status: 206, headers: { "Content-Range": "bytes 6-9/10" } }),
      { storedBytes: 6 },
    );
    await resumed.run();
    expect(resumed.received).toEqual([8, 10]);
  });

  it("each write stores the speed in bytes per second since the previous write, and leaves it alone when none can be told", async () => {
    const t = transferOn(() => new Response(body([4, 4, 2]), { status: 200 }), {
      // Each write takes half a second.
      append: () => t.clock.advance(500),
    });
    expect(await t.run()).toMatchObject({ outcome: "received" });
    // 4 bytes in no time: no speed yet; 4 bytes in 0.5 s: 8; then 2 bytes in 0.5 s: 8 × 0.7 + 4 × 0.3, rounded.
    expect(t.speeds).toEqual(["none", 8, 7]);
  });

  it("a finished transfer leaves no stall timer to abort it later, and no listener on the caller's signal", async () => {
    const t = transferOn(() => new Response(body([4, 3, 3]), { status: 200 }));
    const signal = t.control.controller.signal;
    const added = vi.spyOn(signal, "addEventListener");
    const removed = vi.spyOn(signal, "removeEventListener");
    expect(await t.run()).toMatchObject({ outcome: "received" });
    expect(added.mock.calls.length).toBeGreaterThan(0);
    expect(removed.mock.calls).toEqual(added.mock.calls);
    t.clock.advance(60_000);
    expect(t.control.stop).toBeUndefined();
    expect(signal.aborted).toBe(false);
  });

  it("a pause while the body sends nothing is stopped and keeps the gathered bytes, even from a body that ignores the abort", async () => {
    const t = transferOn(() => new Response(body([3], "hang"), { status: 200 }));
    const result = t.run();
    await vi.waitFor(() => expect(t.clock.timers.length).toBeGreaterThanOrEqual(2));
    t.control.stop = "pause";
    t.control.controller.abort();
    expect(await result).toEqual({ outcome: "stopped" });
    expect(t.appended.map((a) => a.storedBytes)).toEqual([3]);
  });

  it("a pause during a write is stopped, though the aborted body then fails to read", async () => {
    const t = transferOn((init) => new Response(body([4, 4, 2], "close", init.signal ?? undefined), { status: 200 }), {
      append: () => {
        t.control.stop = "pause";
        t.control.controller.abort();
      },
    });
    expect(await t.run()).toEqual({ outcome: "stopped" });
    expect(t.appended.map((a) => a.storedBytes)).toEqual([4]);
  });

  it("a write that finds no space is quota, a removed file is stopped, any other failure is thrown", async () => {
    const failWith = (error: unknown) =>
      transferOn(() => new Response(body([4, 4, 2]), { status: 200 }), {
        append: () => {
          throw error;
        },
      }).run();
    expect(await failWith(new DOMException("full", "QuotaExceededError"))).toEqual({ outcome: "quota" });
    expect(await failWith(new FileRemovedError("gone"))).toEqual({ outcome: "stopped" });
    await expect(failWith(new Error("disk on fire"))).rejects.toThrow("disk on fire");
  });
});
