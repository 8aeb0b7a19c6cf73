// One address in front of several server processes, as a load balancer would be: each request goes to the next
// server in turn, with the client's address passed on in X-Forwarded-For (the servers run with TRUST_PROXY=1).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  url: string;
  /** Which server (index) each request went to, in order. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const served: number[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % targets.length;
    served.push(index);
    const target = new URL(req.url ?? "/", targets[index]);
    const upstream = http.request(
      target,
      {
        method: req.method,
        headers: { ...req.headers, host: target.host, "x-forwarded-for": req.socket.remoteAddress ?? "" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
