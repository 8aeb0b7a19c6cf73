// A bare tus 1.0.0 client over fetch for tests: create, HEAD and PATCH with an invitation, no retries.
import { v7 as uuidv7 } from "uuid";

const TUS = { "Tus-Resumable": "1.0.0" };

export function metadataHeader(meta: Record<string, string>): string {
  return Object.entries(meta)
    .map(([key, value]) => `${key} ${Buffer.from(value, "utf8").toString("base64")}`)
    .join(",");
}

/** A file that starts as a PDF does (`%PDF-`), `size` bytes long. */
export function pdfBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"));
  return bytes;
}

export interface TusClient {
  create(
    replyId: string,
    meta: { filename: string; filetype: string; attachmentId?: string },
    length: number,
  ): Promise<{ response: Response; location: string }>;
  head(location: string): Promise<Response>;
  patch(location: string, offset: number, body: Uint8Array): Promise<Response>;
}

export function tusClient(baseUrl: string, invitationCode: string): TusClient {
  const auth = { Authorization: `Invitation ${invitationCode}` };
  return {
    create: async (replyId, { attachmentId = uuidv7(), ...meta }, length) => {
      const response = await fetch(`${baseUrl}/api/uploads/`, {
        method: "POST",
        headers: {
          ...TUS,
          ...auth,
          "Upload-Length": String(length),
          "Upload-Metadata": metadataHeader({ replyId, attachmentId, ...meta }),
        },
      });
      return { response, location: response.headers.get("location") ?? "" };
    },
    head: (location) => fetch(new URL(location, baseUrl), { method: "HEAD", headers: { ...TUS, ...auth } }),
    patch: (location, offset, body) =>
      fetch(new URL(location, baseUrl), {
        method: "PATCH",
        headers: {
          ...TUS,
          ...auth,
          "Upload-Offset": String(offset),
          "Content-Type": "application/offset+octet-stream",
        },
        body: new Uint8Array(body),
      }),
  };
}
