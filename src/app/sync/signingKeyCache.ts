// Keeps the server's public signing key on the phone, so a pack received offline can be checked.
import { signingKey, type SigningKey } from "../../shared/signing";
import { createApiClient, parseWith } from "./apiClient";
import { resolvePlatform, type Platform } from "./platform";

export const SIGNING_KEY_META = "signingKey";
const REFRESH_MS = 24 * 60 * 60 * 1000;

interface CachedKey {
  key: SigningKey;
  fetchedAt: string;
}

export async function cachedSigningKey(deps: Partial<Platform> = {}): Promise<SigningKey | undefined> {
  return ((await resolvePlatform(deps).db.meta.get(SIGNING_KEY_META))?.value as CachedKey | undefined)?.key;
}

/** Fetches the key when it is missing or a day old; a failure leaves the cached one in place. */
export async function refreshSigningKey(deps: Partial<Platform> & { requestTimeoutMs?: number } = {}): Promise<void> {
  const platform = resolvePlatform(deps);
  const database = platform.db;
  const now = platform.clock.now();
  const cached = (await database.meta.get(SIGNING_KEY_META))?.value as CachedKey | undefined;
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < REFRESH_MS) return;
  const result = await createApiClient({ ...platform, timeoutMs: deps.requestTimeoutMs }).get(
    "/api/signing-key",
    parseWith(signingKey),
  );
  if (result.ok)
    await database.meta.put({
      key: SIGNING_KEY_META,
      value: { key: result.body, fetchedAt: now.toISOString() } satisfies CachedKey,
    });
}
