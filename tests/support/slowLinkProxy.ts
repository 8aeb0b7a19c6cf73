// A loopback HTTP proxy that behaves like a satellite link: every request waits a fixed latency, and all answers
// share one narrow pipe. Being a real proxy, it slows the service worker's fetches too (CDP throttling does not).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { responseHeaderBytes } from "./faultyProxy";

export interface SlowLinkOptions {
  /** Held back before each request is passed on, like a long round trip (ms). */
  latencyMs: number;
  /** Bytes per second for every answer together (headers and bodies), whatever the number of connections. */
  bytesPerSecond: number;
}

/** A good day on a Pacific satellite connection, as the issue measured it. */
export const SATELLITE_LINK: SlowLinkOptions = { latencyMs: 300, bytesPerSecond: 50_000 };

export interface SlowLinkRequest {
  method: string;
  path: string;
  status?: number;
  /** Status line, headers and body as passed on to the browser. */
  bytes: number;
  /** When the browser's request reached the proxy, and when its answer was fully passed on (Date.now()). */
  startedAt: number;
  finishedAt?: number;
}

export interface SlowLinkProxy {
  url: string;
  requests: SlowLinkRequest[];
  close(): Promise<void>;
}

/** Small slices, so answers on parallel connections take turns on the pipe instead of one hogging it. */
const SLICE_BYTES = 2_048;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One pipe for all connections: each slice books the next free moment and waits for it. */
function sharedPipe(bytesPerSecond: number): (bytes: number) => Promise<void> {
  let freeAt = 0;
  return async (bytes) => {
    const now = Date.now();
    freeAt = Math.max(freeAt, now) + (bytes / bytesPerSecond) * 1_000;
    if (freeAt - now >= 1) await sleep(freeAt - now);
  };
}

export async function startSlowLinkProxy(targetUrl: string, link: SlowLinkOptions): Promise<SlowLinkProxy> {
  const target = new URL(targetUrl);
  const requests: SlowLinkRequest[] = [];
  const transmit = sharedPipe(link.bytesPerSecond);
  let closed = false;

  async function sendSliced(res: http.ServerResponse, chunk: Buffer, record: SlowLinkRequest): Promise<void> {
    for (let offset = 0; offset < chunk.length && !closed; offset += SLICE_BYTES) {
      const slice = chunk.subarray(offset, offset + SLICE_BYTES);
      await transmit(slice.length);
      record.bytes += slice.length;
      res.write(slice);
    }
  }

  /** Headers, then the body slice by slice, each slice waiting its turn on the shared pipe. */
  async function passOn(
    upstreamRes: http.IncomingMessage,
    res: http.ServerResponse,
    record: SlowLinkRequest,
    headerBytes: number,
  ): Promise<void> {
    await transmit(headerBytes);
    if (closed) return;
    record.bytes += headerBytes;
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
    for await (const chunk of upstreamRes as AsyncIterable<Buffer>) await sendSliced(res, chunk, record);
    res.end(() => (record.finishedAt = Date.now()));
  }

  function forward(req: http.IncomingMessage, res: http.ServerResponse, record: SlowLinkRequest): void {
    const upstream = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (upstreamRes) => {
        record.status = upstreamRes.statusCode;
        const headerBytes = responseHeaderBytes(upstreamRes);
        void passOn(upstreamRes, res, record, headerBytes).catch(() => res.destroy());
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  }

  const server = http.createServer((req, res) => {
    const record: SlowLinkRequest = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      bytes: 0,
      startedAt: Date.now(),
    };
    requests.push(record);
    req.pause();
    setTimeout(() => {
      if (!closed) forward(req, res, record);
    }, link.latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
