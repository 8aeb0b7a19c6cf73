// Asks the browser to keep this phone's data (drafts, outbox, materials) under storage pressure, and remembers its answer.
import { db, type OutriggerDb } from "./db";

export interface PersistentStorageSource {
  persist(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

/** granted: the browser will not clear our data on its own; refused: it may, when space runs low. */
export type PersistenceState = "granted" | "refused" | "unsupported";

interface PersistenceRecord {
  at: string;
  granted: boolean;
}

export const PERSIST_META_KEY = "persistRequested";
/** A refusal is asked again after a day: Chrome grants it later to an app used often or installed. */
export const ASK_AGAIN_AFTER_MS = 24 * 60 * 60 * 1000;

const browserStorage = (): PersistentStorageSource | undefined =>
  typeof navigator !== "undefined" && "storage" in navigator && typeof navigator.storage.persist === "function"
    ? navigator.storage
    : undefined;

function isRecord(value: unknown): value is PersistenceRecord {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PersistenceRecord).at === "string" &&
    typeof (value as PersistenceRecord).granted === "boolean"
  );
}

/**
 * Makes sure the browser was asked to keep our data: called as soon as there is something of the
 * participant's to lose (a draft, a saved file). Never throws: a browser that fails the call counts as refusing.
 */
export async function ensurePersistentStorage(
  storage: PersistentStorageSource | undefined = browserStorage(),
  now = new Date(),
  database: OutriggerDb = db,
): Promise<PersistenceState> {
  if (!storage) return "unsupported";
  const record = async (granted: boolean): Promise<PersistenceState> => {
    await database.meta.put({
      key: PERSIST_META_KEY,
      value: { at: now.toISOString(), granted } satisfies PersistenceRecord,
    });
    return granted ? "granted" : "refused";
  };
  if (storage.persisted && (await storage.persisted().catch(() => false))) return record(true);
  const previous = (await database.meta.get(PERSIST_META_KEY))?.value;
  if (isRecord(previous) && !previous.granted && now.getTime() - Date.parse(previous.at) < ASK_AGAIN_AFTER_MS)
    return "refused";
  return record(await storage.persist().catch(() => false));
}

/** What the browser last said, without asking it again (undefined: never asked). */
export async function lastPersistenceAnswer(database: OutriggerDb = db): Promise<PersistenceState | undefined> {
  const previous = (await database.meta.get(PERSIST_META_KEY))?.value;
  if (!isRecord(previous)) return undefined;
  return previous.granted ? "granted" : "refused";
}
