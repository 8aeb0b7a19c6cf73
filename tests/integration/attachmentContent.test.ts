// Attachments are checked by what they are, not what they claim: a finished upload whose leading bytes do not match
// its declared type is deleted and refused (JSON), and file names are cleaned before they are stored or served.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleAttachmentList } from "../../src/shared/attachments";
import type { RunningServer } from "../../src/server/serve";
import { ENGINES } from "./support/testDatabase";
import { sentReply as sentReplyTo, startTestServer, viewerCookie, type TestServer } from "./support/testServer";
import { pdfBytes, tusClient, type TusClient } from "./support/tusClient";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe.each(ENGINES)("attachment content and names (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let running: TestServer;
  let dataDir: string;
  let server: RunningServer;
  let tus: TusClient;
  let cookie = "";

  const sentReply = () => sentReplyTo(server.url);
  const consoleGet = (path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

  beforeAll(async () => {
    running = await startTestServer(engine, { mailer: null, now: () => now });
    ({ dataDir, server } = running);
    tus = tusClient(server.url, "DEMO-TO1");
    cookie = await viewerCookie(server, now);
  });
  afterAll(() => running?.close());

  it("refuses a program declared as a PDF when it completes: 422 attachment_content_mismatch, bytes deleted, HEAD and PATCH repeat it", async () => {
    const reply = await sentReply();
    const content = new Uint8Array(4096);
    content.set(utf8("MZ"));
    const { location } = await tus.create(
      reply.id,
      { filename: "invoice.pdf.exe", filetype: "application/pdf" },
      content.length,
    );
    const id = location.split("/").pop()!;
    const last = await tus.patch(location, 0, content);
    expect(last.status).toBe(422);
    const body = (await last.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("attachment_content_mismatch");
    expect(body.error.message).toMatch(/is not really a PDF/);
    expect(existsSync(join(dataDir, "uploads", id))).toBe(false);

    // HEAD has no body: the status says it; a PATCH carries the JSON error again.
    const probe = await tus.head(location);
    expect(probe.status).toBe(422);
    const again = await tus.patch(location, content.length, new Uint8Array());
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("attachment_content_mismatch");
    const listed = consoleAttachmentList.parse(
      await (await consoleGet(`/api/console/replies/${reply.id}/attachments`)).json(),
    );
    expect(listed.attachments).toEqual([]);
  });

  it("refuses an HTML page declared as plain text", async () => {
    const reply = await sentReply();
    const content = utf8("<!doctype html><html><body><script>fetch('/api/console/session')</script></body></html>");
    const { location } = await tus.create(reply.id, { filename: "notes.txt", filetype: "text/plain" }, content.length);
    const last = await tus.patch(location, 0, content);
    expect(last.status).toBe(422);
    const body = (await last.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: "attachment_content_mismatch",
      message: expect.stringMatching(/is not really a plain text file/),
    });
  });

  it("stores and serves a name with a right-to-left override and a double extension cleaned (RFC 6266 filename*)", async () => {
    const reply = await sentReply();
    const content = pdfBytes(2048);
    const { location } = await tus.create(
      reply.id,
      { filename: "Report\u202Efdp.exe.pdf", filetype: "application/pdf" },
      content.length,
    );
    expect((await tus.patch(location, 0, content)).status).toBe(204);
    const listed = consoleAttachmentList.parse(
      await (await consoleGet(`/api/console/replies/${reply.id}/attachments`)).json(),
    );
    expect(listed.attachments.map((a) => a.fileName)).toEqual(["Reportfdp_exe.pdf"]);
    const download = await consoleGet(listed.attachments[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Reportfdp_exe.pdf"; filename*=UTF-8''Reportfdp_exe.pdf`,
    );
  });

  it("accepts real files of each kind it lists: a PDF, a PNG and plain UTF-8 text", async () => {
    const reply = await sentReply();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    for (const [filename, filetype, content] of [
      ["a.pdf", "application/pdf", pdfBytes(100)],
      ["b.png", "image/png", png],
      ["c.txt", "text/plain", utf8("Malo ʻaupito — notes from the session\n")],
    ] as const) {
      const { location } = await tus.create(reply.id, { filename, filetype }, content.length);
      expect((await tus.patch(location, 0, content)).status, filename).toBe(204);
    }
    const listed = consoleAttachmentList.parse(
      await (await consoleGet(`/api/console/replies/${reply.id}/attachments`)).json(),
    );
    expect(listed.attachments.map((a) => a.fileName).sort()).toEqual(["a.pdf", "b.png", "c.txt"]);
  });
});
