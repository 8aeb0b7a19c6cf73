// Keeps each joined workshop's materials manifest current, and moves offline choices to the new content when a file changes.
import {
  diffManifests,
  invitationAuthorization,
  materialsManifest,
  type MaterialsManifest,
} from "../../shared/materials";
import { db as defaultDb, type OutriggerDb, type StoredManifest } from "../store/db";
import { deleteBlobIfUnused, ensureBlobQueued, offlineTables } from "../store/offlineChoices";
import { createApiClient, parseWith } from "./apiClient";
import { resolvePlatform, type Platform } from "./platform";

export type ManifestDeps = Partial<Platform> & { requestTimeoutMs?: number };

export type ManifestRefreshResult =
  | {
      ok: true;
      changed: boolean;
      /** Files queued for download because a kept material changed; start them with the downloader's `resumeInterrupted()`. */ queuedBlobs: string[];
    }
  | { ok: false; reason: "offline" | "not_allowed" | "server_error"; message: string };

export const MANIFEST_MESSAGES = {
  offline: "You seem to be offline. The list of materials will be updated when a connection returns.",
  not_allowed:
    "Your invitation does not open this workshop's materials. Check that you joined with the invitation from your e-mail.",
  server_error: "The server could not send the list of materials just now. Please try again in a few minutes.",
} as const;

/** The invitation code this phone joined the workshop with: the proof it may read its materials. */
export async function invitationCodeForWorkshop(
  workshopId: string,
  database: OutriggerDb = defaultDb,
): Promise<string | undefined> {
  const joined = await database.campaigns.filter((c) => c.campaign.workshopId === workshopId).toArray();
  joined.sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : 0));
  return joined[0]?.invitationCode;
}

export async function refreshManifest(workshopId: string, deps: ManifestDeps = {}): Promise<ManifestRefreshResult> {
  const { db: database, fetch, baseUrl, clock } = resolvePlatform(deps);
  const code = await invitationCodeForWorkshop(workshopId, database);
  if (!code) return { ok: false, reason: "not_allowed", message: MANIFEST_MESSAGES.not_allowed };
  const previous = await database.manifests.get(workshopId);
  const headers: Record<string, string> = { Authorization: invitationAuthorization(code) };
  // Only a list the server signed may be revalidated with 304; anything else is fetched whole and replaced.
  if (previous?.signature) headers["If-None-Match"] = `"${previous.version}"`;
  const client = createApiClient({ fetch, baseUrl, clock, timeoutMs: deps.requestTimeoutMs });
  const result = await client.get(
    `/api/workshops/${encodeURIComponent(workshopId)}/materials`,
    parseWith(materialsManifest),
    headers,
  );
  const at = clock.now().toISOString();

  if (!result.ok) {
    if (result.kind === "http" && result.status === 304 && previous) {
      await database.manifests.update(workshopId, { fetchedAt: at });
      return { ok: true, changed: false, queuedBlobs: [] };
    }
    if (result.kind !== "http" || !result.error)
      return { ok: false, reason: "offline", message: MANIFEST_MESSAGES.offline };
    if (result.status === 401 || result.status === 403 || result.status === 404)
      return { ok: false, reason: "not_allowed", message: MANIFEST_MESSAGES.not_allowed };
    return { ok: false, reason: "server_error", message: MANIFEST_MESSAGES.server_error };
  }
  const next = result.body;
  if (next.workshopId !== workshopId)
    return { ok: false, reason: "server_error", message: MANIFEST_MESSAGES.server_error };
  if (previous && previous.version === next.version) {
    // Same version: the server's list and workshop still win over whatever the phone held under that version.
    await database.manifests.update(workshopId, {
      fetchedAt: at,
      materials: next.materials,
      ...(next.signature ? { signature: next.signature } : {}),
      ...(next.workshop ? { workshop: next.workshop } : {}),
    });
    return { ok: true, changed: false, queuedBlobs: [] };
  }
  const queuedBlobs = await storeNewVersion(previous, next, at, database);
  return { ok: true, changed: previous !== undefined, queuedBlobs };
}

/** Stores the new manifest and follows it with the choices, in one transaction so the library never shows a mix. */
async function storeNewVersion(
  previous: StoredManifest | undefined,
  next: MaterialsManifest,
  at: string,
  database: OutriggerDb,
): Promise<string[]> {
  return database.transaction("rw", [database.manifests, ...offlineTables(database)], async () => {
    const stored: StoredManifest = {
      workshopId: next.workshopId,
      version: next.version,
      fetchedAt: at,
      materials: next.materials,
    };
    // Kept so a pack made from this phone can prove the list came from the server.
    if (next.signature) stored.signature = next.signature;
    if (next.workshop) stored.workshop = next.workshop;
    if (previous) {
      stored.changes = diffManifests(previous.materials, next.materials);
      stored.changesSeen = false;
    }
    await database.manifests.put(stored);

    const byId = new Map(next.materials.map((m) => [m.id, m]));
    const queued: string[] = [];
    const maybeUnused = new Set<string>();
    for (const choice of await database.offlineChoices.where("workshopId").equals(next.workshopId).toArray()) {
      const material = byId.get(choice.materialId);
      if (!material) {
        // The organiser withdrew it: nothing left to keep it for.
        await database.offlineChoices.delete(choice.materialId);
        maybeUnused.add(choice.sha256);
        if (choice.previousSha256) maybeUnused.add(choice.previousSha256);
        continue;
      }
      if (material.sha256 === choice.sha256) continue;
      const current = await database.blobs.get(choice.sha256);
      // Keep the newest verified version readable until the update is verified; a half-fetched superseded one is dropped.
      const previousSha256 = current?.state === "complete" ? choice.sha256 : choice.previousSha256;
      if (current?.state !== "complete") maybeUnused.add(choice.sha256);
      if (choice.previousSha256 && choice.previousSha256 !== previousSha256) maybeUnused.add(choice.previousSha256);
      const { previousSha256: _old, ...rest } = choice;
      await database.offlineChoices.put({
        ...rest,
        sha256: material.sha256,
        ...(previousSha256 && previousSha256 !== material.sha256 ? { previousSha256 } : {}),
      });
      const blob = await ensureBlobQueued(material, at, database);
      if (blob.state !== "complete" && !queued.includes(material.sha256)) queued.push(material.sha256);
    }
    for (const sha of maybeUnused) await deleteBlobIfUnused(sha, database);
    return queued;
  });
}

/** Refreshes every workshop this phone joined; stops asking once the phone is found offline. */
export async function refreshAllManifests(deps: ManifestDeps = {}): Promise<Record<string, ManifestRefreshResult>> {
  const database = resolvePlatform(deps).db;
  const workshopIds = [...new Set((await database.campaigns.toArray()).map((c) => c.campaign.workshopId))].sort();
  const results: Record<string, ManifestRefreshResult> = {};
  let offline = false;
  for (const workshopId of workshopIds) {
    results[workshopId] = offline
      ? { ok: false, reason: "offline", message: MANIFEST_MESSAGES.offline }
      : await refreshManifest(workshopId, deps);
    const result = results[workshopId];
    if (!result.ok && result.reason === "offline") offline = true;
  }
  return results;
}

/** The participant has seen what changed at the last update. */
export async function markChangesSeen(workshopId: string, database: OutriggerDb = defaultDb): Promise<void> {
  await database.manifests.update(workshopId, { changesSeen: true });
}
