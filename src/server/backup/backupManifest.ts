// The manifest inside a backup archive: what it holds and the SHA-256 and size of every file, so a restore can check it.
import * as z from "zod/mini";

export const BACKUP_FORMAT = "outrigger-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** The first entry of every archive; everything else mirrors DATA_DIR's layout. */
export const BACKUP_MANIFEST_PATH = "outrigger-backup.json";
/** What a data folder holds that a backup carries (the SQLite file is added by name). */
export const BACKED_UP_FOLDERS = ["blobs", "uploads", "keys"] as const;

/**
 * A relative path with `/` separators, no empty, `.` or `..` part, under the SQLite file's name or one of the
 * backed-up folders: a manifest can never name a place outside the folder being restored.
 */
const archivePath = z.string().check(
  z.refine((path) => {
    const parts = path.split("/");
    if (
      parts.some((part) => part === "" || part === "." || part === ".." || part.includes("\\") || part.includes("\0"))
    )
      return false;
    return parts.length === 1
      ? /^[^/]+\.sqlite$/.test(path)
      : (BACKED_UP_FOLDERS as readonly string[]).includes(parts[0]);
  }, "not a path a backup may hold"),
);

export const backupFileEntry = z.object({
  path: archivePath,
  size: z.number().check(z.int(), z.nonnegative()),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type BackupFileEntry = z.infer<typeof backupFileEntry>;

export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  /** "sqlite": the database file is in the archive; "none": files only (PostgreSQL is backed up with pg_dump). */
  database: z.enum(["sqlite", "none"]),
  counts: z.object({
    replies: z.nullable(z.number()),
    materialFiles: z.number(),
    attachments: z.nullable(z.number()),
  }),
  files: z.array(backupFileEntry),
});
export type BackupManifest = z.infer<typeof backupManifest>;
