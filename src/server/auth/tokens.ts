// Random secrets and their digests: the database keeps only the sha-256 of what a browser or a link holds.
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes as 64 hex characters. */
export function randomToken(): string {
  return randomBytes(32).toString("hex");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}
