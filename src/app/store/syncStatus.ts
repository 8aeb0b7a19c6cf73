// What the sync engine last knew about the connection, kept in Dexie so the UI can show it without touching the network.
import { db, type OutriggerDb } from "./db";

export const SYNC_STATUS_KEY = "syncStatus";

export interface SyncStatus {
  /** "online" only after reaching our server, never from navigator.onLine. */
  connection: "unknown" | "online" | "offline";
  lastContactAt?: string;
  /** When a sync last ended with nothing left to send. */
  lastSyncAt?: string;
  syncing: boolean;
  nextAttemptAt?: string;
  lastProblem?: string;
}

export async function readSyncStatus(database: OutriggerDb = db): Promise<SyncStatus> {
  const stored = (await database.meta.get(SYNC_STATUS_KEY))?.value as SyncStatus | undefined;
  return stored ?? { connection: "unknown", syncing: false };
}

export async function writeSyncStatus(status: SyncStatus, database: OutriggerDb = db): Promise<void> {
  await database.meta.put({ key: SYNC_STATUS_KEY, value: status });
}
