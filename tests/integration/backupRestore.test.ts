// `npm run backup` / `npm run restore` on SQLite against a real running server: a consistent archive taken while
// replies arrive, restored into an empty folder that a new server serves unchanged; refusals that change nothing.
import { createHash, randomBytes } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyBatchResponse } from "../../src/shared/api";
import { consoleAttachmentList } from "../../src/shared/attachments";
import { invitationAuthorization, materialsManifest, type MaterialsManifest } from "../../src/shared/materials";
import { signingKey, verifyManifestSignature, type ManifestSignature } from "../../src/shared/signing";
import { BACKUP_MANIFEST_PATH, backupManifest } from "../../src/server/backup/backupManifest";
import { createBackup, type BackupResult } from "../../src/server/backup/createBackup";
import { sha256OfFile, walkTree } from "../../src/server/backup/fileTree";
import { restoreBackup } from "../../src/server/backup/restoreBackup";
import { SQLITE_FILE_NAME } from "../../src/server/db/database";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { addMaterials } from "../../src/server/materials/addMaterials";
import { startServer, type RunningServer } from "../../src/server/serve";
import { addOrganiser, TEST_PASSWORD } from "./support/consoleClient";
import { validReply } from "./support/replyFixtures";
import { tusClient } from "./support/tusClient";

const now = new Date("2024-02-01T10:00:00.000Z");
const ORGANISER = "organiser@example.org";
const startOn = (dataDir: string) =>
  startServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: "",
    dataDir,
    staticDir: "/nonexistent-outrigger-dist",
    quiet: true,
    mailer: null,
    now: () => now,
  });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every path under a folder with its SHA-256: two listings are equal only if nothing was added, removed or changed. */
async function fingerprint(dir: string): Promise<string[]> {
  const lines: string[] = [];
  for (const entry of await walkTree(dir))
    lines.push(
      entry.kind === "file" ? `${entry.path} ${(await sha256OfFile(join(dir, entry.path))).sha256}` : `${entry.path}/`,
    );
  return lines;
}

async function postReply(url: string): Promise<string | undefined> {
  const reply = validReply();
  const res = await fetch(`${url}/api/replies`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ replies: [reply] }),
  });
  if (res.status !== 200) return undefined;
  const [result] = replyBatchResponse.parse(await res.json()).results;
  return result.outcome === "stored" ? reply.id : undefined;
}

async function signedIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/console/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: ORGANISER, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

describe("backup and restore of a running server's data folder (SQLite)", () => {
  const root = mkdtempSync(join(tmpdir(), "outrigger-backup-"));
  const dataDir = join(root, "data");
  const restoredDir = join(root, "restored");
  const archivePath = join(root, "archive", "outrigger-backup-test.tar");
  let server: RunningServer;
  let restoredServer: RunningServer | undefined;
  let signedManifest: MaterialsManifest & { signature: ManifestSignature };
  const addedMaterial = Buffer.from(`# Notes for the backup test\n\n${randomBytes(40_000).toString("hex")}\n`);
  const attachment = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(150_000)]);
  const attachmentId = uuidv7();
  const replyWithAttachment = validReply();
  let ackedBeforeBackup: string[] = [];
  let ackedDuringBackup = 0;
  let backup: BackupResult;
  let backupMs = 0;

  beforeAll(async () => {
    server = await startOn(dataDir);
    await addOrganiser(server.db, ORGANISER, "organiser", now);
    // A material of this test's own: demo materials are rewritten on every start, so they alone would prove nothing.
    const materialFile = join(root, "backup-notes.md");
    writeFileSync(materialFile, addedMaterial);
    await addMaterials(server.db, server.blobStore, DEMO_WORKSHOP_ID, [materialFile]);
    const manifestRes = await fetch(`${server.url}/api/workshops/${DEMO_WORKSHOP_ID}/materials`, {
      headers: { Authorization: invitationAuthorization("DEMO-TO1") },
    });
    expect(manifestRes.status).toBe(200);
    const manifest = materialsManifest.parse(await manifestRes.json());
    if (!manifest.signature) throw new Error("the manifest carries no signature");
    signedManifest = manifest as MaterialsManifest & { signature: ManifestSignature };

    const sent = await fetch(`${server.url}/api/replies`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ replies: [replyWithAttachment] }),
    });
    expect(sent.status).toBe(200);
    const tus = tusClient(server.url, "DEMO-TO1");
    const { response, location } = await tus.create(
      replyWithAttachment.id,
      { filename: "Workshop report.pdf", filetype: "application/pdf", attachmentId },
      attachment.length,
    );
    expect(response.status).toBe(201);
    expect((await tus.patch(location, 0, attachment)).status).toBe(204);
  });

  afterAll(async () => {
    await restoredServer?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  // Three posting clients race the archive on purpose: 24 s beside two CPU-bound processes, near the 30 s default.
  const BACKUP_UNDER_LOAD_TIMEOUT_MS = 120_000;
  it(
    "writes one archive while replies keep arriving, holding the database, material files, attachment with its tus record, and signing key",
    async () => {
      const acked: string[] = [];
      let posting = true;
      const poster = async () => {
        while (posting) {
          const id = await postReply(server.url);
          if (id) acked.push(id);
        }
      };
      const posters = [poster(), poster(), poster()];
      while (acked.length < 30) await new Promise((resolve) => setTimeout(resolve, 5));
      ackedBeforeBackup = [...acked, replyWithAttachment.id];
      const started = performance.now();
      try {
        backup = await createBackup({ dataDir, out: archivePath });
      } finally {
        backupMs = performance.now() - started;
        ackedDuringBackup = acked.length - (ackedBeforeBackup.length - 1);
        posting = false;
        await Promise.all(posters);
      }
      // The replies kept coming while the archive was written: the backup ran beside real writes.
      expect(ackedDuringBackup).toBeGreaterThan(0);
      expect(backup.archive).toBe(archivePath);
      const paths = backup.manifest.files.map((file) => file.path);
      expect(paths).toContain(SQLITE_FILE_NAME);
      expect(paths).toContain(`blobs/${sha256(addedMaterial).slice(0, 2)}/${sha256(addedMaterial)}`);
      expect(paths).toContain(`uploads/${attachmentId}`);
      expect(paths).toContain(`uploads/${attachmentId}.json`);
      expect(paths).toContain("keys/manifest-signing-ed25519.pem");
      expect(paths.some((path) => path.includes(".incoming-") || path.endsWith("-wal") || path.endsWith("-shm"))).toBe(
        false,
      );
      expect(backup.manifest.files.find((file) => file.path === `uploads/${attachmentId}`)).toEqual({
        path: `uploads/${attachmentId}`,
        size: attachment.length,
        sha256: sha256(attachment),
      });
      expect(backup.manifest.counts.materialFiles).toBe(signedManifest.materials.length);
      expect(backup.manifest.counts.attachments).toBe(1);
      expect(backup.manifest.counts.replies).toBeGreaterThanOrEqual(ackedBeforeBackup.length);
      console.log(
        `backup figures: ${backup.manifest.files.length} files, ${backup.fileBytes} bytes of files, archive ${backup.archiveBytes} bytes, ${Math.round(backupMs)} ms, ${ackedDuringBackup} replies stored during it`,
      );
    },
    BACKUP_UNDER_LOAD_TIMEOUT_MS,
  );

  it("restores into an empty folder: every reply acknowledged before the backup began, in a database that passes the integrity check", async () => {
    const result = await restoreBackup(archivePath, restoredDir);
    expect(result.files).toBe(backup.manifest.files.length);
    expect(existsSync(join(restoredDir, BACKUP_MANIFEST_PATH))).toBe(false);
    // Nothing of the restore's work folder is left beside the data folder.
    expect(readdirSync(root).filter((name) => name.includes("-restore-"))).toEqual([]);
    const restored = new SQLite(join(restoredDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    try {
      expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
      const ids = new Set((restored.prepare("SELECT id FROM replies").all() as { id: string }[]).map((row) => row.id));
      expect(ackedBeforeBackup.filter((id) => !ids.has(id))).toEqual([]);
      expect(ids.size).toBe(backup.manifest.counts.replies);
    } finally {
      restored.close();
    }
  });

  it("a server started on the restored folder serves the same material files, attachment and signing key, and the old signature verifies", async () => {
    restoredServer = await startOn(restoredDir);
    const url = restoredServer.url;

    const keyRes = await fetch(`${url}/api/signing-key`);
    expect(keyRes.status).toBe(200);
    const key = signingKey.parse(await keyRes.json());
    expect(key).toEqual(server.signingKey);
    expect(await verifyManifestSignature(signedManifest, signedManifest.signature, key)).toBe(true);

    const manifestRes = await fetch(`${url}/api/workshops/${DEMO_WORKSHOP_ID}/materials`, {
      headers: { Authorization: invitationAuthorization("DEMO-TO1") },
    });
    const manifest = materialsManifest.parse(await manifestRes.json());
    expect(manifest.version).toBe(signedManifest.version);
    for (const material of signedManifest.materials) {
      const blob = await fetch(`${url}/api/blobs/${material.sha256}`, {
        headers: { Authorization: invitationAuthorization("DEMO-TO1") },
      });
      expect(blob.status, material.fileName).toBe(200);
      expect(sha256(new Uint8Array(await blob.arrayBuffer()))).toBe(material.sha256);
    }

    const cookie = await signedIn(url);
    const listed = await fetch(`${url}/api/console/replies/${replyWithAttachment.id}/attachments`, {
      headers: { Cookie: cookie },
    });
    expect(listed.status).toBe(200);
    const { attachments } = consoleAttachmentList.parse(await listed.json());
    expect(attachments.map(({ id, size, sha256: hash }) => ({ id, size, sha256: hash }))).toEqual([
      { id: attachmentId, size: attachment.length, sha256: sha256(attachment) },
    ]);
    const download = await fetch(`${url}${attachments[0].downloadUrl}`, { headers: { Cookie: cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(attachment)).toBe(true);

    // The tus record came back too: the phone asking about its upload hears it is complete.
    const head = await tusClient(url, "DEMO-TO1").head(`/api/uploads/${attachmentId}`);
    expect(head.status).toBe(200);
    expect(head.headers.get("upload-offset")).toBe(String(attachment.length));
  });

  it("a restore into a folder that already holds a database or keys is refused and changes nothing", async () => {
    const occupied = join(root, "occupied");
    mkdirSync(join(occupied, "keys"), { recursive: true });
    writeFileSync(join(occupied, "keys", "manifest-signing-ed25519.pem"), "the key of another server\n");
    writeFileSync(join(occupied, SQLITE_FILE_NAME), "another server's database");
    const before = await fingerprint(occupied);
    const siblingsBefore = readdirSync(root).sort();

    await expect(restoreBackup(archivePath, occupied)).rejects.toThrow(
      /already holds outrigger\.sqlite, keys\. A restore only fills an empty data folder/,
    );

    expect(await fingerprint(occupied)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(siblingsBefore);
  });

  it("an archive with one byte changed is refused before anything is put in place, and the target stays empty", async () => {
    const tampered = join(root, "tampered.tar");
    copyFileSync(archivePath, tampered);
    const bytes = readFileSync(tampered);
    // A byte inside the attachment's content: the tar headers' own checksums do not cover file contents.
    const at = bytes.indexOf(attachment.subarray(1000, 1064));
    expect(at).toBeGreaterThan(0);
    bytes[at + 10] ^= 0x01;
    writeFileSync(tampered, bytes);
    const target = join(root, "tampered-target");
    mkdirSync(target);
    const siblingsBefore = readdirSync(root).sort();

    await expect(restoreBackup(tampered, target)).rejects.toThrow(
      `The archive is damaged: uploads/${attachmentId} does not match its recorded size and SHA-256. Nothing was restored.`,
    );

    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(siblingsBefore);
  });

  it("a backup never replaces an existing archive, and a cut-off archive is refused on restore", async () => {
    const before = await sha256OfFile(archivePath);
    await expect(createBackup({ dataDir, out: archivePath })).rejects.toThrow(
      /already exists: a backup never replaces another/,
    );
    expect(await sha256OfFile(archivePath)).toEqual(before);

    const cut = join(root, "cut.tar");
    writeFileSync(cut, readFileSync(archivePath).subarray(0, Math.floor(before.size * 0.6)));
    const target = join(root, "cut-target");
    await expect(restoreBackup(cut, target)).rejects.toThrow(/^The archive is damaged/);
    expect(existsSync(target)).toBe(false);
  });

  it("the manifest inside the archive is the one the backup reported, listing every file once", async () => {
    const unpackedManifest = join(root, "manifest-only");
    mkdirSync(unpackedManifest);
    const tar = await import("tar");
    await tar.extract({ file: archivePath, cwd: unpackedManifest }, [BACKUP_MANIFEST_PATH]);
    const manifest = backupManifest.parse(
      JSON.parse(readFileSync(join(unpackedManifest, BACKUP_MANIFEST_PATH), "utf8")),
    );
    expect(manifest).toEqual(backup.manifest);
    expect(new Set(manifest.files.map((file) => file.path)).size).toBe(manifest.files.length);
  });

  it("with PostgreSQL the database part is refused with a pointer to pg_dump, and --files-only archives the data folder without it", async () => {
    const postgresUrl = "postgres://outrigger@db.example.org:5432/outrigger";
    const refusedOut = join(root, "pg", "refused.tar");
    await expect(createBackup({ dataDir, out: refusedOut, databaseUrl: postgresUrl })).rejects.toThrow(
      /PostgreSQL: back the database up with pg_dump \(pg_dump --format=custom .*--files-only/,
    );
    expect(existsSync(refusedOut)).toBe(false);

    const filesOnly = await createBackup({
      dataDir,
      out: join(root, "pg", "files.tar"),
      databaseUrl: postgresUrl,
      filesOnly: true,
    });
    expect(filesOnly.manifest.database).toBe("none");
    expect(filesOnly.manifest.counts.replies).toBeNull();
    const paths = filesOnly.manifest.files.map((file) => file.path);
    expect(paths).not.toContain(SQLITE_FILE_NAME);
    expect(paths).toContain("keys/manifest-signing-ed25519.pem");
    expect(paths).toContain(`uploads/${attachmentId}`);
    expect(readdirSync(join(root, "pg"))).toEqual(["files.tar"]);
  });
});
