// Unfinished uploads do not pile up: at start-up (and on a timer) those older than the expiry are removed, bytes and
// row; a recent unfinished one and a finished, registered one are kept.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_UPLOAD_EXPIRY_MS, uploadExpiryFromEnv } from "../../src/server/attachments/uploadMaintenance";
import type { RunningServer } from "../../src/server/serve";
import { ENGINES } from "./support/testDatabase";
import { sentReply, startTestServer, type TestServer } from "./support/testServer";
import { pdfBytes, tusClient } from "./support/tusClient";

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(ENGINES)("expiry of unfinished uploads (%s)", (engine) => {
  let clock = new Date("2024-02-01T10:00:00.000Z");
  let running: TestServer;
  let dataDir: string;
  let server: RunningServer;

  const start = async () => {
    server = await running.restart();
  };
  const uploadRow = (id: string) =>
    server.db.selectFrom("attachment_uploads").select("id").where("id", "=", id).executeTakeFirst();

  beforeAll(async () => {
    running = await startTestServer(engine, { mailer: null, now: () => clock, uploadExpiryMs: 7 * DAY_MS });
    ({ dataDir, server } = running);
  });
  afterAll(() => running?.close());

  it("removes an unfinished upload older than seven days at start-up, keeps a recent one and a finished one", async () => {
    const reply = await sentReply(server.url);
    const tus = () => tusClient(server.url, "DEMO-TO1");
    const content = pdfBytes(30_000);

    const old = await tus().create(
      reply.id,
      { filename: "abandoned.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus().patch(old.location, 0, content.subarray(0, 10_000))).status).toBe(204);
    const finished = await tus().create(
      reply.id,
      { filename: "finished.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus().patch(finished.location, 0, content)).status).toBe(204);

    clock = new Date(clock.getTime() + 8 * DAY_MS);
    const recent = await tus().create(
      reply.id,
      { filename: "in progress.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus().patch(recent.location, 0, content.subarray(0, 5_000))).status).toBe(204);

    await server.close();
    await start();

    const idOf = (location: string) => location.split("/").pop()!;
    const uploads = join(dataDir, "uploads");
    expect(existsSync(join(uploads, idOf(old.location)))).toBe(false);
    expect(existsSync(join(uploads, `${idOf(old.location)}.json`))).toBe(false);
    expect(await uploadRow(idOf(old.location))).toBeUndefined();
    expect((await tus().head(old.location)).status).toBe(404);

    const recentProbe = await tus().head(recent.location);
    expect(recentProbe.status).toBe(200);
    expect(recentProbe.headers.get("upload-offset")).toBe("5000");

    expect(existsSync(join(uploads, idOf(finished.location)))).toBe(true);
    const finishedProbe = await tus().head(finished.location);
    expect(finishedProbe.status).toBe(200);
    expect(finishedProbe.headers.get("upload-offset")).toBe(String(content.length));
    const listed = (await (
      await fetch(`${server.url}/api/replies/${reply.id}/attachments`, {
        headers: { Authorization: "Invitation DEMO-TO1" },
      })
    ).json()) as { attachments: Array<{ id: string }> };
    expect(listed.attachments.map((a) => a.id)).toEqual([idOf(finished.location)]);
  });
});

describe("the upload expiry setting", () => {
  it("is seven days unless UPLOAD_EXPIRY_DAYS says otherwise (a number of days above zero)", () => {
    expect(DEFAULT_UPLOAD_EXPIRY_MS).toBe(7 * DAY_MS);
    expect(uploadExpiryFromEnv({})).toBe(7 * DAY_MS);
    expect(uploadExpiryFromEnv({ UPLOAD_EXPIRY_DAYS: "2" })).toBe(2 * DAY_MS);
    expect(uploadExpiryFromEnv({ UPLOAD_EXPIRY_DAYS: "0" })).toBe(7 * DAY_MS);
    expect(uploadExpiryFromEnv({ UPLOAD_EXPIRY_DAYS: "soon" })).toBe(7 * DAY_MS);
  });
});
