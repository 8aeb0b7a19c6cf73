// The baseline for blob throughput: Node's http with fs streams and nothing else.
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

const root = process.argv[2] ?? ".";
const server = http.createServer((req, res) => {
  const name = (req.url ?? "/").replace(/^\/+/, "");
  if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end();
  const path = join(root, name);
  try {
    const { size } = statSync(path);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": size });
    createReadStream(path, { highWaterMark: 512 * 1024 }).pipe(res);
  } catch {
    res.writeHead(404).end();
  }
});
server.listen(0, "127.0.0.1", () =>
  console.log(`Listening http://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
