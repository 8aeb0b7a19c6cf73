// Upgrading keeps data: the server started on a data folder made by the previous release still shows every reply,
// material and attachment; a database from a newer release is refused untouched.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleAttachmentList } from "../../src/shared/attachments";
import { invitationAuthorization } from "../../src/shared/materials";
import { SQLITE_FILE_NAME } from "../../src/server/db/database";
import { startServer, type RunningServer } from "../../src/server/serve";
import {
  FIXTURE_RECORD,
  generatePreviousRelease,
  PREVIOUS_RELEASE_DIR,
  type PreviousReleaseRecord,
} from "../fixtures/previousReleaseFixture";

const sha256 = (bytes: ArrayBuffer | Uint8Array) => createHash("sha256").update(new Uint8Array(bytes)).digest("hex");

/** Every table's definition and rows: what "nothing was changed" means (the file's header bytes may differ after an open). */
function databaseContent(file: string): string {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const tables = sqlite.prepare("select name, sql from sqlite_master order by name").all() as {
      name: string;
      sql: string | null;
    }[];
    const rows = tables
      .filter((t) => t.sql?.startsWith("CREATE TABLE"))
      .map((t) => sqlite.prepare(`select * from "${t.name}" order by rowid`).all());
    return JSON.stringify({ tables, rows });
  } finally {
    sqlite.close();
  }
}

/** A copy of the committed fixture in a temp DATA_DIR, so no test ever changes the fixture itself. */
function copyFixture(): string {
  const dataDir = mkdtempSync(join(tmpdir(), "outrigger-upgrade-"));
  cpSync(PREVIOUS_RELEASE_DIR, dataDir, { recursive: true });
  rmSync(join(dataDir, FIXTURE_RECORD));
  return dataDir;
}

// Run with REGENERATE_PREVIOUS_RELEASE=1 when cutting a release: the fixture then holds what that release wrote.
describe.runIf(process.env.REGENERATE_PREVIOUS_RELEASE === "1")("the previous-release fixture", () => {
  it("is made again from the current code", async () => {
    const record = await generatePreviousRelease();
    expect(record.replies).toHaveLength(3);
  });
});

describe.skipIf(process.env.REGENERATE_PREVIOUS_RELEASE === "1")(
  "starting on a data folder made by the previous release",
  () => {
    let record: PreviousReleaseRecord;
    let dataDir: string;
    let server: RunningServer;
    let cookie = "";
    const consoleGet = (path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

    beforeAll(async () => {
      record = JSON.parse(readFileSync(join(PREVIOUS_RELEASE_DIR, FIXTURE_RECORD), "utf8")) as PreviousReleaseRecord;
      dataDir = copyFixture();
      server = await startServer({ port: 0, dataDir, databaseUrl: "", quiet: true, mailer: null });
      const signIn = await fetch(`${server.url}/api/console/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(record.organiser),
      });
      expect(signIn.status, await signIn.clone().text()).toBe(200);
      cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
    });

    afterAll(async () => {
      await server?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("keeps the organiser account and the manifest signing key (no new setup link, same key id)", () => {
      expect(server.setupToken).toBeUndefined();
      expect(server.signingKey.keyId).toBe(record.signingKeyId);
    });

    it("shows every reply in the console report and its exports", async () => {
      const csv = await consoleGet(`/api/console/report/${record.fiscalYear}/replies.csv`);
      expect(csv.status).toBe(200);
      const text = await csv.text();
      for (const reply of record.replies) expect(text).toContain(reply.id);
      const json = (await (await consoleGet(`/api/console/report/${record.fiscalYear}/export.json`)).json()) as {
        report: { tables: { followUpActions: { total: { replies: number } } } };
      };
      expect(json.report.tables.followUpActions.total.replies).toBe(record.replies.length);
    });

    it("serves every material with the SHA-256 it was published with", async () => {
      expect(record.materials.length).toBeGreaterThanOrEqual(2);
      for (const material of record.materials) {
        const manifest = (await (
          await fetch(`${server.url}/api/workshops/${material.workshopId}/materials`, {
            headers: { Authorization: invitationAuthorization(material.invitationCode) },
          })
        ).json()) as {
          materials: { fileName: string; sha256: string; size: number }[];
        };
        const listed = manifest.materials.find((m) => m.fileName === material.fileName);
        expect(listed, material.fileName).toMatchObject({ sha256: material.sha256, size: material.size });
        const file = await fetch(`${server.url}/api/blobs/${material.sha256}`, {
          headers: { Authorization: invitationAuthorization(material.invitationCode) },
        });
        expect(file.status, material.fileName).toBe(200);
        expect(sha256(await file.arrayBuffer()), material.fileName).toBe(material.sha256);
      }
    });

    it("lists the reply's attachment and downloads it intact", async () => {
      const { attachment } = record;
      const list = consoleAttachmentList.parse(
        await (await consoleGet(`/api/console/replies/${attachment.replyId}/attachments`)).json(),
      );
      expect(list.attachments).toEqual([
        expect.objectContaining({
          id: attachment.id,
          fileName: attachment.fileName,
          sha256: attachment.sha256,
          size: attachment.size,
        }),
      ]);
      const download = await consoleGet(list.attachments[0].downloadUrl);
      expect(download.status).toBe(200);
      expect(sha256(await download.arrayBuffer())).toBe(attachment.sha256);
    });
  },
);

describe.skipIf(process.env.REGENERATE_PREVIOUS_RELEASE === "1")(
  "starting on a database made by a newer release",
  () => {
    it("refuses in a plain sentence and leaves the database file as it was", async () => {
      const dataDir = copyFixture();
      try {
        const file = join(dataDir, SQLITE_FILE_NAME);
        const sqlite = new SQLite(file);
        sqlite
          .prepare("insert into kysely_migration (name, timestamp) values (?, ?)")
          .run("0999_from_a_newer_release", "2030-01-01T00:00:00.000Z");
        sqlite.close();
        const before = databaseContent(file);

        await expect(startServer({ port: 0, dataDir, databaseUrl: "", quiet: true, mailer: null })).rejects.toThrow(
          "This database was made by a newer version of Outrigger (it has migration 0999_from_a_newer_release that this version does not know). Install that version or newer; nothing was changed.",
        );
        expect(databaseContent(file)).toBe(before);
        expect(existsSync(join(dataDir, "keys"))).toBe(true);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  },
);
