// Reads (and, to fake an older app's data, rewrites) the phone's IndexedDB ("outrigger") from a test, in the page itself.
import type { Page } from "playwright-core";

type IndexedDbRequest =
  | { kind: "all"; table: string }
  | { kind: "get"; table: string; key: string }
  | { kind: "set"; table: string; path: string[]; value: unknown }
  | { kind: "chunksSha256"; table: string; index: string; key: string };

/** Runs in the page: one function, so the database is opened the same way for every request. */
async function inPage(request: IndexedDbRequest): Promise<unknown> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("outrigger");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const tx = database.transaction(request.table, request.kind === "set" ? "readwrite" : "readonly");
    const store = tx.objectStore(request.table);
    const query =
      request.kind === "get"
        ? store.get(request.key)
        : request.kind === "chunksSha256"
          ? store.index(request.index).getAll(request.key)
          : store.getAll();
    const result = await new Promise<unknown>((resolve, reject) => {
      query.onsuccess = () => {
        if (request.kind === "set") {
          for (const record of query.result as Record<string, unknown>[]) {
            let target = record;
            for (const step of request.path.slice(0, -1)) target = target[step] as Record<string, unknown>;
            target[request.path[request.path.length - 1]] = request.value;
            store.put(record);
          }
          tx.oncomplete = () => resolve(undefined);
          tx.onerror = () => reject(tx.error);
          return;
        }
        resolve(query.result);
      };
      query.onerror = () => reject(query.error);
    });
    if (request.kind !== "chunksSha256") return result;
    const chunks = (result as { index: number; data: Blob }[]).sort((a, b) => a.index - b.index);
    const digest = await crypto.subtle.digest("SHA-256", await new Blob(chunks.map((c) => c.data)).arrayBuffer());
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } finally {
    database.close();
  }
}

function run(page: Page, request: IndexedDbRequest): Promise<unknown> {
  return page.evaluate(inPage, request);
}

/** Every record of a table (as structured-clone JSON: Blobs do not come across). */
export function readIndexedDb<T>(page: Page, table: string): Promise<T[]> {
  return run(page, { kind: "all", table }) as Promise<T[]>;
}

/** One record by its primary key, or undefined. */
export function readIndexedDbRecord<T>(page: Page, table: string, key: string): Promise<T | undefined> {
  return run(page, { kind: "get", table, key }) as Promise<T | undefined>;
}

/** Sets `path` (e.g. ["reply", "answers", "application"]) to `value` in every record of the table. */
export async function setInEveryRecord(page: Page, table: string, path: string[], value: unknown): Promise<void> {
  await run(page, { kind: "set", table, path, value });
}

/** The SHA-256 of a material's bytes as the phone holds them: its chunks, in order, joined. */
export function storedBlobSha256(page: Page, sha256: string): Promise<string> {
  return run(page, { kind: "chunksSha256", table: "blobChunks", index: "sha256", key: sha256 }) as Promise<string>;
}
