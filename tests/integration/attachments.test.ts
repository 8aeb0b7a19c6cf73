// Reply attachments over tus 1.0.0 against a real listening server: create, resume after a dropped connection,
// refusals (type, size, someone else's reply, no invitation, a sixth file, each a participant can meet with a code the
// phone words), and the console list and download.
import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTACHMENT_REFUSAL_CODES } from "../../src/shared/attachmentRefusalCodes";
import { consoleAttachmentList, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REPLY } from "../../src/shared/attachments";
import type { RunningServer } from "../../src/server/serve";
import { validReply } from "./support/replyFixtures";
import { ENGINES } from "./support/testDatabase";
import { sentReply, startTestServer, viewerCookie, type TestServer } from "./support/testServer";

const TUS = { "Tus-Resumable": "1.0.0" };
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const metadataHeader = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(",");
const invitation = (code: string) => ({ Authorization: `Invitation ${code}` });

describe.each(ENGINES)("tus uploads of reply attachments (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let running: TestServer;
  let server: RunningServer;
  const replyOfTo1 = validReply();
  const replyOfVu2 = validReply({ invitationCode: "DEMO-VU2" });

  const create = (code: string | undefined, meta: Record<string, string>, length: number) =>
    fetch(`${server.url}/api/uploads/`, {
      method: "POST",
      headers: {
        ...TUS,
        ...(code ? invitation(code) : {}),
        "Upload-Length": String(length),
        "Upload-Metadata": metadataHeader(meta),
      },
    });
  const patch = (code: string, location: string, offset: number, body: Uint8Array) =>
    fetch(new URL(location, server.url), {
      method: "PATCH",
      headers: {
        ...TUS,
        ...invitation(code),
        "Upload-Offset": String(offset),
        "Content-Type": "application/offset+octet-stream",
      },
      body: new Uint8Array(body),
    });
  const head = (code: string, location: string) =>
    fetch(new URL(location, server.url), { method: "HEAD", headers: { ...TUS, ...invitation(code) } });
  const meta = (over: Partial<Record<string, string>> = {}) =>
    ({
      replyId: replyOfTo1.id,
      attachmentId: uuidv7(),
      filename: "Workshop report (Tonga).pdf",
      filetype: "application/pdf",
      ...over,
    }) as Record<string, string>;

  let cookie = "";
  const consoleGet = (path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

  beforeAll(async () => {
    running = await startTestServer(engine, { mailer: null, now: () => now });
    ({ server } = running);
    for (const reply of [replyOfTo1, replyOfVu2]) await sentReply(server.url, reply);
    cookie = await viewerCookie(server, now);
  });
  afterAll(() => running?.close());

  it("resumes after a dropped connection: half, HEAD shows the offset, the rest; then listed, hashed and downloadable", async () => {
    // Random bytes behind a real PDF header: the server checks the leading bytes against the declared type.
    const content = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(300_000 - 9)]);
    const m = meta();
    const created = await create("DEMO-TO1", m, content.length);
    expect(created.status, await created.clone().text()).toBe(201);
    expect(created.headers.get("tus-resumable")).toBe("1.0.0");
    const location = created.headers.get("location")!;
    expect(location).toBe(`/api/uploads/${m.attachmentId}`);

    const half = 123_456;
    const first = await patch("DEMO-TO1", location, 0, content.subarray(0, half));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe(String(half));

    // The phone lost the answer to its create and sends it again: the same upload, not truncated.
    const again = await create("DEMO-TO1", m, content.length);
    expect(again.status).toBe(201);
    expect(again.headers.get("location")).toBe(location);

    const probe = await head("DEMO-TO1", location);
    expect(probe.status).toBe(200);
    expect(probe.headers.get("upload-offset")).toBe(String(half));
    expect(probe.headers.get("upload-length")).toBe(String(content.length));
    expect(probe.headers.get("cache-control")).toBe("no-store");

    // Another invitation may not look at or add to it.
    expect((await head("DEMO-VU2", location)).status).toBe(403);
    expect((await patch("DEMO-VU2", location, half, content.subarray(half))).status).toBe(403);

    const rest = await patch("DEMO-TO1", location, half, content.subarray(half));
    expect(rest.status).toBe(204);
    expect(rest.headers.get("upload-offset")).toBe(String(content.length));

    const listed = await consoleGet(`/api/console/replies/${replyOfTo1.id}/attachments`);
    expect(listed.status).toBe(200);
    const { attachments } = consoleAttachmentList.parse(await listed.json());
    const sha256 = createHash("sha256").update(content).digest("hex");
    expect(attachments).toEqual([
      {
        id: m.attachmentId,
        replyId: replyOfTo1.id,
        fileName: m.filename,
        contentType: "application/pdf",
        size: content.length,
        sha256,
        receivedAt: now.toISOString(),
        downloadUrl: `/api/console/attachments/${m.attachmentId}/download`,
      },
    ]);

    const download = await consoleGet(attachments[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Workshop report (Tonga).pdf"; filename*=UTF-8''Workshop%20report%20%28Tonga%29.pdf`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);

    // Without a session the console gives nothing; a second create of the finished upload is harmless.
    expect((await fetch(`${server.url}/api/console/replies/${replyOfTo1.id}/attachments`)).status).toBe(401);
    expect((await fetch(`${server.url}${attachments[0].downloadUrl}`)).status).toBe(401);
    const finishedAgain = await create("DEMO-TO1", m, content.length);
    expect(finishedAgain.status).toBe(201);
    expect(finishedAgain.headers.get("upload-offset")).toBe(String(content.length));
    expect((await consoleGet(`/api/console/replies/${replyOfTo1.id}/attachments`)).ok).toBe(true);
  });

  it("keeps what arrived before a PATCH's connection really dropped, and continues from there", async () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(200_000 - 4)]);
    const m = meta({ filetype: "image/jpeg", filename: "inhouse workshop.jpg" });
    const created = await create("DEMO-TO1", m, content.length);
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    // Half the file goes out, then the phone loses signal: the socket is destroyed mid-request.
    await new Promise<void>((resolve) => {
      const req = httpRequest(new URL(location, server.url), {
        method: "PATCH",
        headers: {
          ...TUS,
          ...invitation("DEMO-TO1"),
          "Upload-Offset": "0",
          "Content-Type": "application/offset+octet-stream",
        },
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write(content.subarray(0, 100_000), () => setTimeout(() => req.destroy(), 200));
    });
    let offset = 0;
    // Until the server holds all that was sent, against a deadline rather than a count of probes a busy machine outruns.
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const probe = await head("DEMO-TO1", location);
      expect(probe.status).toBe(200);
      offset = Number(probe.headers.get("upload-offset"));
      if (offset === 100_000) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(100_000);
    const rest = await patch("DEMO-TO1", location, offset, content.subarray(offset));
    expect(rest.status).toBe(204);
    const listed = consoleAttachmentList.parse(
      await (await consoleGet(`/api/console/replies/${replyOfTo1.id}/attachments`)).json(),
    );
    expect(listed.attachments.find((a) => a.id === m.attachmentId)?.sha256).toBe(
      createHash("sha256").update(content).digest("hex"),
    );
  });

  it("OPTIONS answers the protocol without an invitation", async () => {
    const res = await fetch(`${server.url}/api/uploads/`, { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("tus-version")).toContain("1.0.0");
    expect(res.headers.get("tus-extension")).toContain("creation");
  });

  it("refuses a file type outside the allow-list", async () => {
    const res = await create("DEMO-TO1", meta({ filetype: "text/html", filename: "page.html" }), 10);
    expect(res.status).toBe(415);
    expect(await res.text()).toMatch(/cannot be attached/);
  });

  it("refuses a file over the size limit", async () => {
    const res = await create("DEMO-TO1", meta(), MAX_ATTACHMENT_BYTES + 1);
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/20 MB/);
  });

  it("refuses missing or invalid metadata and deferred lengths", async () => {
    const { attachmentId: _dropped, ...noId } = meta();
    expect((await create("DEMO-TO1", noId, 10)).status).toBe(400);
    const { filename: _name, ...noName } = meta();
    expect((await create("DEMO-TO1", noName, 10)).status).toBe(400);
    const deferred = await fetch(`${server.url}/api/uploads/`, {
      method: "POST",
      headers: {
        ...TUS,
        ...invitation("DEMO-TO1"),
        "Upload-Defer-Length": "1",
        "Upload-Metadata": metadataHeader(meta()),
      },
    });
    expect(deferred.status).toBe(400);
  });

  it("refuses attaching to another invitation's reply, or to a reply not sent", async () => {
    const other = await create("DEMO-TO1", meta({ replyId: replyOfVu2.id }), 10);
    expect(other.status).toBe(403);
    expect(await other.text()).toMatch(/not sent with your invitation/);
    expect((await create("DEMO-TO1", meta({ replyId: uuidv7() }), 10)).status).toBe(404);
  });

  it("refuses without an invitation (401), and with an unknown one", async () => {
    const none = await create(undefined, meta(), 10);
    expect(none.status).toBe(401);
    expect(none.headers.get("tus-resumable")).toBe("1.0.0");
    expect((await create("NOSUCH-CODE", meta(), 10)).status).toBe(401);
    expect((await fetch(`${server.url}/api/uploads/${uuidv7()}`, { method: "HEAD", headers: TUS })).status).toBe(401);
  });

  it("answers each refusal a participant can meet with a code of the shared list, and the list holds no other", async () => {
    const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
    const reply = validReply({ invitationCode: "DEMO-VU2" });
    await sentReply(server.url, reply);
    const refused = [
      await create("DEMO-TO1", meta({ filetype: "text/html", filename: "page.html" }), 10),
      await create("DEMO-TO1", meta(), MAX_ATTACHMENT_BYTES + 1),
      await create("DEMO-TO1", meta({ replyId: replyOfVu2.id }), 10),
      await create("DEMO-TO1", meta({ replyId: uuidv7() }), 10),
      await create("NOSUCH-CODE", meta(), 10),
    ];
    const notAPdf = await create("DEMO-VU2", meta({ replyId: reply.id }), 10);
    expect(notAPdf.status).toBe(201);
    refused.push(await patch("DEMO-VU2", notAPdf.headers.get("location")!, 0, Buffer.from("<html>hi!\n")));
    for (let i = 1; i < MAX_ATTACHMENTS_PER_REPLY; i++)
      expect((await create("DEMO-VU2", meta({ replyId: reply.id, filetype: "text/plain" }), 5)).status).toBe(201);
    refused.push(await create("DEMO-VU2", meta({ replyId: reply.id, filetype: "text/plain" }), 5));
    const codes = await Promise.all(refused.map(codeOf));
    expect([...codes].sort()).toEqual([...ATTACHMENT_REFUSAL_CODES].sort());
  });

  it(`refuses attachment number ${MAX_ATTACHMENTS_PER_REPLY + 1} of a reply`, async () => {
    const reply = validReply({ invitationCode: "DEMO-VU2" });
    const sent = await fetch(`${server.url}/api/replies`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ replies: [reply] }),
    });
    expect(sent.status).toBe(200);
    for (let i = 0; i < MAX_ATTACHMENTS_PER_REPLY; i++) {
      const res = await create(
        "DEMO-VU2",
        meta({ replyId: reply.id, filetype: "text/plain", filename: `note ${i}.txt` }),
        5,
      );
      expect(res.status).toBe(201);
    }
    const sixth = await create(
      "DEMO-VU2",
      meta({ replyId: reply.id, filetype: "text/plain", filename: "one too many.txt" }),
      5,
    );
    expect(sixth.status).toBe(422);
    expect(await sixth.text()).toMatch(/at most 5 attachments/);
  });
});
