// Keeps the server's public signing key on the phone, so a pack received offline can be checked.
import { signingKey, type SigningKey } from "../../shared/signing";
import { db as defaultDb, type OutriggerDb } from "../store/db";
import { createApiClient, parseWith } from "./apiClient";

export const SIGNING_KEY_META = "signingKey";
const REFRESH_MS = 24 * 60 * 60 * 1000;

interface CachedKey {
  key: SigningKey;
  fetchedAt: string;
}

export async function cachedSigningKey(database: OutriggerDb = defaultDb): Promise<SigningKey | undefined> {
  return ((await database.meta.get(SIGNING_KEY_META))?.value as CachedKey | undefined)?.key;
}

/** Fetches the key when it is missing or a day old; a failure leaves the cached one in place. */
export async function refreshSigningKey(deps: { db?: OutriggerDb; fetch?: typeof fetch; baseUrl?: string; now?: () => Date } = {}): Promise<void> {
  const database = deps.db ?? defaultDb;
  const now = (deps.now ?? (() => new Date()))();
  const cached = (await database.meta.get(SIGNING_KEY_META))?.value as CachedKey | undefined;
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < REFRESH_MS) return;
  const result = await createApiClient({ fetch: deps.fetch, baseUrl: deps.baseUrl }).get("/api/signing-key", parseWith(signingKey));
  if (result.ok) await database.meta.put({ key: SIGNING_KEY_META, value: { key: result.body, fetchedAt: now.toISOString() } satisfies CachedKey });
}
