// Small facts the app remembers about itself (e.g. which build's PDF viewer is kept), one value per key.
import { db, type OutriggerDb } from "./db";

export async function readMetaValue(key: string, database: OutriggerDb = db): Promise<unknown> {
  return (await database.meta.get(key))?.value;
}

export async function writeMetaValue(key: string, value: unknown, database: OutriggerDb = db): Promise<void> {
  await database.meta.put({ key, value });
}
