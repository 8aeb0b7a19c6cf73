// Brings material files onto the phone over weak links: one at a time, resumable from the last stored byte, verified by SHA-256.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { invitationAuthorization, type Material } from "../../shared/materials";
import { db as defaultDb, type OfflineChoice, type OutriggerDb, type MaterialFile } from "../store/db";
import { handoutPlainText } from "../store/handoutText";
import { formatBytes, readMaterialBlob } from "../store/library";
import { chunkRange, deleteBlob, deleteBlobIfUnused, deleteChunks, ensureBlobQueued, offlineTables } from "../store/offlineChoices";
import { ensurePersistentStorage } from "../store/persistentStorage";
import { backoffDelay } from "./backoff";
import { invitationCodeForWorkshop } from "./materialsManifest";

export interface StorageManagerLike {
  estimate(): Promise<{ usage?: number; quota?: number }>;
  persist(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

export interface DownloaderDeps {
  db?: OutriggerDb;
  fetch?: typeof fetch;
  baseUrl?: string;
  now?: () => Date;
  /** Bytes gathered before one write to IndexedDB: what a cut connection can lose at most. */
  chunkBytes?: number;
  /** Defaults to navigator.storage where the browser has it; null for none. */
  storage?: StorageManagerLike | null;
  /** A response that sends nothing for this long counts as a cut connection. */
  requestTimeoutMs?: number;
  /** Base of the backoff between retries after a cut connection. */
  retryDelayMs?: number;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Subscribes to the browser's `online` event; returns an unsubscribe. Defaults to window's. */
  onOnline?: (callback: () => void) => () => void;
}

export type OfflineSaveResult =
  | { ok: true }
  | { ok: false; reason: "not_enough_space"; neededBytes: number; availableBytes: number; message: string };

export interface Downloader {
  makeAvailableOffline(materialIds: string[]): Promise<OfflineSaveResult>;
  pause(sha256: string): Promise<void>;
  resume(sha256: string): Promise<void>;
  cancel(sha256: string): Promise<void>;
  removeFromPhone(materialId: string): Promise<void>;
  /** On app start: files left queued, downloading or verifying go back in the queue (paused ones stay paused). */
  resumeInterrupted(): Promise<void>;
  /** Resolves when nothing is downloading: the queue is empty, stopped after running out of space, or waiting to retry. */
  idle(): Promise<void>;
  /** Stops listening for `online` and aborts the current request (the file stays resumable). */
  dispose(): void;
}

export const DEFAULT_CHUNK_BYTES = 512 * 1024;
const DEFAULT_STALL_TIMEOUT_MS = 30_000;
/** Weight of the newest chunk in the moving average of the speed. */
const SPEED_SMOOTHING = 0.3;

export const DOWNLOAD_PROBLEMS = {
  quota: "This phone ran out of storage space, so the file was not kept. Remove other materials or free some space, then try again.",
  corrupt: "This file arrived damaged twice, so it was not kept. Try again later; if it keeps happening, tell the organiser.",
  not_allowed: "Your invitation no longer opens this workshop's materials, so the file cannot be downloaded.",
  gone: "This file is no longer on the server. Update the workshop's list of materials and try again.",
  no_invitation: "This phone has no invitation for this workshop any more, so the file cannot be downloaded.",
  unexpected: "Something went wrong while saving this file. Try again.",
} as const;

type Outcome = "complete" | "failed" | "stopped" | "network" | "quota" | "again";

interface Active {
  sha256: string;
  controller: AbortController;
  stop?: "pause" | "cancel" | "timeout";
  settled: Promise<void>;
}

interface Progress {
  hasher: ReturnType<typeof sha256.create>;
  storedBytes: number;
  chunkCount: number;
}

class StoppedError extends Error {}

const isQuotaError = (error: unknown): boolean => {
  const e = error as { name?: unknown; inner?: { name?: unknown } } | null;
  return e?.name === "QuotaExceededError" || e?.inner?.name === "QuotaExceededError";
};

function parseContentRange(header: string | null): { start: number; end: number; total?: number } | undefined {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(header?.trim() ?? "");
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), ...(match[3] !== "*" ? { total: Number(match[3]) } : {}) };
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

/** The file size the response claims (Content-Range total, or offset + Content-Length); undefined when it says nothing usable. */
function announcedSize(response: Response, offset: number): number | undefined {
  const range = parseContentRange(response.headers.get("Content-Range"));
  if (response.status === 206) return range?.total;
  const length = response.headers.get("Content-Length");
  // A compressed body's length is not the file's.
  if (length === null || response.headers.has("Content-Encoding") || !/^\d+$/.test(length)) return undefined;
  return offset + Number(length);
}

const defaultStorage = (): StorageManagerLike | undefined => (typeof navigator !== "undefined" && navigator.storage ? navigator.storage : undefined);

const defaultOnOnline = (callback: () => void): (() => void) => {
  if (typeof window === "undefined") return () => undefined;
  window.addEventListener("online", callback);
  return () => window.removeEventListener("online", callback);
};

export function createDownloader(deps: DownloaderDeps = {}): Downloader {
  const database = deps.db ?? defaultDb;
  const now = deps.now ?? (() => new Date());
  const baseUrl = (deps.baseUrl ?? "").replace(/\/+$/, "");
  const chunkBytes = Math.max(1, deps.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const storage = deps.storage === null ? undefined : (deps.storage ?? defaultStorage());
  const stallTimeoutMs = deps.requestTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const retryDelayMs = deps.retryDelayMs ?? 2000;
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  let queue: string[] = [];
  let running: Promise<void> | undefined;
  let active: Active | undefined;
  /** Set after a QuotaExceededError: nothing more is fetched until the participant acts. */
  let halted = false;
  let retryTimer: unknown;
  let attempt = 0;
  let idleWaiters: Array<() => void> = [];
  /** Hash state of the bytes stored so far, so a resume in the same session need not re-read them. */
  const hashers = new Map<string, Progress>();
  /** Files whose bytes failed the hash once in this session: the next failure is final. */
  const corrupted = new Set<string>();

  const isIdle = () => running === undefined && (queue.length === 0 || halted || retryTimer !== undefined);
  const settleIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const cancelRetry = () => {
    if (retryTimer !== undefined) clearTimer(retryTimer);
    retryTimer = undefined;
  };

  const unsubscribeOnline = (deps.onOnline ?? defaultOnOnline)(() => {
    if (retryTimer === undefined) return;
    cancelRetry();
    attempt = 0;
    kick();
  });

  function enqueue(sha: string): void {
    if (!queue.includes(sha)) queue.push(sha);
  }

  function kick(): void {
    if (running || halted || retryTimer !== undefined || queue.length === 0) {
      settleIdle();
      return;
    }
    running = run().finally(() => {
      running = undefined;
      settleIdle();
    });
  }

  async function run(): Promise<void> {
    while (!halted && queue.length > 0) {
      const sha = queue[0];
      let settle = () => undefined as void;
      const current: Active = { sha256: sha, controller: new AbortController(), settled: new Promise<void>((resolve) => (settle = resolve)) };
      active = current;
      let outcome: Outcome;
      try {
        outcome = await downloadOne(current);
      } catch (error) {
        outcome = current.stop === "pause" || current.stop === "cancel" ? "stopped" : await failSafely(sha, error);
      } finally {
        active = undefined;
        settle();
      }
      if (outcome === "again") continue;
      if (outcome === "network") {
        if (queue[0] === sha) {
          const delay = backoffDelay(attempt, { baseMs: retryDelayMs, random });
          attempt += 1;
          retryTimer = setTimer(() => {
            retryTimer = undefined;
            kick();
          }, delay);
          return;
        }
        continue;
      }
      queue = queue.filter((s) => s !== sha);
      if (outcome === "complete") attempt = 0;
      if (outcome === "quota") halted = true;
    }
  }

  async function failSafely(sha: string, error: unknown): Promise<Outcome> {
    try {
      if (isQuotaError(error)) return await outOfSpace(sha);
      await fail(sha, DOWNLOAD_PROBLEMS.unexpected);
    } catch {
      // The database itself is unusable; nothing more to record.
    }
    return "failed";
  }

  async function fail(sha: string, problem: string): Promise<void> {
    hashers.delete(sha);
    await database.transaction("rw", database.blobs, database.blobChunks, async () => {
      const row = await database.blobs.get(sha);
      if (!row) return;
      await deleteChunks(sha, database);
      const { bytesPerSecond: _speed, ...rest } = row;
      await database.blobs.put({ ...rest, storedBytes: 0, chunkCount: 0, state: "failed", problem, updatedAt: now().toISOString() });
    });
  }

  /** No half state after running out of space: the file's bytes go, it is marked failed, and the queue stops. */
  async function outOfSpace(sha: string): Promise<Outcome> {
    await fail(sha, DOWNLOAD_PROBLEMS.quota);
    return "quota";
  }

  async function setState(sha: string, state: MaterialFile["state"]): Promise<void> {
    await database.blobs.update(sha, { state, updatedAt: now().toISOString() });
  }

  /** Drops a file's bytes so it starts again from 0. */
  async function dropBytes(sha: string): Promise<Progress> {
    hashers.delete(sha);
    await database.transaction("rw", database.blobs, database.blobChunks, async () => {
      await deleteChunks(sha, database);
      await database.blobs.update(sha, { storedBytes: 0, chunkCount: 0, updatedAt: now().toISOString() });
    });
    return { hasher: sha256.create(), storedBytes: 0, chunkCount: 0 };
  }

  /** The hash state of the stored bytes: kept from this session, or re-read from the chunks (after a restart). */
  async function restoreProgress(row: MaterialFile): Promise<Progress> {
    const kept = hashers.get(row.sha256);
    if (kept && kept.storedBytes === row.storedBytes && kept.chunkCount === row.chunkCount) return kept;
    const [lower, upper] = chunkRange(row.sha256);
    const chunks = await database.blobChunks.where("[sha256+index]").between(lower, upper, true, true).toArray();
    const progress: Progress = { hasher: sha256.create(), storedBytes: 0, chunkCount: 0 };
    for (const chunk of chunks) {
      if (chunk.index !== progress.chunkCount || chunk.offset !== progress.storedBytes) return dropBytes(row.sha256);
      const bytes = new Uint8Array(await chunk.data.arrayBuffer());
      progress.hasher.update(bytes);
      progress.storedBytes += bytes.byteLength;
      progress.chunkCount += 1;
    }
    if (progress.storedBytes !== row.storedBytes || progress.chunkCount !== row.chunkCount || progress.storedBytes > row.size) return dropBytes(row.sha256);
    hashers.set(row.sha256, progress);
    return progress;
  }

  async function invitationFor(sha: string): Promise<string | undefined> {
    const choices = await database.offlineChoices.where("sha256").equals(sha).toArray();
    for (const workshopId of new Set(choices.map((c) => c.workshopId))) {
      const code = await invitationCodeForWorkshop(workshopId, database);
      if (code) return code;
    }
    return undefined;
  }

  /** The hash decides: only bytes whose SHA-256 is the file's name become "complete". */
  async function verify(sha: string, row: MaterialFile, progress: Progress): Promise<Outcome> {
    await setState(sha, "verifying");
    hashers.delete(sha);
    const digest = bytesToHex(progress.hasher.digest());
    if (progress.storedBytes !== row.size || digest !== sha) return corrupt(sha);
    corrupted.delete(sha);
    const at = now().toISOString();
    await database.transaction("rw", offlineTables(database), async () => {
      const current = await database.blobs.get(sha);
      if (!current) return;
      const { bytesPerSecond: _speed, problem: _problem, ...rest } = current;
      await database.blobs.put({ ...rest, state: "complete", updatedAt: at, completedAt: at });
      // The update is on the phone: the version it replaces can go.
      for (const choice of await database.offlineChoices.where("sha256").equals(sha).toArray()) {
        if (!choice.previousSha256) continue;
        const { previousSha256, ...kept } = choice;
        await database.offlineChoices.put(kept);
        await deleteBlobIfUnused(previousSha256, database);
      }
    });
    await extractHandoutText(sha);
    return "complete";
  }

  async function corrupt(sha: string): Promise<Outcome> {
    if (corrupted.has(sha)) {
      corrupted.delete(sha);
      await fail(sha, DOWNLOAD_PROBLEMS.corrupt);
      return "failed";
    }
    corrupted.add(sha);
    await dropBytes(sha);
    await setState(sha, "queued");
    return "again";
  }

  async function extractHandoutText(sha: string): Promise<void> {
    const manifests = await database.manifests.toArray();
    const isHandout = manifests.some((m) => m.materials.some((material: Material) => material.sha256 === sha && material.kind === "handout"));
    if (!isHandout) return;
    const blob = await readMaterialBlob(sha, database);
    if (!blob) return;
    const text = handoutPlainText(new TextDecoder().decode(await blob.arrayBuffer()));
    await database.materialTexts.put({ sha256: sha, text });
  }

  async function downloadOne(current: Active): Promise<Outcome> {
    const sha = current.sha256;
    const row = await database.blobs.get(sha);
    if (!row) return "stopped";
    if (row.state === "complete") return "complete";
    if (row.state === "paused" || row.state === "failed") return "stopped";
    let progress = await restoreProgress(row);
    if (progress.storedBytes >= row.size) return verify(sha, row, progress);
    const code = await invitationFor(sha);
    if (!code) {
      await fail(sha, DOWNLOAD_PROBLEMS.no_invitation);
      return "failed";
    }
    await setState(sha, "downloading");

    const { controller } = current;
    let stallTimer: unknown;
    const armStallTimer = () => {
      if (stallTimer !== undefined) clearTimer(stallTimer);
      stallTimer = setTimer(() => {
        current.stop ??= "timeout";
        controller.abort();
      }, stallTimeoutMs);
    };
    const stopped = (): Outcome | undefined => (current.stop === "pause" || current.stop === "cancel" ? "stopped" : current.stop === "timeout" ? "network" : undefined);

    try {
      armStallTimer();
      const headers: Record<string, string> = { Authorization: invitationAuthorization(code) };
      if (progress.storedBytes > 0) headers.Range = `bytes=${progress.storedBytes}-`;
      const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/blobs/${sha}`, { headers, signal: controller.signal, cache: "no-store" });
      } catch {
        return stopped() ?? "network";
      }

      if (response.status === 206) {
        const range = parseContentRange(response.headers.get("Content-Range"));
        if (!range || range.start !== progress.storedBytes) {
          // Not the bytes we asked for: correctness over bytes, start the file again.
          progress = await dropBytes(sha);
          if (!range || range.start !== 0) {
            await response.body?.cancel().catch(() => undefined);
            return "again";
          }
        }
      } else if (response.status === 200) {
        // The whole file (a server or proxy that ignored Range): what we held is replaced by it.
        if (progress.storedBytes > 0) progress = await dropBytes(sha);
      } else if (response.status === 416) {
        await response.body?.cancel().catch(() => undefined);
        return corrupt(sha);
      } else if (response.status === 401 || response.status === 403 || response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        await fail(sha, response.status === 404 ? DOWNLOAD_PROBLEMS.gone : DOWNLOAD_PROBLEMS.not_allowed);
        return "failed";
      } else {
        // 5xx, a proxy's page, a captive portal: try again later.
        await response.body?.cancel().catch(() => undefined);
        return "network";
      }
      if (!response.body) return "network";
      const announced = announcedSize(response, progress.storedBytes);
      if (announced !== undefined && announced !== row.size) {
        await response.body.cancel().catch(() => undefined);
        return corrupt(sha);
      }

      const reader = response.body.getReader();
      const onAbort = () => void reader.cancel().catch(() => undefined);
      controller.signal.addEventListener("abort", onAbort);
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      let flushedAt = Date.now();
      let interrupted = false;
      let overflow = false;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const data = concatBytes(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        const at = Date.now();
        const seconds = (at - flushedAt) / 1000;
        flushedAt = at;
        await database.transaction("rw", database.blobs, database.blobChunks, async () => {
          const stored = await database.blobs.get(sha);
          if (!stored) throw new StoppedError("the file was removed");
          await database.blobChunks.add({ sha256: sha, index: progress.chunkCount, offset: progress.storedBytes, data: new Blob([data]) });
          const instant = seconds > 0 ? data.byteLength / seconds : undefined;
          const bytesPerSecond = instant === undefined ? stored.bytesPerSecond : stored.bytesPerSecond ? stored.bytesPerSecond * (1 - SPEED_SMOOTHING) + instant * SPEED_SMOOTHING : instant;
          await database.blobs.update(sha, {
            storedBytes: progress.storedBytes + data.byteLength,
            chunkCount: progress.chunkCount + 1,
            ...(bytesPerSecond !== undefined ? { bytesPerSecond: Math.round(bytesPerSecond) } : {}),
            updatedAt: new Date(at).toISOString(),
          });
        });
        progress.hasher.update(data);
        progress.storedBytes += data.byteLength;
        progress.chunkCount += 1;
        hashers.set(sha, progress);
        attempt = 0;
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
          if (pendingBytes >= chunkBytes) await flush();
        }
        if (current.stop === "cancel") return "stopped";
        if (overflow) return corrupt(sha);
        // Bytes that did arrive are kept, even from a cut connection: the next request starts after them.
        await flush();
      } catch (error) {
        if (error instanceof StoppedError) return "stopped";
        if (isQuotaError(error)) return outOfSpace(sha);
        throw error;
      } finally {
        controller.signal.removeEventListener("abort", onAbort);
      }
      if (interrupted) return stopped() ?? "network";
      // A body that ended early without an error: ask for the rest.
      if (progress.storedBytes < row.size) return "network";
      return verify(sha, row, progress);
    } finally {
      if (stallTimer !== undefined) clearTimer(stallTimer);
    }
  }

  /** Stops the file's request if it is the one downloading, and waits until it has let go. */
  async function stopActive(sha: string, reason: "pause" | "cancel"): Promise<void> {
    const current = active;
    if (current?.sha256 !== sha) return;
    current.stop = reason;
    current.controller.abort();
    await current.settled;
  }

  /** Takes a file out of the queue; if it was the one waiting for a retry, the rest may go now. */
  function dequeue(sha: string): void {
    const wasHead = queue[0] === sha;
    queue = queue.filter((s) => s !== sha);
    if (wasHead && retryTimer !== undefined) {
      cancelRetry();
      kick();
    }
  }

  async function spaceNeeded(hashes: Map<string, Material>): Promise<number> {
    let needed = 0;
    for (const [sha, material] of hashes) {
      const row = await database.blobs.get(sha);
      if (row?.state === "complete") continue;
      needed += Math.max(0, material.size - (row && row.state !== "failed" ? row.storedBytes : 0));
    }
    return needed;
  }

  async function makeAvailableOffline(materialIds: string[]): Promise<OfflineSaveResult> {
    const manifests = await database.manifests.toArray();
    const byId = new Map(manifests.flatMap((m) => m.materials.map((material) => [material.id, material] as const)));
    const wanted = [...new Set(materialIds)].map((id) => {
      const material = byId.get(id);
      if (!material) throw new Error(`Material ${id} is not in any stored manifest`);
      return material;
    });
    const hashes = new Map(wanted.map((m) => [m.sha256, m]));
    const neededBytes = await spaceNeeded(hashes);
    if (storage && neededBytes > 0) {
      const estimate = await storage.estimate().catch(() => ({}) as { usage?: number; quota?: number });
      if (estimate.quota !== undefined) {
        const availableBytes = Math.max(0, estimate.quota - (estimate.usage ?? 0));
        if (availableBytes < neededBytes) {
          return {
            ok: false,
            reason: "not_enough_space",
            neededBytes,
            availableBytes,
            message: `This needs ${formatBytes(neededBytes)} but the phone has ${formatBytes(availableBytes)} free. Remove other materials or free some space.`,
          };
        }
      }
    }
    // Without it the browser may clear the library under storage pressure.
    if (storage) await ensurePersistentStorage(storage, now(), database);
    const at = now().toISOString();
    const toFetch = await database.transaction("rw", offlineTables(database), async () => {
      const queued: string[] = [];
      for (const material of wanted) {
        const existing = await database.offlineChoices.get(material.id);
        const choice: OfflineChoice = { materialId: material.id, workshopId: material.workshopId, sha256: material.sha256, chosenAt: existing?.chosenAt ?? at };
        if (existing?.previousSha256 && existing.sha256 === material.sha256) choice.previousSha256 = existing.previousSha256;
        await database.offlineChoices.put(choice);
        if (existing && existing.sha256 !== material.sha256) await deleteBlobIfUnused(existing.sha256, database);
        const row = await ensureBlobQueued(material, at, database);
        if (row.state === "paused") await database.blobs.update(row.sha256, { state: "queued", updatedAt: at });
        if (row.state !== "complete" && !queued.includes(row.sha256)) queued.push(row.sha256);
      }
      return queued;
    });
    for (const sha of toFetch) {
      corrupted.delete(sha);
      enqueue(sha);
    }
    halted = false;
    kick();
    return { ok: true };
  }

  async function pause(sha: string): Promise<void> {
    await stopActive(sha, "pause");
    dequeue(sha);
    await database.transaction("rw", database.blobs, async () => {
      const row = await database.blobs.get(sha);
      if (!row || row.state === "complete" || row.state === "failed" || row.state === "paused") return;
      const { bytesPerSecond: _speed, ...rest } = row;
      await database.blobs.put({ ...rest, state: "paused", updatedAt: now().toISOString() });
    });
    kick();
  }

  async function resume(sha: string): Promise<void> {
    const row = await database.blobs.get(sha);
    if (!row || row.state === "complete") return;
    if (row.state === "paused" || row.state === "failed") {
      const { problem: _problem, ...rest } = row;
      await database.blobs.put({ ...rest, state: "queued", updatedAt: now().toISOString() });
    }
    corrupted.delete(sha);
    enqueue(sha);
    halted = false;
    kick();
  }

  async function cancel(sha: string): Promise<void> {
    await stopActive(sha, "cancel");
    dequeue(sha);
    hashers.delete(sha);
    corrupted.delete(sha);
    await database.transaction("rw", offlineTables(database), async () => {
      const choices = await database.offlineChoices.where("sha256").equals(sha).toArray();
      await database.offlineChoices.bulkDelete(choices.map((c) => c.materialId));
      // Choices still reading this file as their earlier version lose it too.
      for (const choice of await database.offlineChoices.filter((c) => c.previousSha256 === sha).toArray()) {
        const { previousSha256: _gone, ...rest } = choice;
        await database.offlineChoices.put(rest);
      }
      await deleteBlob(sha, database);
      for (const choice of choices) await deleteBlobIfUnused(choice.previousSha256, database);
    });
    halted = false;
    kick();
  }

  async function removeFromPhone(materialId: string): Promise<void> {
    const choice = await database.offlineChoices.get(materialId);
    if (!choice) return;
    const others = await database.offlineChoices.where("sha256").equals(choice.sha256).and((c) => c.materialId !== materialId).count();
    if (others === 0) await stopActive(choice.sha256, "cancel");
    const freed = await database.transaction("rw", offlineTables(database), async () => {
      await database.offlineChoices.delete(materialId);
      const gone: string[] = [];
      for (const sha of [choice.sha256, choice.previousSha256]) if (sha && (await deleteBlobIfUnused(sha, database))) gone.push(sha);
      return gone;
    });
    for (const sha of freed) {
      hashers.delete(sha);
      corrupted.delete(sha);
      dequeue(sha);
    }
    halted = false;
    kick();
  }

  async function resumeInterrupted(): Promise<void> {
    const rows = await database.blobs.where("state").anyOf("queued", "downloading", "verifying").toArray();
    rows.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
    for (const row of rows) {
      if (active?.sha256 === row.sha256) continue;
      if (row.state !== "queued") await setState(row.sha256, "queued");
      enqueue(row.sha256);
    }
    kick();
  }

  function idle(): Promise<void> {
    if (isIdle()) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  function dispose(): void {
    unsubscribeOnline();
    cancelRetry();
    queue = [];
    if (active) {
      active.stop = "pause";
      active.controller.abort();
    }
  }

  return { makeAvailableOffline, pause, resume, cancel, removeFromPhone, resumeInterrupted, idle, dispose };
}
