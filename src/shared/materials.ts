// Training materials: what a workshop leaves behind, described by a manifest and stored by content hash.
import * as z from "zod/mini";
import { workshop } from "./directory";
import { manifestSignature } from "./signing";

export const MATERIAL_KINDS = ["document", "slides", "image", "video", "audio", "handout"] as const;
export const materialKind = z.enum(MATERIAL_KINDS);
export type MaterialKind = z.infer<typeof materialKind>;

/** Lower-case hex SHA-256: the only name a stored file has, so it can never be a path. */
export const sha256Hex = z
  .string()
  .check(z.regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in lower-case hex"))
  .brand<"Sha256Hex">();
/** A file's content hash once validated: the name of its bytes on the phone, in packs and in the server's store. */
export type Sha256Hex = z.infer<typeof sha256Hex>;

export const material = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  workshopId: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  description: z.string().check(z.maxLength(4000)),
  kind: materialKind,
  /** BCP 47 language tag, e.g. "en". */
  language: z.string().check(z.minLength(2), z.maxLength(35)),
  /** The file name a person sees when saving or sharing it. */
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  contentType: z.string().check(z.minLength(3), z.maxLength(255)),
  size: z.int().check(z.nonnegative()),
  sha256: sha256Hex,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Material = z.infer<typeof material>;

/** GET /api/workshops/:id/materials — `version` changes whenever any material is added, changed or removed. */
export const materialsManifest = z.object({
  workshopId: z.string(),
  version: z.string().check(z.minLength(1), z.maxLength(128)),
  generatedAt: z.iso.datetime({ offset: true }),
  materials: z.array(material),
  /** The workshop as the server holds it; signed with the rest (signature payload 2). */
  workshop: z.optional(workshop),
  /** The server's Ed25519 signature over the workshop, workshopId, version and materials (see signing.ts). */
  signature: z.optional(manifestSignature),
});
export type MaterialsManifest = z.infer<typeof materialsManifest>;

/** How the phone proves it may read a workshop's materials: the invitation it joined with. */
export const INVITATION_AUTH_SCHEME = "Invitation";
export const invitationAuthorization = (code: string): string => `${INVITATION_AUTH_SCHEME} ${code}`;

export interface ManifestChanges {
  added: Material[];
  changed: Material[];
  removed: Material[];
}

/** What differs between two manifests of one workshop, by material id and content hash. */
export function diffManifests(previous: readonly Material[], next: readonly Material[]): ManifestChanges {
  const before = new Map(previous.map((m) => [m.id, m]));
  const after = new Map(next.map((m) => [m.id, m]));
  return {
    added: next.filter((m) => !before.has(m.id)),
    changed: next.filter((m) => {
      const old = before.get(m.id);
      return (
        old !== undefined && (old.sha256 !== m.sha256 || old.title !== m.title || old.description !== m.description)
      );
    }),
    removed: previous.filter((m) => !after.has(m.id)),
  };
}
