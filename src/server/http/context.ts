// What every route needs: the database, the blob store and the clock (injectable so tests can move time).
import type { BlobStore } from "../blobs/blobStore";
import type { OutriggerDatabase } from "../db/database";

export interface AppDeps {
  db: OutriggerDatabase;
  now: () => Date;
  blobStore: BlobStore;
}
