// Whether a save of materials fits on the phone before anything is fetched, and asking the browser (once) to keep what is saved.
import type { Material } from "../../shared/materials";
import type { ChunkStore } from "../store/chunkStore";
import type { OutriggerDb } from "../store/db";
import { formatBytes } from "../store/library";
import { ensurePersistentStorage } from "../store/persistentStorage";
import type { Clock } from "./platform";

/** The part of `navigator.storage` the budget uses. */
export interface StorageManagerLike {
  estimate(): Promise<{ usage?: number; quota?: number }>;
  persist(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

export type StorageEstimate = { usage?: number; quota?: number };

export interface NotEnoughSpace {
  ok: false;
  reason: "not_enough_space";
  neededBytes: number;
  availableBytes: number;
  message: string;
}

export interface StorageBudget {
  /** The refusal to show when the files' missing bytes would not fit; undefined when they fit or the browser cannot tell. */
  refusalFor(materials: readonly Material[]): Promise<NotEnoughSpace | undefined>;
  /** Without it the browser may clear the library under storage pressure; asked again only as `ensurePersistentStorage` allows. */
  keepSaved(): Promise<void>;
}

export const browserStorage = (): StorageManagerLike | undefined =>
  typeof navigator !== "undefined" && navigator.storage ? navigator.storage : undefined;

/** Bytes still to fetch for these files: a complete file needs none, a failed one starts again from 0. */
export async function spaceNeeded(materials: readonly Material[], store: Pick<ChunkStore, "file">): Promise<number> {
  let needed = 0;
  for (const material of new Map(materials.map((m) => [m.sha256, m])).values()) {
    const row = await store.file(material.sha256);
    if (row?.state === "complete") continue;
    needed += Math.max(0, material.size - (row && row.state !== "failed" ? row.storedBytes : 0));
  }
  return needed;
}

/** The refusal when the estimate leaves less room than needed; undefined when it fits or the browser gave no quota. */
export function refusalIfTooBig(neededBytes: number, estimate: StorageEstimate): NotEnoughSpace | undefined {
  if (estimate.quota === undefined) return undefined;
  const availableBytes = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  if (availableBytes >= neededBytes) return undefined;
  return {
    ok: false,
    reason: "not_enough_space",
    neededBytes,
    availableBytes,
    message: `This needs ${formatBytes(neededBytes)} but the phone has ${formatBytes(availableBytes)} free. Remove other materials or free some space.`,
  };
}

/** `storage` undefined: a browser without the Storage API, where every save is tried and nothing is asked. */
export function createStorageBudget(
  storage: StorageManagerLike | undefined,
  store: ChunkStore,
  clock: Clock,
  database: OutriggerDb,
): StorageBudget {
  return {
    async refusalFor(materials) {
      const neededBytes = await spaceNeeded(materials, store);
      if (!storage || neededBytes === 0) return undefined;
      const estimate = await storage.estimate().catch((): StorageEstimate => ({}));
      return refusalIfTooBig(neededBytes, estimate);
    },
    async keepSaved() {
      if (storage) await ensurePersistentStorage(storage, clock.now(), database);
    },
  };
}
