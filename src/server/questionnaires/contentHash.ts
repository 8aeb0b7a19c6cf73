// The fingerprint of a published questionnaire version: SHA-256 of its canonical JSON, so key order never matters.
import { createHash } from "node:crypto";
import { canonicalJson } from "../../shared/canonicalJson";

export function questionnaireContentHash(definition: unknown): string {
  return createHash("sha256").update(canonicalJson(definition), "utf8").digest("hex");
}
