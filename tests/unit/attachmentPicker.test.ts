// What the attachments picker lets onto the phone: the same content check as the server, before anything is queued.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { addAttachment } from "../../src/app/store/attachments";
import { db } from "../../src/app/store/db";
import { resetDb } from "./support/fixtures";

const replyId = "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e5f";
const fileOf = (name: string, type: string, ...parts: Array<string | number[]>) =>
  new File(
    parts.map((p) => (typeof p === "string" ? p : new Uint8Array(p))),
    name,
    { type },
  );

describe("adding attachments on the phone", () => {
  beforeEach(resetDb);

  it("refuses a program renamed to .pdf with a message that says it is not really a PDF, and queues nothing", async () => {
    const result = await addAttachment(replyId, fileOf("invoice.pdf", "application/pdf", "MZ", [0x90, 0, 3, 0]));
    expect(result).toEqual({ ok: false, refusal: { kind: "content", name: "invoice.pdf" } });
    expect(await db.attachments.count()).toBe(0);
  });

  it("refuses an HTML page offered as plain text", async () => {
    const result = await addAttachment(
      replyId,
      fileOf("notes.txt", "text/plain", "<html><script>alert(1)</script></html>"),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toEqual({ kind: "content", name: "notes.txt" });
    expect(await db.attachments.count()).toBe(0);
  });

  it("queues a real PDF under a cleaned name: no right-to-left override, no executable extension", async () => {
    const result = await addAttachment(
      replyId,
      fileOf("Report\u202Efdp.exe.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"),
    );
    expect(result).toEqual({ ok: true });
    const [stored] = await db.attachments.toArray();
    expect(stored.name).toBe("Reportfdp_exe.pdf");
    expect(stored.state).toBe("on_phone");
  });

  it("still refuses a type outside the list before reading it", async () => {
    const result = await addAttachment(replyId, fileOf("page.html", "text/html", "<html></html>"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal).toEqual({ kind: "type", name: "page.html" });
  });
});
