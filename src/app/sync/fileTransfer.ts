// One request for a file's missing bytes: Range from the stored offset, what each HTTP answer means, a stall timer, chunked writes and the speed.
import type { sha256 } from "@noble/hashes/sha2.js";
import { invitationAuthorization } from "../../shared/materials";
import { FileRemovedError, type ChunkStore } from "../store/chunkStore";
import type { MaterialFile } from "../store/db";
import type { Clock } from "./platform";

/** The bytes stored so far and the hash state over them, so the next bytes continue both. */
export interface Progress {
  hasher: ReturnType<typeof sha256.create>;
  storedBytes: number;
  chunkCount: number;
}

/** How the caller stops a transfer: set `stop`, then abort. A stall sets "timeout" itself. */
export interface TransferControl {
  controller: AbortController;
  stop?: "pause" | "cancel" | "timeout";
}

export interface TransferSetup {
  fetch: typeof fetch;
  /** Without a trailing slash. */
  baseUrl: string;
  clock: Clock;
  store: ChunkStore;
  /** Bytes gathered before one write: what a cut connection can lose at most. */
  chunkBytes: number;
  /** A response that sends nothing for this long counts as a cut connection. */
  stallTimeoutMs: number;
}

export interface TransferRequest {
  control: TransferControl;
  row: MaterialFile;
  invitationCode: string;
  progress: Progress;
  /** Drops the stored bytes; the transfer then stores the answer from offset 0. */
  startOver(): Promise<Progress>;
  /** Called after each chunk is stored. */
  stored(progress: Progress): void;
  /** Called as bytes arrive, before they are stored: the file's bytes so far, stored and gathered. */
  received?(bytes: number): void;
}

/**
 * received: every byte is stored, ready to verify; again: the bytes were dropped, ask at once;
 * corrupt: the answer cannot be the file; network: try later; quota: a write found no space;
 * not_allowed, gone: the server refused; stopped: paused, cancelled or the file was removed.
 */
export type TransferResult =
  | { outcome: "received"; progress: Progress }
  | { outcome: "stopped" | "network" | "again" | "corrupt" | "quota" | "not_allowed" | "gone" };

/**
 * What to do with an answer before reading its body. append: the bytes continue ours; replace: they
 * start at 0, so ours go first; refetch: neither, drop ours and ask again; retry: a 5xx, a proxy's
 * page or a captive portal, so try later.
 */
export type AnswerPlan = "append" | "replace" | "refetch" | "corrupt" | "not_allowed" | "gone" | "retry";

/** Weight of the newest chunk in the moving average of the speed. */
const SPEED_SMOOTHING = 0.3;

export const isQuotaError = (error: unknown): boolean => {
  const e = error as { name?: unknown; inner?: { name?: unknown } } | null;
  return e?.name === "QuotaExceededError" || e?.inner?.name === "QuotaExceededError";
};

export function parseContentRange(header: string | null): { start: number; end: number; total?: number } | undefined {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(header?.trim() ?? "");
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), ...(match[3] !== "*" ? { total: Number(match[3]) } : {}) };
}

export function planForAnswer(status: number, contentRange: string | null, storedBytes: number): AnswerPlan {
  if (status === 206) {
    const range = parseContentRange(contentRange);
    if (range && range.start === storedBytes) return "append";
    // Not the bytes we asked for: correctness over bytes, start the file again.
    return range && range.start === 0 ? "replace" : "refetch";
  }
  // The whole file (a server or proxy that ignored Range): what we held is replaced by it.
  if (status === 200) return storedBytes > 0 ? "replace" : "append";
  if (status === 416) return "corrupt";
  if (status === 401 || status === 403) return "not_allowed";
  if (status === 404) return "gone";
  return "retry";
}

/** The file size the response claims (Content-Range total, or offset + Content-Length); undefined when it says nothing usable. */
export function announcedSize(response: Response, offset: number): number | undefined {
  const range = parseContentRange(response.headers.get("Content-Range"));
  if (response.status === 206) return range?.total;
  const length = response.headers.get("Content-Length");
  // A compressed body's length is not the file's.
  if (length === null || response.headers.has("Content-Encoding") || !/^\d+$/.test(length)) return undefined;
  return offset + Number(length);
}

/** The stored speed after a chunk of `bytes` took `seconds`: a moving average, kept as it was when no time passed. */
export function nextSpeed(previous: number | undefined, bytes: number, seconds: number): number | undefined {
  if (seconds <= 0) return previous;
  const instant = bytes / seconds;
  return Math.round(previous ? previous * (1 - SPEED_SMOOTHING) + instant * SPEED_SMOOTHING : instant);
}

function concatBytes(parts: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** What an answer whose body is not read comes to. */
const OUTCOME_WITHOUT_BODY = {
  refetch: "again",
  corrupt: "corrupt",
  not_allowed: "not_allowed",
  gone: "gone",
  retry: "network",
} as const;

const discard = (response: Response) => response.body?.cancel().catch(() => undefined);

export async function transferFile(setup: TransferSetup, request: TransferRequest): Promise<TransferResult> {
  const { clock, store } = setup;
  const { control, row } = request;
  const { controller } = control;
  const sha = row.sha256;
  let progress = request.progress;
  let stallTimer: unknown;
  const armStallTimer = () => {
    if (stallTimer !== undefined) clock.clearTimer(stallTimer);
    stallTimer = clock.setTimer(() => {
      control.stop ??= "timeout";
      controller.abort();
    }, setup.stallTimeoutMs);
  };
  /** A request or body cut short: stopped if the participant paused or cancelled; a stall or a lost connection is tried later. */
  const interruptedOutcome = (): TransferResult =>
    control.stop === "pause" || control.stop === "cancel" ? { outcome: "stopped" } : { outcome: "network" };

  try {
    armStallTimer();
    const headers: Record<string, string> = { Authorization: invitationAuthorization(request.invitationCode) };
    if (progress.storedBytes > 0) headers.Range = `bytes=${progress.storedBytes}-`;
    let response: Response;
    try {
      response = await setup.fetch(`${setup.baseUrl}/api/blobs/${sha}`, {
        headers,
        signal: controller.signal,
        cache: "no-store",
      });
    } catch {
      return interruptedOutcome();
    }

    const plan = planForAnswer(response.status, response.headers.get("Content-Range"), progress.storedBytes);
    if (plan === "replace" || plan === "refetch") progress = await request.startOver();
    if (plan !== "append" && plan !== "replace") {
      await discard(response);
      return { outcome: OUTCOME_WITHOUT_BODY[plan] };
    }
    if (!response.body) return { outcome: "network" };
    const announced = announcedSize(response, progress.storedBytes);
    if (announced !== undefined && announced !== row.size) {
      await discard(response);
      return { outcome: "corrupt" };
    }

    const reader = response.body.getReader();
    const onAbort = () => void reader.cancel().catch(() => undefined);
    controller.signal.addEventListener("abort", onAbort);
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let speed = row.bytesPerSecond;
    let flushedAt = clock.now().getTime();
    let interrupted = false;
    let overflow = false;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = concatBytes(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      const at = clock.now().getTime();
      const seconds = (at - flushedAt) / 1000;
      flushedAt = at;
      const nextSpeedValue = nextSpeed(speed, data.byteLength, seconds);
      await store.append(
        { sha256: sha, index: progress.chunkCount, offset: progress.storedBytes, data: new Blob([data]) },
        {
          storedBytes: progress.storedBytes + data.byteLength,
          chunkCount: progress.chunkCount + 1,
          ...(nextSpeedValue !== undefined ? { bytesPerSecond: nextSpeedValue } : {}),
          updatedAt: new Date(at).toISOString(),
        },
      );
      speed = nextSpeedValue;
      progress.hasher.update(data);
      progress.storedBytes += data.byteLength;
      progress.chunkCount += 1;
      request.stored(progress);
    };

    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch {
          interrupted = true;
          break;
        }
        if (chunk.done) {
          interrupted = controller.signal.aborted;
          break;
        }
        armStallTimer();
        if (progress.storedBytes + pendingBytes + chunk.value.byteLength > row.size) {
          overflow = true;
          await reader.cancel().catch(() => undefined);
          break;
        }
        pending.push(chunk.value);
        pendingBytes += chunk.value.byteLength;
        request.received?.(progress.storedBytes + pendingBytes);
        if (pendingBytes >= setup.chunkBytes) await flush();
      }
      if (control.stop === "cancel") return { outcome: "stopped" };
      if (overflow) return { outcome: "corrupt" };
      // Bytes that did arrive are kept, even from a cut connection: the next request starts after them.
      await flush();
    } catch (error) {
      if (error instanceof FileRemovedError) return { outcome: "stopped" };
      if (isQuotaError(error)) return { outcome: "quota" };
      throw error;
    } finally {
      controller.signal.removeEventListener("abort", onAbort);
    }
    if (interrupted) return interruptedOutcome();
    // A body that ended early without an error: ask for the rest.
    if (progress.storedBytes < row.size) return { outcome: "network" };
    return { outcome: "received", progress };
  } finally {
    if (stallTimer !== undefined) clock.clearTimer(stallTimer);
  }
}
