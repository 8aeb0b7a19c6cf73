// A stand-in for the materials API: manifests with ETags and content-addressed blobs served from real bytes with Range semantics.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { sha256Hex, type Material, type MaterialsManifest, type Sha256Hex } from "../../../src/shared/materials";
import { INVITATION_CODE } from "./fixtures";

export const WORKSHOP_ID = "ws-2023-rkc";

export interface BlobRequest {
  sha256: string;
  range?: string;
  status: number;
  authorization?: string;
}

export interface FakeMaterialsServer {
  fetch: typeof fetch;
  files: Map<string, Uint8Array>;
  manifests: Map<string, MaterialsManifest>;
  /** Invitation codes allowed per workshop. */
  access: Map<string, Set<string>>;
  blobRequests: BlobRequest[];
  manifestRequests: Array<{ workshopId: string; ifNoneMatch?: string; status: number }>;
  /** Body bytes actually handed to the phone, over all blob responses. */
  bytesServed: number;
  /** The next blob response throws a network error after this many body bytes (once). */
  cutAfter?: number;
  /** The next blob response stops sending after this many body bytes, until aborted (once). */
  stallAfter?: number;
  /** How many of the next blob responses carry damaged bytes. */
  corruptResponses: number;
  ignoreRange: boolean;
  /** The next Range request is answered 206 from this offset, whatever it asked for (a confused proxy or cache; once). */
  answerRangeFrom?: number;
  down: boolean;
  /** Size of each piece the body stream hands out. */
  pieceBytes: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

export const hashOf = (bytes: Uint8Array): Sha256Hex => sha256Hex.parse(bytesToHex(sha256(bytes)));

/** Deterministic bytes of a given size, different per seed. */
export function makeBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

export function materialFor(id: string, bytes: Uint8Array, overrides: Partial<Material> = {}): Material {
  return {
    id,
    workshopId: WORKSHOP_ID,
    title: `Material ${id}`,
    description: "",
    kind: "document",
    language: "en",
    fileName: `${id}.pdf`,
    contentType: "application/pdf",
    size: bytes.byteLength,
    sha256: hashOf(bytes),
    updatedAt: "2023-06-01T00:00:00Z",
    ...overrides,
  };
}

export function createFakeMaterialsServer(): FakeMaterialsServer {
  const server: FakeMaterialsServer = {
    files: new Map(),
    manifests: new Map(),
    access: new Map([[WORKSHOP_ID, new Set([INVITATION_CODE])]]),
    blobRequests: [],
    manifestRequests: [],
    bytesServed: 0,
    corruptResponses: 0,
    ignoreRange: false,
    down: false,
    pieceBytes: 16 * 1024,
    fetch: async (input, init) => {
      if (server.down) throw new TypeError("Failed to fetch");
      const url = new URL(String(input));
      const headers = new Headers(init?.headers);
      const authorization = headers.get("Authorization") ?? undefined;
      const code = authorization?.startsWith("Invitation ") ? authorization.slice("Invitation ".length) : undefined;

      const manifestPath = /^\/api\/workshops\/([^/]+)\/materials$/.exec(url.pathname);
      if (manifestPath) {
        const workshopId = decodeURIComponent(manifestPath[1]);
        const ifNoneMatch = headers.get("If-None-Match") ?? undefined;
        const record = (status: number) => server.manifestRequests.push({ workshopId, ifNoneMatch, status });
        if (!code)
          return (
            record(401),
            json(401, { error: { code: "invitation_required", message: "An invitation is required" } })
          );
        const manifest = server.manifests.get(workshopId);
        if (!manifest) return (record(404), json(404, { error: { code: "not_found", message: "No such workshop" } }));
        if (!server.access.get(workshopId)?.has(code))
          return (record(403), json(403, { error: { code: "forbidden", message: "Not your workshop" } }));
        const etag = `"${manifest.version}"`;
        if (ifNoneMatch === etag) return (record(304), new Response(null, { status: 304, headers: { ETag: etag } }));
        return (record(200), json(200, manifest, { ETag: etag }));
      }

      const blobPath = /^\/api\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
      if (!blobPath) return json(404, { error: { code: "not_found", message: "Not found" } });
      const sha = blobPath[1];
      const range = headers.get("Range") ?? undefined;
      const record = (status: number) => server.blobRequests.push({ sha256: sha, range, status, authorization });
      const file = server.files.get(sha);
      if (!code)
        return (
          record(401),
          json(401, { error: { code: "invitation_required", message: "An invitation is required" } })
        );
      if (!file) return (record(404), json(404, { error: { code: "not_found", message: "Not found" } }));

      let start = 0;
      let status = 200;
      const responseHeaders: Record<string, string> = {
        ETag: `"${sha}"`,
        "Accept-Ranges": "bytes",
        "Content-Type": "application/octet-stream",
      };
      if (range && !server.ignoreRange) {
        const match = /^bytes=(\d+)-$/.exec(range);
        if (!match || Number(match[1]) >= file.byteLength) {
          record(416);
          return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${file.byteLength}` } });
        }
        start = server.answerRangeFrom ?? Number(match[1]);
        server.answerRangeFrom = undefined;
        status = 206;
        responseHeaders["Content-Range"] = `bytes ${start}-${file.byteLength - 1}/${file.byteLength}`;
      }
      record(status);
      let body = file.slice(start);
      if (server.corruptResponses > 0) {
        server.corruptResponses -= 1;
        body = body.slice();
        body[Math.floor(body.byteLength / 2)] ^= 0xff;
      }
      const cutAfter = server.cutAfter;
      const stallAfter = server.stallAfter;
      server.cutAfter = undefined;
      server.stallAfter = undefined;
      const signal = init?.signal ?? undefined;
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (signal?.aborted) return controller.error(new DOMException("Aborted", "AbortError"));
            if (stallAfter !== undefined && sent >= stallAfter) {
              await new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve(), { once: true }));
              return controller.error(new DOMException("Aborted", "AbortError"));
            }
            if (cutAfter !== undefined && sent >= cutAfter)
              return controller.error(new TypeError("network connection lost"));
            if (sent >= body.byteLength) return controller.close();
            let end = Math.min(body.byteLength, sent + server.pieceBytes);
            if (cutAfter !== undefined) end = Math.min(end, cutAfter);
            if (stallAfter !== undefined) end = Math.min(end, stallAfter);
            const piece = body.slice(sent, end);
            sent = end;
            server.bytesServed += piece.byteLength;
            controller.enqueue(piece);
          },
        },
        { highWaterMark: 0 },
      );
      responseHeaders["Content-Length"] = String(body.byteLength);
      return new Response(stream, { status, headers: responseHeaders });
    },
  };
  return server;
}

/** Publishes a manifest of these materials (and their bytes) for the test workshop. */
export function publish(
  server: FakeMaterialsServer,
  version: string,
  files: Array<{ material: Material; bytes: Uint8Array }>,
): MaterialsManifest {
  for (const { bytes } of files) server.files.set(hashOf(bytes), bytes);
  // Signed, as the real server's always are (the phone keeps, not checks, the signature of a list it fetched itself).
  const signature = {
    algorithm: "Ed25519",
    keyId: "fake-key",
    issuer: "Fake materials server",
    value: "c2lnbmF0dXJl",
  } as const;
  const manifest: MaterialsManifest = {
    workshopId: WORKSHOP_ID,
    version,
    generatedAt: "2023-06-10T00:00:00Z",
    materials: files.map((f) => f.material),
    signature,
  };
  server.manifests.set(WORKSHOP_ID, manifest);
  return manifest;
}
