// A finished tus upload always ends registered: a failed registration (database locked) or a death between the last
// byte and the row is repaired on the next HEAD or PATCH and at start-up, so no attachment is lost for good.
import "fake-indexeddb/auto";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db as phoneDb } from "../../src/app/store/db";
import { tusTransport, uploadAttachments } from "../../src/app/sync/attachmentUploader";
import { SQLITE_FILE_NAME } from "../../src/server/db/database";
import type { RunningServer } from "../../src/server/serve";
import { ENGINES } from "./support/testDatabase";
import { sentReply as sentReplyTo, startTestServer, type TestServer } from "./support/testServer";
import { pdfBytes, tusClient, type TusClient } from "./support/tusClient";

describe.each(ENGINES)("registering finished attachment uploads (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let running: TestServer;
  let dataDir: string;
  let server: RunningServer;
  let tus: TusClient;

  const start = async () => {
    server = await running.restart();
    tus = tusClient(server.url, "DEMO-TO1");
  };
  const rowsOf = async (id: string) =>
    (await server.db.selectFrom("attachments").select(["id", "size"]).where("id", "=", id).execute()).map((row) => ({
      id: row.id,
      size: Number(row.size),
    }));
  /** A new sent reply per case: a reply takes at most five attachments. */
  const sentReply = () => sentReplyTo(server.url);

  beforeAll(async () => {
    running = await startTestServer(engine, { mailer: null, now: () => now });
    ({ dataDir, server } = running);
    tus = tusClient(server.url, "DEMO-TO1");
  });
  afterAll(() => running?.close());

  it("a finished upload whose row is missing is registered on the next HEAD", async () => {
    const reply = await sentReply();
    const content = pdfBytes(50_000);
    const { location } = await tus.create(
      reply.id,
      { filename: "report.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus.patch(location, 0, content)).status).toBe(204);
    // The process died between the last byte and the row: simulated by removing the row.
    const id = location.split("/").pop()!;
    await server.db.deleteFrom("attachments").where("id", "=", id).execute();
    const probe = await tus.head(location);
    expect(probe.status).toBe(200);
    expect(probe.headers.get("upload-offset")).toBe(String(content.length));
    expect(await rowsOf(id)).toHaveLength(1);
  });

  it("a finished upload whose row is missing is registered by a PATCH at its final offset", async () => {
    const reply = await sentReply();
    const content = pdfBytes(40_000);
    const { location } = await tus.create(
      reply.id,
      { filename: "report 2.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus.patch(location, 0, content)).status).toBe(204);
    const id = location.split("/").pop()!;
    await server.db.deleteFrom("attachments").where("id", "=", id).execute();
    const again = await tus.patch(location, content.length, new Uint8Array());
    expect(again.status).toBe(204);
    expect(again.headers.get("upload-offset")).toBe(String(content.length));
    expect(await rowsOf(id)).toHaveLength(1);
  });

  it("bytes complete on disk with no row (killed at finish) are registered when the server starts", async () => {
    const reply = await sentReply();
    const content = pdfBytes(30_000);
    const { location } = await tus.create(
      reply.id,
      { filename: "killed.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus.patch(location, 0, content)).status).toBe(204);
    const id = location.split("/").pop()!;
    await server.db.deleteFrom("attachments").where("id", "=", id).execute();
    await server.close();
    await start();
    expect(await rowsOf(id)).toEqual([expect.objectContaining({ id, size: content.length })]);
  });

  it.runIf(engine === "sqlite")(
    "a PATCH that finishes while another writer holds the lock is refused (503), and the next HEAD registers it",
    async () => {
      const reply = await sentReply();
      const content = pdfBytes(60_000);
      const { location } = await tus.create(
        reply.id,
        { filename: "locked.pdf", filetype: "application/pdf" },
        content.length,
      );
      const id = location.split("/").pop()!;
      const half = 20_000;
      expect((await tus.patch(location, 0, content.subarray(0, half))).status).toBe(204);
      const other = new SQLite(join(dataDir, SQLITE_FILE_NAME));
      try {
        other.exec("BEGIN IMMEDIATE");
        const last = await tus.patch(location, half, content.subarray(half));
        expect(last.status).toBe(503);
        expect(JSON.parse(await last.text())).toMatchObject({ error: { code: "attachment_not_registered" } });
        other.exec("ROLLBACK");
      } finally {
        other.close();
      }
      expect(await rowsOf(id)).toHaveLength(0);
      const probe = await tus.head(location);
      expect(probe.status).toBe(200);
      expect(probe.headers.get("upload-offset")).toBe(String(content.length));
      expect(await rowsOf(id)).toHaveLength(1);
    },
  );

  it.runIf(engine === "sqlite")(
    "the phone keeps its copy while the last PATCH cannot be registered, and drops it once the server lists the file",
    async () => {
      const reply = await sentReply();
      const content = pdfBytes(60_000);
      const attachmentId = uuidv7();
      // An earlier sync created the upload and sent the first part.
      const { location } = await tus.create(
        reply.id,
        { filename: "phone.pdf", filetype: "application/pdf", attachmentId },
        content.length,
      );
      expect((await tus.patch(location, 0, content.subarray(0, 20_000))).status).toBe(204);
      await phoneDb.outbox.put({
        id: reply.id,
        reply,
        state: "sent",
        queuedAt: now.toISOString(),
        attempts: 1,
        receipt: { receiptId: "r", receivedAt: now.toISOString() },
      });
      await phoneDb.attachments.put({
        id: attachmentId,
        replyId: reply.id,
        name: "phone.pdf",
        type: "application/pdf",
        size: content.length,
        file: new Blob([new Uint8Array(content)]),
        state: "uploading",
        uploadUrl: new URL(location, server.url).toString(),
        bytesUploaded: 20_000,
        addedAt: now.toISOString(),
      });
      // Node's tus-js-client reads Buffers, not Blobs; no retries inside one sync, so the lock is met once.
      const transport = tusTransport(
        { db: phoneDb, baseUrl: server.url },
        { retryDelays: [], fileSource: async (file) => Buffer.from(await file.arrayBuffer()) },
      );

      const other = new SQLite(join(dataDir, SQLITE_FILE_NAME));
      try {
        other.exec("BEGIN IMMEDIATE");
        await uploadAttachments({ db: phoneDb, baseUrl: server.url, transport });
        other.exec("ROLLBACK");
      } finally {
        other.close();
      }
      expect(await rowsOf(attachmentId)).toHaveLength(0);
      const kept = await phoneDb.attachments.get(attachmentId);
      expect(kept?.state).toBe("uploading");
      expect(kept?.file).toBeInstanceOf(Blob);

      await uploadAttachments({ db: phoneDb, baseUrl: server.url, transport });
      expect(await rowsOf(attachmentId)).toEqual([{ id: attachmentId, size: content.length }]);
      const received = await phoneDb.attachments.get(attachmentId);
      expect(received?.state).toBe("uploaded");
      expect(received?.file).toBeUndefined();
    },
  );

  it.runIf(engine === "sqlite")(
    "a finished upload is not reported complete by HEAD while it cannot be registered",
    async () => {
      const reply = await sentReply();
      const content = pdfBytes(10_000);
      const { location } = await tus.create(
        reply.id,
        { filename: "still locked.pdf", filetype: "application/pdf" },
        content.length,
      );
      expect((await tus.patch(location, 0, content)).status).toBe(204);
      const id = location.split("/").pop()!;
      await server.db.deleteFrom("attachments").where("id", "=", id).execute();
      const other = new SQLite(join(dataDir, SQLITE_FILE_NAME));
      try {
        other.exec("BEGIN IMMEDIATE");
        const probe = await tus.head(location);
        // tus-js-client takes offset == length as success: while unregistered, the answer must be an error it retries.
        expect(probe.status).toBe(503);
        other.exec("ROLLBACK");
      } finally {
        other.close();
      }
      expect((await tus.head(location)).status).toBe(200);
      expect(await rowsOf(id)).toHaveLength(1);
    },
  );

  it("the invitation that sent a reply can read which of its attachments the server holds", async () => {
    const reply = await sentReply();
    const content = pdfBytes(5_000);
    const { location } = await tus.create(
      reply.id,
      { filename: "listed.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus.patch(location, 0, content)).status).toBe(204);
    const id = location.split("/").pop()!;
    const listed = await fetch(`${server.url}/api/replies/${reply.id}/attachments`, {
      headers: { Authorization: "Invitation DEMO-TO1" },
    });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { attachments: Array<{ id: string; size: number }> };
    expect(body.attachments).toContainEqual(expect.objectContaining({ id, size: content.length }));
    const otherInvitation = await fetch(`${server.url}/api/replies/${reply.id}/attachments`, {
      headers: { Authorization: "Invitation DEMO-VU2" },
    });
    expect(otherInvitation.status).toBe(403);
    expect(((await otherInvitation.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const none = await fetch(`${server.url}/api/replies/${reply.id}/attachments`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("invitation_required");
    expect(
      (
        await fetch(`${server.url}/api/replies/${uuidv7()}/attachments`, {
          headers: { Authorization: "Invitation DEMO-TO1" },
        })
      ).status,
    ).toBe(404);
  });
});
