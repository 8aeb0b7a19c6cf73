// The phone keeps an attachment until the server lists it for its reply: "every byte arrived" is not enough.
import "fake-indexeddb/auto";
import { v7 as uuidv7 } from "uuid";
import { beforeEach, describe, expect, it } from "vitest";
import { db, type PhoneAttachment } from "../../src/app/store/db";
import { uploadAttachments, type AttachmentTransport, type SendOutcome } from "../../src/app/sync/attachmentUploader";
import type { ReplyAttachmentReceipt } from "../../src/shared/attachments";
import { parsedReply } from "../integration/support/replyFixtures";
import { fakePlatform } from "./support/fakePlatform";
import { resetDb } from "./support/fixtures";

const reply = parsedReply();
const bytes = new TextEncoder().encode("%PDF-1.4\nreport\n");

async function queueSentReplyWithAttachment(): Promise<PhoneAttachment> {
  await db.outbox.put({
    id: reply.id,
    reply,
    state: "sent",
    queuedAt: "2024-02-01T10:00:00.000Z",
    attempts: 1,
    receipt: { receiptId: "r1", receivedAt: "2024-02-01T10:00:01.000Z" },
  });
  const attachment: PhoneAttachment = {
    id: uuidv7(),
    replyId: reply.id,
    name: "report.pdf",
    type: "application/pdf",
    size: bytes.length,
    file: new Blob([bytes]),
    state: "on_phone",
    bytesUploaded: 0,
    addedAt: "2024-02-01T10:00:00.000Z",
  };
  await db.attachments.add(attachment);
  return attachment;
}

function fakeTransport(
  sent: SendOutcome,
  held: (attachment: PhoneAttachment) => ReplyAttachmentReceipt[] | undefined,
  attachment: () => PhoneAttachment,
): AttachmentTransport & { listCalls: number } {
  const transport = {
    listCalls: 0,
    send: async () => sent,
    listHeld: async () => {
      transport.listCalls++;
      return held(attachment());
    },
  };
  return transport;
}

const receiptOf = (a: PhoneAttachment): ReplyAttachmentReceipt => ({
  id: a.id,
  fileName: a.name,
  size: a.size,
  sha256: "0".repeat(64),
  receivedAt: "2024-02-01T10:00:02.000Z",
});

describe("attachment uploads on the phone", () => {
  beforeEach(resetDb);

  it("keeps the file when tus reports every byte sent but the server does not list it", async () => {
    const attachment = await queueSentReplyWithAttachment();
    const transport = fakeTransport(
      { kind: "complete" },
      () => [],
      () => attachment,
    );
    await uploadAttachments({ ...fakePlatform({ db, baseUrl: "" }), transport });
    const stored = await db.attachments.get(attachment.id);
    expect(transport.listCalls).toBe(1);
    expect(stored?.state).not.toBe("uploaded");
    expect(stored?.file).toBeInstanceOf(Blob);
  });

  it("keeps the file when the list cannot be fetched", async () => {
    const attachment = await queueSentReplyWithAttachment();
    await uploadAttachments({
      ...fakePlatform({ db, baseUrl: "" }),
      transport: fakeTransport(
        { kind: "complete" },
        () => undefined,
        () => attachment,
      ),
    });
    expect((await db.attachments.get(attachment.id))?.file).toBeInstanceOf(Blob);
  });

  it("drops the phone's copy once the server lists the file for the reply", async () => {
    const attachment = await queueSentReplyWithAttachment();
    await uploadAttachments({
      ...fakePlatform({ db, baseUrl: "" }),
      transport: fakeTransport(
        { kind: "complete" },
        (a) => [receiptOf(a)],
        () => attachment,
      ),
    });
    const stored = await db.attachments.get(attachment.id);
    expect(stored?.state).toBe("uploaded");
    expect(stored?.file).toBeUndefined();
  });

  it("keeps the server's reason and its code when it refuses the file, and keeps the file", async () => {
    const attachment = await queueSentReplyWithAttachment();
    await uploadAttachments({
      ...fakePlatform({ db, baseUrl: "" }),
      transport: fakeTransport(
        { kind: "refused", message: "This file is not really a PDF.", code: "attachment_content_mismatch" },
        () => [],
        () => attachment,
      ),
    });
    const stored = await db.attachments.get(attachment.id);
    expect(stored?.state).toBe("failed");
    expect(stored?.problem).toBe("This file is not really a PDF.");
    expect(stored?.problemCode).toBe("attachment_content_mismatch");
    expect(stored?.file).toBeInstanceOf(Blob);
  });
});
