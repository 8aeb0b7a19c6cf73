// What every route needs: the database, the blob store, the manifest signer, the clock (injectable so tests can move time), the look-up limit, log and metrics.
import type { InvitationLookupLimiter } from "../auth/invitationLookupLimiter";
import type { BlobStore } from "../blobs/blobStore";
import type { OutriggerDatabase } from "../db/database";
import type { ReplyResult } from "../../shared/api";
import type { Logger } from "../observability/logger";
import type { AppMetrics, ReplyRoute } from "../observability/metrics";
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
  /** The server's structured log (never personal data: ids, codes and counts only). */
  logger: Logger;
  metrics: AppMetrics;
  /** Counts a reply batch's results and logs any the database refused; returns the results unchanged. */
  observeReplyBatch(route: ReplyRoute, results: ReplyResult[]): ReplyResult[];
}
