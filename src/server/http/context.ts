// What every route needs: the database, the blob store, the manifest signer and the clock (injectable so tests can move time).
import type { BlobStore } from "../blobs/blobStore";
import type { OutriggerDatabase } from "../db/database";
import type { ManifestSigner } from "../signing/manifestSigner";

export interface AppDeps {
  db: OutriggerDatabase;
  now: () => Date;
  blobStore: BlobStore;
  signer: ManifestSigner;
}
