// The server's version, from package.json (the PWA gets its own at build time).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./projectRoot";

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export const SERVER_VERSION = readVersion();
