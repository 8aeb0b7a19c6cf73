// Importing a pack: check the whole zip before storing anything, then stream each file into the store,
// hashing as it goes; a damaged file is discarded and reported, the others still import.
// Kept whole past 300 lines: one streaming reader; its checks and its storing loop share one zip state.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { canonicalJson } from "../canonicalJson";
import type { Material } from "../materials";
import {
  MAX_PACK_ENTRIES,
  MAX_PACK_ENTRY_BYTES,
  MAX_PACK_MANIFEST_BYTES,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PACK_MANIFEST_PATH,
  packManifest,
  type PackEntry,
  type PackManifest,
} from "../pack";
import { verifyManifestSignature, type SigningKey } from "../signing";
import { abortReason, refuse } from "./errors";
import { isSafeZipPath, PACK_README_PATH } from "./paths";
import {
  EntryDataError,
  entryDataOffset,
  readEntryData,
  readZipDirectory,
  type PackSource,
  type ZipEntry,
} from "./zipReader";

/** Where imported files go. Nothing may be shown as available before `commit`; `discard` must leave no trace. */
export interface PackImportStore {
  /** True when a complete, verified file with this SHA-256 is already kept: it is not read again. */
  has(sha256: string): Promise<boolean>;
  begin(sha256: string, size: number, contentType: string): Promise<void>;
  /** The file's next bytes; the chunk may be reused after the promise settles, so keep a copy if needed. */
  write(sha256: string, chunk: Uint8Array): Promise<void>;
  /** Size and SHA-256 have been checked: the file is genuine and complete. */
  commit(sha256: string): Promise<void>;
  discard(sha256: string): Promise<void>;
}

export type PackVerification =
  /** `covers`: "workshop" when the signature covers the workshop's title and dates too (payload 2); older packs: "materials". */
  | { status: "verified"; issuer: string; keyId: string; covers: "workshop" | "materials" }
  | { status: "not_verified"; reason: "no_signature" | "unknown_key" | "bad_signature" | "no_key_cached" };

export type PackRefusalCode =
  /** Its bytes do not match the SHA-256 or size in the manifest (changed, truncated, corrupt deflate data). */
  | "damaged"
  /** It unpacks to more bytes than declared (a zip bomb); inflating stopped at the limit. */
  | "too_big"
  /** Listed in the pack, but not as the workshop's (signed) manifest lists that material. */
  | "not_in_signed_manifest"
  /** Listed in the manifest but absent from the zip. */
  | "missing"
  /** In the zip but not in the manifest: never read. */
  | "not_listed";

export interface PackRefusal {
  entry?: PackEntry;
  path: string;
  code: PackRefusalCode;
  /** A plain sentence for the participant. */
  reason: string;
}

export interface PackImportResult {
  manifest: PackManifest;
  verification: PackVerification;
  imported: PackEntry[];
  alreadyPresent: PackEntry[];
  refused: PackRefusal[];
}

export interface ReadPackOptions {
  /** The organiser's public key as cached by the app; without it the pack is "not verified" (no_key_cached). */
  signingKey?: SigningKey;
  /** Bytes of the pack file checked so far, of its size. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  signal?: AbortSignal;
  subtle?: SubtleCrypto;
  /** Bytes read from the source at a time (default 512 KiB). */
  chunkBytes?: number;
}

export const REFUSAL_REASONS: Record<PackRefusalCode, string> = {
  damaged: "This file was changed or damaged on the way, so it was not kept. Ask for the pack again.",
  too_big:
    "This file was changed or damaged on the way (it unpacks to more than its declared size), so it was not kept.",
  not_in_signed_manifest:
    "This file does not match the organiser's list of this workshop's materials, so it was not imported.",
  missing: "This file is listed in the pack but is missing from it.",
  not_listed: "This file is not in the pack's list of contents, so it was not imported.",
};

const damagedReason = (detail: string): string =>
  `This file was changed or damaged on the way (${detail}), so it was not kept. Ask for the pack again.`;

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks manifest.json's text: the right format and version, sizes within limits, then the full schema. */
export function parsePackManifest(text: string): PackManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuse("bad_manifest", "not JSON");
  }
  if (!isRecord(raw) || raw.format !== PACK_FORMAT) throw refuse("bad_manifest", "not an Outrigger pack manifest");
  if (raw.formatVersion !== PACK_FORMAT_VERSION)
    throw refuse(
      "unsupported_version",
      `format version ${JSON.stringify(raw.formatVersion)}; this app reads version ${PACK_FORMAT_VERSION}`,
    );
  const entries = Array.isArray(raw.entries) ? raw.entries : [];
  const materials = isRecord(raw.manifest) && Array.isArray(raw.manifest.materials) ? raw.manifest.materials : [];
  if (entries.length > MAX_PACK_ENTRIES || materials.length > MAX_PACK_ENTRIES)
    throw refuse("too_large", `more than ${MAX_PACK_ENTRIES} files`);
  for (const item of [...entries, ...materials]) {
    if (isRecord(item) && typeof item.size === "number" && item.size > MAX_PACK_ENTRY_BYTES)
      throw refuse("too_large", `a file of ${item.size} bytes`);
  }
  const parsed = packManifest.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw refuse("bad_manifest", first ? `${first.path.join(".")}: ${first.message}` : "invalid");
  }
  const manifest = parsed.data;
  if (manifest.workshop.id !== manifest.manifest.workshopId)
    throw refuse("bad_manifest", "the workshop and its list of materials disagree");
  const paths = new Set<string>();
  const ids = new Set<string>();
  for (const entry of manifest.entries) {
    if (!isSafeZipPath(entry.path) || entry.path.endsWith("/"))
      throw refuse("unsafe_path", JSON.stringify(entry.path).slice(0, 120));
    const key = entry.path.normalize("NFC").toLowerCase();
    if (key === PACK_MANIFEST_PATH || key === PACK_README_PATH.toLowerCase())
      throw refuse("bad_manifest", `${entry.path} cannot be a material`);
    if (paths.has(key) || ids.has(entry.materialId)) throw refuse("duplicate_entry", entry.path);
    paths.add(key);
    ids.add(entry.materialId);
  }
  return manifest;
}

async function verify(
  manifest: PackManifest,
  key: SigningKey | undefined,
  subtle: SubtleCrypto | undefined,
): Promise<PackVerification> {
  if (!manifest.signature) return { status: "not_verified", reason: "no_signature" };
  if (!key) return { status: "not_verified", reason: "no_key_cached" };
  if (manifest.signature.keyId !== key.keyId) return { status: "not_verified", reason: "unknown_key" };
  const ok = await verifyManifestSignature(manifest.manifest, manifest.signature, key, subtle);
  if (!ok) return { status: "not_verified", reason: "bad_signature" };
  const coversWorkshop = manifest.signature.payload === 2;
  // The workshop shown is the pack's own: under a payload 2 signature it must be exactly the one signed.
  if (coversWorkshop && canonicalJson(manifest.workshop) !== canonicalJson(manifest.manifest.workshop))
    return { status: "not_verified", reason: "bad_signature" };
  // The issuer shown is the one the cached key speaks for, never the name the pack claims.
  return {
    status: "verified",
    issuer: key.issuer,
    keyId: key.keyId,
    covers: coversWorkshop ? "workshop" : "materials",
  };
}

/**
 * Checks a pack and imports its files into `store`. Whole-pack problems (not a zip, no or bad manifest,
 * unsafe names, zip64, encryption, sizes that disagree or exceed the limits…) throw a PackError before
 * anything is stored; a file that fails its own check is refused in `refused` while the others import.
 */
export async function readPack(
  source: PackSource,
  store: PackImportStore,
  options: ReadPackOptions = {},
): Promise<PackImportResult> {
  const { signal, onProgress } = options;
  const total = source.size;
  let progressed = 0;
  const advance = (bytes: number): void => {
    progressed = Math.min(total, progressed + bytes);
    onProgress?.(progressed, total);
  };
  if (signal?.aborted) throw abortReason(signal);

  const directory = await readZipDirectory(source);
  const byName = new Map<string, ZipEntry>(directory.entries.map((e) => [e.name, e]));
  const manifestZipEntry = byName.get(PACK_MANIFEST_PATH);
  if (!manifestZipEntry) throw refuse("no_manifest");
  if (manifestZipEntry.size > MAX_PACK_MANIFEST_BYTES || manifestZipEntry.compressedSize > MAX_PACK_MANIFEST_BYTES)
    throw refuse("too_large", "manifest.json is too big");

  // The manifest, whole (at most 1 MiB), never inflated past what it declares.
  const manifestParts: Uint8Array[] = [];
  let manifestLength = 0;
  try {
    const offset = await entryDataOffset(source, directory, manifestZipEntry);
    for await (const part of readEntryData(source, manifestZipEntry, offset, {
      maxBytes: manifestZipEntry.size,
      signal,
    })) {
      manifestParts.push(part);
      manifestLength += part.length;
    }
  } catch (error) {
    if (error instanceof EntryDataError)
      throw error.kind === "too_big" ? refuse("zip_bomb", "manifest.json") : refuse("bad_manifest", error.message);
    throw error;
  }
  if (manifestLength !== manifestZipEntry.size) throw refuse("bad_manifest", "manifest.json is shorter than declared");
  const manifestBytes = new Uint8Array(manifestLength);
  manifestParts.reduce((at, part) => (manifestBytes.set(part, at), at + part.length), 0);
  let manifestText: string;
  try {
    manifestText = new TextDecoder("utf-8", { fatal: true }).decode(manifestBytes);
  } catch {
    throw refuse("bad_manifest", "not UTF-8 text");
  }
  const manifest = parsePackManifest(manifestText);

  // Every listed file must be declared in the zip with exactly the manifest's size, and be where it says.
  const dataOffsets = new Map<string, number>();
  for (const entry of manifest.entries) {
    const zipEntry = byName.get(entry.path);
    if (!zipEntry) continue;
    if (zipEntry.size !== entry.size)
      throw refuse("size_mismatch", `${entry.path}: ${zipEntry.size} bytes in the zip, ${entry.size} in the manifest`);
    dataOffsets.set(entry.path, await entryDataOffset(source, directory, zipEntry));
  }
  advance(
    total -
      directory.entries
        .filter((e) => manifest.entries.some((m) => m.path === e.name))
        .reduce((sum, e) => sum + e.compressedSize, 0),
  );

  const verification = await verify(manifest, options.signingKey, options.subtle);
  const materials = new Map<string, Material>(manifest.manifest.materials.map((m) => [m.id, m]));
  const listed = new Set(manifest.entries.map((e) => e.path));
  const result: PackImportResult = { manifest, verification, imported: [], alreadyPresent: [], refused: [] };
  for (const zipEntry of directory.entries) {
    if (
      zipEntry.isDirectory ||
      zipEntry.name === PACK_MANIFEST_PATH ||
      zipEntry.name === PACK_README_PATH ||
      listed.has(zipEntry.name)
    )
      continue;
    result.refused.push({ path: zipEntry.name, code: "not_listed", reason: REFUSAL_REASONS.not_listed });
  }

  for (const entry of manifest.entries) {
    if (signal?.aborted) throw abortReason(signal);
    const zipEntry = byName.get(entry.path);
    const material = materials.get(entry.materialId);
    if (!material || material.sha256 !== entry.sha256 || material.size !== entry.size) {
      result.refused.push({
        entry,
        path: entry.path,
        code: "not_in_signed_manifest",
        reason: REFUSAL_REASONS.not_in_signed_manifest,
      });
      if (zipEntry) advance(zipEntry.compressedSize);
      continue;
    }
    if (!zipEntry) {
      result.refused.push({ entry, path: entry.path, code: "missing", reason: REFUSAL_REASONS.missing });
      continue;
    }
    if (await store.has(entry.sha256)) {
      result.alreadyPresent.push(entry);
      advance(zipEntry.compressedSize);
      continue;
    }
    const hasher = sha256.create();
    let size = 0;
    let begun = false;
    let refusal: PackRefusal | undefined;
    try {
      await store.begin(entry.sha256, entry.size, material.contentType);
      begun = true;
      const offset = dataOffsets.get(entry.path) as number;
      const chunks = readEntryData(source, zipEntry, offset, {
        maxBytes: entry.size,
        signal,
        chunkBytes: options.chunkBytes,
        onRead: zipEntry.method === 8 ? advance : undefined,
      });
      for await (const chunk of chunks) {
        size += chunk.length;
        hasher.update(chunk);
        await store.write(entry.sha256, chunk);
        if (zipEntry.method === 0) advance(chunk.length);
      }
      if (size !== entry.size) {
        refusal = {
          entry,
          path: entry.path,
          code: "damaged",
          reason: damagedReason(`${size} bytes instead of ${entry.size}`),
        };
      } else if (bytesToHex(hasher.digest()) !== entry.sha256) {
        refusal = { entry, path: entry.path, code: "damaged", reason: damagedReason("its SHA-256 does not match") };
      }
    } catch (error) {
      if (!(error instanceof EntryDataError)) {
        if (begun) await store.discard(entry.sha256).catch(() => undefined);
        throw error;
      }
      refusal =
        error.kind === "too_big"
          ? { entry, path: entry.path, code: "too_big", reason: REFUSAL_REASONS.too_big }
          : { entry, path: entry.path, code: "damaged", reason: damagedReason(error.message) };
    }
    if (refusal) {
      await store.discard(entry.sha256);
      result.refused.push(refusal);
    } else {
      await store.commit(entry.sha256);
      result.imported.push(entry);
    }
  }
  onProgress?.(total, total);
  return result;
}
