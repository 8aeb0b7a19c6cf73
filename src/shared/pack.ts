// Packs: a workshop's materials as one ordinary zip with a manifest.json, passed device to device.
import * as z from "zod/mini";
import { workshop } from "./directory";
import { material, sha256Hex } from "./materials";
import { manifestSignature } from "./signing";

export const PACK_FORMAT = "outrigger-pack";
export const PACK_FORMAT_VERSION = 1;
export const PACK_MANIFEST_PATH = "manifest.json";
/** Refuse before reading: no workshop pack is this big, and a zip claiming more is hostile or broken. */
export const MAX_PACK_ENTRY_BYTES = 4 * 1024 * 1024 * 1024;
export const MAX_PACK_ENTRIES = 500;
export const MAX_PACK_MANIFEST_BYTES = 1024 * 1024;

export const packEntry = z.object({
  materialId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Human-readable path inside the zip, e.g. "materials/RKC at a glance.pdf". */
  path: z.string().check(z.minLength(1), z.maxLength(300)),
  size: z.int().check(z.nonnegative(), z.maximum(MAX_PACK_ENTRY_BYTES)),
  sha256: sha256Hex,
});
export type PackEntry = z.infer<typeof packEntry>;

export const packManifest = z.object({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().check(z.maxLength(40)),
  workshop,
  /** The server's manifest as signed: every material of the workshop, not only those in this pack. */
  manifest: z.object({
    workshopId: z.string(),
    version: z.string().check(z.minLength(1), z.maxLength(128)),
    materials: z.array(material).check(z.maxLength(MAX_PACK_ENTRIES)),
    /** The workshop as the server signed it (signature payload 2); absent in packs signed before. */
    workshop: z.optional(workshop),
  }),
  signature: z.optional(manifestSignature),
  entries: z.array(packEntry).check(z.maxLength(MAX_PACK_ENTRIES)),
});
export type PackManifest = z.infer<typeof packManifest>;
/** A pack manifest as read from a file, before validation. */
export type PackManifestInput = z.input<typeof packManifest>;
