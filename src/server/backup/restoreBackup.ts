// `npm run restore`: fills an empty data folder from a backup archive, only after every file's SHA-256 has been checked.
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import * as tar from "tar";
import { SQLITE_FILE_NAME } from "../db/database";
import { BACKED_UP_FOLDERS, BACKUP_MANIFEST_PATH, backupManifest, type BackupManifest } from "./backupManifest";
import { sha256OfFile, walkTree } from "./fileTree";

/** What makes a data folder not empty: restoring over any of these could lose data, so it is refused. */
const OCCUPYING_NAMES = [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, ...BACKED_UP_FOLDERS];

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  files: number;
  fileBytes: number;
}

export async function restoreBackup(archivePath: string, dataDirPath: string): Promise<RestoreResult> {
  const archive = resolve(archivePath);
  const dataDir = resolve(dataDirPath);
  await stat(archive).catch(() => {
    throw new RestoreRefusedError(`There is no backup archive at ${archive}.`);
  });
  await refuseOccupied(dataDir);
  // Unpacked next to the data folder (same file system), so putting it in place is a rename.
  await mkdir(dirname(dataDir), { recursive: true });
  const unpacked = await mkdtemp(join(dirname(dataDir), `.${basename(dataDir)}-restore-`));
  try {
    await unpack(archive, unpacked);
    const manifest = await checkUnpacked(unpacked);
    await rm(join(unpacked, BACKUP_MANIFEST_PATH));
    // The signing key is the server's alone, whatever modes the archive carried.
    await chmod(join(unpacked, "keys"), 0o700).catch(ignoreMissing);
    for (const entry of await walkTree(join(unpacked, "keys")))
      if (entry.kind === "file") await chmod(join(unpacked, "keys", entry.path), 0o600);
    await refuseOccupied(dataDir);
    await moveIntoPlace(unpacked, dataDir);
    return {
      dataDir,
      manifest,
      files: manifest.files.length,
      fileBytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    };
  } finally {
    await rm(unpacked, { recursive: true, force: true });
  }
}

async function refuseOccupied(dataDir: string): Promise<void> {
  const present: string[] = [];
  for (const name of OCCUPYING_NAMES)
    if (
      await stat(join(dataDir, name)).then(
        () => true,
        () => false,
      )
    )
      present.push(name);
  if (present.length > 0) {
    throw new RestoreRefusedError(
      `${dataDir} already holds ${present.join(", ")}. A restore only fills an empty data folder and never overwrites one: ` +
        "set DATA_DIR to a new folder, or move this one aside first.",
    );
  }
}

async function unpack(archive: string, into: string): Promise<void> {
  try {
    // strict: a damaged header is an error, not a warning; only plain files and folders are written (no links).
    await tar.extract({
      file: archive,
      cwd: into,
      strict: true,
      filter: (_path, entry) => "type" in entry && (entry.type === "File" || entry.type === "Directory"),
    });
  } catch (error) {
    throw new RestoreRefusedError(
      `The archive is damaged and cannot be read (${error instanceof Error ? error.message : String(error)}). Nothing was restored.`,
    );
  }
}

/** The manifest, once every file it lists is there with its size and SHA-256, and nothing else is. */
async function checkUnpacked(unpacked: string): Promise<BackupManifest> {
  const damaged = (why: string) => new RestoreRefusedError(`The archive is damaged: ${why}. Nothing was restored.`);
  let manifest: BackupManifest;
  try {
    manifest = backupManifest.parse(JSON.parse(await readFile(join(unpacked, BACKUP_MANIFEST_PATH), "utf8")));
  } catch {
    throw damaged(
      `its manifest (${BACKUP_MANIFEST_PATH}) is missing or not an Outrigger backup manifest of a version this server reads`,
    );
  }
  const listed = new Map(manifest.files.map((file) => [file.path, file]));
  const found = new Set<string>();
  for (const entry of await walkTree(unpacked)) {
    if (entry.kind === "directory" || entry.path === BACKUP_MANIFEST_PATH) continue;
    if (entry.kind !== "file" || !listed.has(entry.path)) throw damaged(`${entry.path} is not listed in its manifest`);
    found.add(entry.path);
  }
  for (const file of manifest.files) {
    if (!found.has(file.path)) throw damaged(`${file.path} is missing`);
    const actual = await sha256OfFile(join(unpacked, file.path));
    if (actual.size !== file.size || actual.sha256 !== file.sha256)
      throw damaged(`${file.path} does not match its recorded size and SHA-256`);
  }
  return manifest;
}

async function moveIntoPlace(unpacked: string, dataDir: string): Promise<void> {
  const existing = await readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing === undefined || existing.length === 0) {
    if (existing !== undefined) await rmdir(dataDir);
    await rename(unpacked, dataDir);
    return;
  }
  // The folder holds something unrelated (a README, a .gitkeep): move the restored entries in beside it.
  for (const name of await readdir(unpacked)) await rename(join(unpacked, name), join(dataDir, name));
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}
