// `npm run backup`: one consistent archive of a running server's data — SQLite online backup, material blobs,
// reply attachments and the manifest signing key — with a manifest of every file's SHA-256 and size.
import { copyFile, link, mkdir, mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import * as tar from "tar";
import { isPostgresUrl, sqliteFilePath } from "../db/database";
import { SERVER_VERSION } from "../version";
import {
  BACKED_UP_FOLDERS,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_PATH,
  type BackupFileEntry,
  type BackupManifest,
} from "./backupManifest";
import { sha256OfFile, walkTree } from "./fileTree";

/** Temporary files of a material import still being written (see blobStore): not part of the store yet. */
const INCOMING_BLOB_PREFIX = ".incoming-";
/** What the copy of the database inside the archive is called (the server's default name). */
const ARCHIVED_DATABASE = "outrigger.sqlite";

export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusedError";
  }
}

export interface BackupOptions {
  /** The data folder: SQLite file, blobs/, uploads/, keys/. */
  dataDir: string;
  /** The archive to write; default `outrigger-backup-<UTC timestamp>.tar` in the current folder. */
  out?: string;
  /** DATABASE_URL: a postgres:// URL is refused unless `filesOnly`; a path names the SQLite file. */
  databaseUrl?: string;
  /** Only the files of the data folder (the database is backed up another way, e.g. pg_dump). */
  filesOnly?: boolean;
  now?: () => Date;
}

export interface BackupResult {
  archive: string;
  archiveBytes: number;
  manifest: BackupManifest;
  /** Bytes of the files archived (before tar's headers and padding). */
  fileBytes: number;
}

export function defaultBackupName(at: Date): string {
  return `outrigger-backup-${at
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "")}.tar`;
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? (() => new Date());
  const dataDir = resolve(options.dataDir);
  const withDatabase = !options.filesOnly;
  if (withDatabase && isPostgresUrl(options.databaseUrl)) {
    throw new BackupRefusedError(
      'DATABASE_URL points to PostgreSQL: back the database up with pg_dump (pg_dump --format=custom --file outrigger.dump "$DATABASE_URL"), ' +
        "and the files of the data folder with `npm run backup -- --files-only`.",
    );
  }
  const databaseFile = sqliteFilePath(options.databaseUrl, dataDir);
  if (withDatabase)
    await stat(databaseFile).catch(() => {
      throw new BackupRefusedError(`There is no database at ${databaseFile}: check DATA_DIR (or DATABASE_URL).`);
    });

  const createdAt = now();
  const archive = resolve(options.out ?? defaultBackupName(createdAt));
  if (
    await stat(archive).then(
      () => true,
      () => false,
    )
  )
    throw new BackupRefusedError(`${archive} already exists: a backup never replaces another. Choose another --out.`);
  await mkdir(dirname(archive), { recursive: true });
  // Staged beside the archive: blobs are hard-linked from there when the file system allows (they never change).
  const staging = await mkdtemp(join(dirname(archive), `.${basename(archive)}-staging-`));
  const partial = `${archive}.partial`;
  try {
    // The database first: every file a row names was on disk by then, so the folders copied after it hold at least those.
    const counts = withDatabase
      ? await snapshotSqlite(databaseFile, join(staging, ARCHIVED_DATABASE))
      : { replies: null, attachments: null };
    for (const folder of BACKED_UP_FOLDERS)
      await stageFolder(join(dataDir, folder), join(staging, folder), folder === "blobs");
    const files: BackupFileEntry[] = [];
    for (const entry of await walkTree(staging)) {
      if (entry.kind !== "file") continue;
      files.push({ path: entry.path, ...(await sha256OfFile(join(staging, entry.path))) });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      appVersion: SERVER_VERSION,
      database: withDatabase ? "sqlite" : "none",
      counts: { ...counts, materialFiles: files.filter((file) => file.path.startsWith("blobs/")).length },
      files,
    };
    await writeFile(join(staging, BACKUP_MANIFEST_PATH), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written under another name and renamed: an archive with the final name is always whole.
    await tar.create({ file: partial, cwd: staging, portable: true, noDirRecurse: true }, [
      BACKUP_MANIFEST_PATH,
      ...files.map((file) => file.path),
    ]);
    await rename(partial, archive);
    return {
      archive,
      archiveBytes: (await stat(archive)).size,
      manifest,
      fileBytes: files.reduce((sum, file) => sum + file.size, 0),
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/**
 * SQLite's online backup from a connection of its own, safe while the server writes. All pages are copied in
 * one step: a write by another connection between steps would restart the copy, and a busy server could keep
 * it restarting for ever. The copy is then checked and turned into a plain single-file database.
 */
async function snapshotSqlite(source: string, destination: string): Promise<{ replies: number; attachments: number }> {
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new SQLite(destination, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok")
      throw new Error(`The database copy failed SQLite's integrity check (${String(check)}); nothing was written.`);
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { replies: count("replies"), attachments: count("attachments") };
  } finally {
    copy.close();
  }
}

/** Copies a folder of the data directory (blobs hard-linked when possible), leaving out imports still being written. */
async function stageFolder(from: string, to: string, immutable: boolean): Promise<void> {
  for (const entry of await walkTree(from)) {
    const target = join(to, entry.path);
    if (entry.kind === "directory") {
      await mkdir(target, { recursive: true });
      continue;
    }
    if (entry.kind !== "file" || basename(entry.path).startsWith(INCOMING_BLOB_PREFIX)) continue;
    await mkdir(dirname(target), { recursive: true });
    try {
      if (immutable) await link(join(from, entry.path), target).catch(() => copyFile(join(from, entry.path), target));
      else await copyFile(join(from, entry.path), target);
    } catch (error) {
      // A file removed between listing and copying (an expired upload swept) is simply not in this backup.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}
