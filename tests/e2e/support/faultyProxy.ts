// A loopback proxy between the browser and the real server that can lose a response on purpose
// and logs every request, so tests can prove what the app actually sent.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxiedRequest {
  method: string;
  path: string;
  status?: number;
  responseLost?: boolean;
  headers: http.IncomingHttpHeaders;
}

export interface FaultyProxy {
  url: string;
  requests: ProxiedRequest[];
  /** The next request matching this path is forwarded and answered by the server, but the reply never reaches the browser. */
  loseNextResponse(method: string, path: string): void;
  close(): Promise<void>;
}

export async function startFaultyProxy(targetUrl: string): Promise<FaultyProxy> {
  const target = new URL(targetUrl);
  const requests: ProxiedRequest[] = [];
  const toLose: { method: string; path: string }[] = [];

  const server = http.createServer((req, res) => {
    const record: ProxiedRequest = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers };
    requests.push(record);
    const loseIndex = toLose.findIndex((l) => l.method === record.method && record.path.startsWith(l.path));
    const lose = loseIndex >= 0;
    if (lose) toLose.splice(loseIndex, 1);
    const upstream = http.request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (upstreamRes) => {
        record.status = upstreamRes.statusCode;
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
        upstreamRes.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    loseNextResponse: (method, path) => toLose.push({ method, path }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
