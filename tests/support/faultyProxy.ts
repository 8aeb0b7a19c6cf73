// A loopback proxy between the browser and the real server that can lose a response on purpose
// and logs every request, so tests can prove what the app actually sent.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxiedRequest {
  method: string;
  path: string;
  status?: number;
  responseLost?: boolean;
  /** The Range header the browser sent, if any. */
  range?: string;
  /** Body bytes passed on to the browser. */
  bytesSent: number;
  /** Size of the response's status line and headers as the server sent them. */
  headerBytes?: number;
  /** The connection was cut on purpose after this many body bytes. */
  cutAfter?: number;
  /** Request body bytes passed on to the server (uploads). */
  requestBytes: number;
  /** The upload was cut on purpose after this many request body bytes. */
  requestCutAfter?: number;
  headers: http.IncomingHttpHeaders;
  /** When the browser's request reached the proxy, and when its response was fully passed on (Date.now()). */
  startedAt: number;
  finishedAt?: number;
}

export interface FaultyProxy {
  url: string;
  requests: ProxiedRequest[];
  /** The next request matching this path is forwarded and answered by the server, but the reply never reaches the browser. */
  loseNextResponse(method: string, path: string): void;
  /** The next matching request's body is cut after `bytes`: the connection drops mid-upload. */
  cutNextRequestAfter(
    method: string,
    path: string,
    bytes: number,
    when?: (headers: http.IncomingHttpHeaders) => boolean,
  ): Promise<ProxiedRequest>;
  /** The next matching response starts normally, then the connection drops after `bytes` body bytes. */
  cutNextResponseAfter(method: string, path: string, bytes: number): Promise<ProxiedRequest>;
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** Every answer is held back this long, like a slow mobile link's round trip (default 0). */
  latencyMs?: number;
}

export async function startFaultyProxy(targetUrl: string, { latencyMs = 0 }: ProxyOptions = {}): Promise<FaultyProxy> {
  const target = new URL(targetUrl);
  const requests: ProxiedRequest[] = [];
  const toLose: { method: string; path: string }[] = [];
  const toCut: { method: string; path: string; bytes: number; onCut: (r: ProxiedRequest) => void }[] = [];
  const toCutRequest: {
    method: string;
    path: string;
    bytes: number;
    when?: (headers: http.IncomingHttpHeaders) => boolean;
    onCut: (r: ProxiedRequest) => void;
  }[] = [];

  const server = http.createServer((req, res) => {
    if (latencyMs === 0) return forward(req, res, Date.now());
    const startedAt = Date.now();
    req.pause();
    setTimeout(() => forward(req, res, startedAt), latencyMs);
  });

  function forward(req: http.IncomingMessage, res: http.ServerResponse, startedAt: number): void {
    const record: ProxiedRequest = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      range: req.headers.range,
      bytesSent: 0,
      requestBytes: 0,
      startedAt,
    };
    requests.push(record);
    const loseIndex = toLose.findIndex((l) => l.method === record.method && record.path.startsWith(l.path));
    const lose = loseIndex >= 0;
    if (lose) toLose.splice(loseIndex, 1);
    const cutIndex = toCut.findIndex((c) => c.method === record.method && record.path.startsWith(c.path));
    const cut = cutIndex >= 0 ? toCut.splice(cutIndex, 1)[0] : undefined;
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
        record.headerBytes = responseHeaderBytes(upstreamRes);
        if (lose) {
          // Let the server finish its work, then cut the browser's connection without an answer.
          upstreamRes.resume();
          upstreamRes.on("end", () => {
            record.responseLost = true;
            req.socket.destroy();
          });
          return;
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.on("data", (chunk: Buffer) => {
          if (record.cutAfter !== undefined) return;
          if (cut && record.bytesSent + chunk.length >= cut.bytes) {
            const part = chunk.subarray(0, cut.bytes - record.bytesSent);
            record.bytesSent += part.length;
            record.cutAfter = record.bytesSent;
            res.write(part, () => {
              req.socket.destroy();
              upstreamRes.destroy();
              cut.onCut(record);
            });
            return;
          }
          record.bytesSent += chunk.length;
          if (!res.write(chunk)) {
            upstreamRes.pause();
            res.once("drain", () => upstreamRes.resume());
          }
        });
        upstreamRes.on("end", () => {
          if (record.cutAfter === undefined) res.end(() => (record.finishedAt = Date.now()));
        });
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    const cutRequestIndex = toCutRequest.findIndex(
      (c) => c.method === record.method && record.path.startsWith(c.path) && (c.when?.(req.headers) ?? true),
    );
    const cutRequest = cutRequestIndex >= 0 ? toCutRequest.splice(cutRequestIndex, 1)[0] : undefined;
    if (!cutRequest) {
      req.on("data", (chunk: Buffer) => (record.requestBytes += chunk.length));
      req.pipe(upstream);
      return;
    }
    req.on("data", (chunk: Buffer) => {
      if (record.requestCutAfter !== undefined) return;
      const room = cutRequest.bytes - record.requestBytes;
      if (chunk.length < room) {
        record.requestBytes += chunk.length;
        upstream.write(chunk);
        return;
      }
      // Pass on exactly `bytes`, then the link drops: both sides see the connection die mid-body.
      upstream.write(chunk.subarray(0, room), () => {
        record.requestBytes += room;
        record.requestCutAfter = record.requestBytes;
        setTimeout(() => {
          upstream.destroy();
          req.socket.destroy();
          cutRequest.onCut(record);
        }, 200);
      });
    });
    req.on("end", () => {
      if (record.requestCutAfter === undefined) upstream.end();
    });
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    loseNextResponse: (method, path) => toLose.push({ method, path }),
    cutNextRequestAfter: (method, path, bytes, when) =>
      new Promise<ProxiedRequest>((onCut) => toCutRequest.push({ method, path, bytes, when, onCut })),
    cutNextResponseAfter: (method, path, bytes) =>
      new Promise<ProxiedRequest>((onCut) => toCut.push({ method, path, bytes, onCut })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The size of a response's status line and headers as the server sent them: the header bytes a link carries. */
export function responseHeaderBytes(response: http.IncomingMessage): number {
  return (
    `HTTP/1.1 ${response.statusCode} ${response.statusMessage ?? ""}\r\n`.length +
    response.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0) + // "Name: " and "value\r\n"
    2 // the blank line
  );
}
