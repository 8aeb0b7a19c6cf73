// What every route needs: the database, the blob store, the manifest signer, the clock (injectable so tests can move time) and the look-up limit.
import type { InvitationLookupLimiter } from "../auth/invitationLookupLimiter";
import type { BlobStore } from "../blobs/blobStore";
import type { OutriggerDatabase } from "../db/database";
import type { ManifestSigner } from "../signing/manifestSigner";

export interface AppDeps {
  db: OutriggerDatabase;
  now: () => Date;
  blobStore: BlobStore;
  signer: ManifestSigner;
  /** Counts failed invitation-code look-ups per source (every route that takes a code). */
  invitationLookups: InvitationLookupLimiter;
  /** Believe X-Forwarded-Proto / X-Forwarded-For (behind a reverse proxy; env TRUST_PROXY=1). */
  trustProxy: boolean;
}
