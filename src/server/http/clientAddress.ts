// Which client a request comes from, for the limits counted per source: the socket's address, or behind a trusted proxy its X-Forwarded-For.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The client's address: the proxy's X-Forwarded-For (last hop) when trusted, else the socket's. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header("X-Forwarded-For") ?? "").split(",").map((h) => h.trim()).filter((h) => h !== "");
    if (hops.length > 0) return hops[hops.length - 1];
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}
