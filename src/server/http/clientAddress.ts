// Which client a request comes from, for the limits counted per source: the socket's address, or behind a trusted
// proxy its X-Forwarded-For; IPv6 counted per /64.
import { isIPv4, isIPv6 } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * What a per-source limit counts against: an IPv4 address, or the /64 of an IPv6 address — one subscriber usually
 * holds a whole /64, and counting single IPv6 addresses would let them start afresh with every guess.
 */
export function sourceOfAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The client's source (see sourceOfAddress): the proxy's X-Forwarded-For (last hop) when trusted, else the socket's. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header("X-Forwarded-For") ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter((h) => h !== "");
    if (hops.length > 0) return sourceOfAddress(hops[hops.length - 1]);
  }
  try {
    return sourceOfAddress(getConnInfo(c).remote.address ?? "unknown");
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}
