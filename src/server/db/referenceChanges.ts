// Tells the reference cache (referenceCache.ts) that campaigns, invitations or administrations were written, so
// the next reply sees the change. Kept apart so the db modules that write can call it without importing the cache.
type ReferenceKind = "campaigns" | "invitations" | "administrations";

/**
 * Bumped by every write to that kind of row in this process, whatever database handle or transaction it used:
 * edits are rare (the console), so forgetting all of a kind, on every database, is simple and safe.
 */
const generations: Record<ReferenceKind, number> = { campaigns: 0, invitations: 0, administrations: 0 };

export function changeGeneration(kind: ReferenceKind): number {
  return generations[kind];
}

export function forgetCampaigns(): void {
  generations.campaigns++;
}

export function forgetInvitations(): void {
  generations.invitations++;
}

export function forgetAdministrations(): void {
  generations.administrations++;
}
