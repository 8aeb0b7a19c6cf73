// Brings material files onto the phone over weak links: the participant's actions, put together from the queue, one file's download and the storage budget.
import type { Material } from "../../shared/materials";
import { createDexieChunkStore } from "../store/chunkStore";
import { storedMaterials } from "../store/library";
import { chooseOffline, fileSharedWithOthers, forgetFile, offlineChoice, unchoose } from "../store/offlineChoices";
import { warningBeforeDownload, type MeteredWarning } from "./downloadPace";
import { createDownloadQueue, type Outcome } from "./downloadQueue";
import { createFileDownloads } from "./fileDownload";
import type { TransferControl } from "./fileTransfer";
import { resolvePlatform, type Platform } from "./platform";
import { browserStorage, createStorageBudget, type NotEnoughSpace, type StorageManagerLike } from "./storageBudget";

export { DOWNLOAD_PROBLEMS } from "./fileDownload";
export type { StorageManagerLike } from "./storageBudget";

export type DownloaderDeps = Partial<Platform> & {
  /** Bytes gathered before one write to IndexedDB: what a cut connection can lose at most. */
  chunkBytes?: number;
  /** Defaults to navigator.storage where the browser has it; null for none. */
  storage?: StorageManagerLike | null;
  /** A response that sends nothing for this long counts as a cut connection. */
  requestTimeoutMs?: number;
  /** Base of the backoff between retries after a cut connection. */
  retryDelayMs?: number;
  /** Subscribes to the browser's `online` event; returns an unsubscribe. Defaults to window's. */
  onOnline?: (callback: () => void) => () => void;
};

export type OfflineSaveResult = { ok: true } | NotEnoughSpace;

/** How far a running file is: its bytes so far (stored or still gathered) and when the last of them arrived. */
export interface Arrival {
  bytes: number;
  /** Milliseconds since the epoch, by the platform's clock. */
  at: number;
}

export interface Downloader {
  makeAvailableOffline(materialIds: string[]): Promise<OfflineSaveResult>;
  pause(sha256: string): Promise<void>;
  resume(sha256: string): Promise<void>;
  cancel(sha256: string): Promise<void>;
  removeFromPhone(materialId: string): Promise<void>;
  /** Pauses every one of these files still downloading or waiting (e.g. one workshop's, or all). */
  pauseAll(sha256s: string[]): Promise<void>;
  /** Resumes every one of these files that is paused (failed ones wait for their own "Try again"). */
  resumeAll(sha256s: string[]): Promise<void>;
  /** A size warning to confirm first when the link is metered or slow and the download big; undefined to go ahead. */
  warningBefore(materialIds: string[], options?: { wholeWorkshop?: boolean }): Promise<MeteredWarning | undefined>;
  /**
   * Calls `listener` with the running file's bytes as they arrive, at most every ARRIVAL_NOTICE_MS, and at once
   * when a request ends (the map then lacks the file); returns the unsubscribe.
   */
  watchArrivals(listener: (arrivals: ReadonlyMap<string, Arrival>) => void): () => void;
  /** On app start: files left queued, downloading or verifying go back in the queue (paused ones stay paused). */
  resumeInterrupted(): Promise<void>;
  /** Resolves when nothing is downloading: the queue is empty, stopped after running out of space, or waiting to retry. */
  idle(): Promise<void>;
  /** Stops listening for `online` and aborts the current request (the file stays resumable). */
  dispose(): void;
}

export const DEFAULT_CHUNK_BYTES = 512 * 1024;
/** About four updates a second: smooth to the eye, cheap for a phone. */
export const ARRIVAL_NOTICE_MS = 250;
const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** The file being fetched, and a promise that settles once its request has let go. */
interface Active extends TransferControl {
  sha256: string;
  settled: Promise<void>;
}

const windowOnline = (callback: () => void): (() => void) => {
  if (typeof window === "undefined") return () => undefined;
  window.addEventListener("online", callback);
  return () => window.removeEventListener("online", callback);
};

export function createDownloader(deps: DownloaderDeps = {}): Downloader {
  const { db: database, fetch, baseUrl, clock, random, connection } = resolvePlatform(deps);
  const now = () => clock.now().toISOString();
  const store = createDexieChunkStore(database);
  const budget = createStorageBudget(
    deps.storage === null ? undefined : (deps.storage ?? browserStorage()),
    store,
    clock,
    database,
  );
  let active: Active | undefined;
  const arrivals = new Map<string, Arrival>();
  const arrivalListeners = new Set<(arrivals: ReadonlyMap<string, Arrival>) => void>();
  let noticeTimer: unknown;

  function announceArrivals(): void {
    if (noticeTimer !== undefined) clock.clearTimer(noticeTimer);
    noticeTimer = undefined;
    const snapshot = new Map(arrivals);
    for (const listener of arrivalListeners) listener(snapshot);
  }

  function arrived(sha: string, bytes: number): void {
    arrivals.set(sha, { bytes, at: clock.now().getTime() });
    if (arrivalListeners.size > 0 && noticeTimer === undefined)
      noticeTimer = clock.setTimer(announceArrivals, ARRIVAL_NOTICE_MS);
  }

  const files = createFileDownloads({
    db: database,
    fetch,
    baseUrl: baseUrl.replace(/\/+$/, ""),
    clock,
    store,
    chunkBytes: Math.max(1, deps.chunkBytes ?? DEFAULT_CHUNK_BYTES),
    stallTimeoutMs: deps.requestTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
    onProgress: () => queue.progressed(),
    onBytes: arrived,
  });

  async function work(sha: string): Promise<Outcome> {
    let settle = () => undefined as void;
    const current: Active = {
      sha256: sha,
      controller: new AbortController(),
      settled: new Promise<void>((resolve) => (settle = resolve)),
    };
    active = current;
    try {
      return await files.download(sha, current);
    } catch (error) {
      return current.stop === "pause" || current.stop === "cancel" ? "stopped" : await files.recordCrash(sha, error);
    } finally {
      active = undefined;
      if (arrivals.delete(sha) && arrivalListeners.size > 0) announceArrivals();
      settle();
    }
  }

  const queue = createDownloadQueue({
    clock,
    random,
    retryDelayMs: deps.retryDelayMs ?? 2000,
    onOnline: deps.onOnline ?? windowOnline,
    work,
  });

  /** Stops the file's request if it is the one downloading, and waits until it has let go. */
  async function stopActive(sha: string, reason: "pause" | "cancel"): Promise<void> {
    const current = active;
    if (current?.sha256 !== sha) return;
    current.stop = reason;
    current.controller.abort();
    await current.settled;
  }

  async function makeAvailableOffline(materialIds: string[]): Promise<OfflineSaveResult> {
    const byId = new Map((await storedMaterials(database)).map((material) => [material.id, material] as const));
    const wanted = [...new Set(materialIds)].map((id): Material => {
      const material = byId.get(id);
      if (!material) throw new Error(`Material ${id} is not in any stored manifest`);
      return material;
    });
    const refusal = await budget.refusalFor(wanted);
    if (refusal) return refusal;
    await budget.keepSaved();
    for (const sha of await chooseOffline(wanted, now(), database)) {
      files.trustAgain(sha);
      queue.enqueue(sha);
    }
    queue.restart();
    return { ok: true };
  }

  async function pause(sha: string): Promise<void> {
    await stopActive(sha, "pause");
    queue.dequeue(sha);
    await store.pause(sha, now());
    queue.kick();
  }

  async function resume(sha: string): Promise<void> {
    const row = await store.file(sha);
    if (!row || row.state === "complete") return;
    await store.requeue(sha, now());
    files.trustAgain(sha);
    queue.enqueue(sha);
    queue.restart();
  }

  async function cancel(sha: string): Promise<void> {
    await stopActive(sha, "cancel");
    queue.dequeue(sha);
    files.forget(sha);
    await forgetFile(sha, database);
    queue.restart();
  }

  async function removeFromPhone(materialId: string): Promise<void> {
    const choice = await offlineChoice(materialId, database);
    if (!choice) return;
    if (!(await fileSharedWithOthers(choice, database))) await stopActive(choice.sha256, "cancel");
    for (const sha of await unchoose(choice, database)) {
      files.forget(sha);
      queue.dequeue(sha);
    }
    queue.restart();
  }

  async function pauseAll(sha256s: string[]): Promise<void> {
    // Out of the queue first, so pausing the running file does not start the next one.
    for (const sha of sha256s) queue.dequeue(sha);
    if (active && sha256s.includes(active.sha256)) await stopActive(active.sha256, "pause");
    for (const sha of sha256s) await store.pause(sha, now());
    queue.kick();
  }

  async function resumeAll(sha256s: string[]): Promise<void> {
    for (const sha of sha256s) {
      if ((await store.file(sha))?.state !== "paused") continue;
      await store.requeue(sha, now());
      queue.enqueue(sha);
    }
    queue.restart();
  }

  async function warningBefore(
    materialIds: string[],
    options: { wholeWorkshop?: boolean } = {},
  ): Promise<MeteredWarning | undefined> {
    const wanted = new Set(materialIds);
    const files = new Map<string, number>();
    for (const material of await storedMaterials(database))
      if (wanted.has(material.id)) files.set(material.sha256, material.size);
    let bytes = 0;
    for (const [sha, size] of files) {
      const row = await store.file(sha);
      if (row?.state !== "complete") bytes += size - (row?.storedBytes ?? 0);
    }
    return warningBeforeDownload(bytes, connection(), options);
  }

  function watchArrivals(listener: (arrivals: ReadonlyMap<string, Arrival>) => void): () => void {
    arrivalListeners.add(listener);
    listener(new Map(arrivals));
    return () => arrivalListeners.delete(listener);
  }

  async function resumeInterrupted(): Promise<void> {
    for (const row of await store.unfinished()) {
      if (active?.sha256 === row.sha256) continue;
      if (row.state !== "queued") await store.setState(row.sha256, "queued", now());
      queue.enqueue(row.sha256);
    }
    queue.kick();
  }

  function dispose(): void {
    queue.dispose();
    arrivalListeners.clear();
    if (noticeTimer !== undefined) clock.clearTimer(noticeTimer);
    if (active) {
      active.stop = "pause";
      active.controller.abort();
    }
  }

  return {
    makeAvailableOffline,
    pause,
    resume,
    cancel,
    removeFromPhone,
    pauseAll,
    resumeAll,
    warningBefore,
    watchArrivals,
    resumeInterrupted,
    idle: () => queue.idle(),
    dispose,
  };
}
