// Authenticity: the server signs each workshop's manifest (Ed25519) so a pack passed hand to hand can be checked.
import * as z from "zod/mini";
import { canonicalJson } from "./canonicalJson";
import type { Workshop } from "./directory";
import type { Material } from "./materials";

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be base64"), z.maxLength(4096));

/** GET /api/signing-key — fetched and kept by every app, so it can verify packs offline. */
export const signingKey = z.object({
  algorithm: z.literal("Ed25519"),
  keyId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The raw 32-byte public key, base64. */
  publicKey: base64,
  /** Who the key speaks for, shown as "verified: issued by <issuer>". */
  issuer: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SigningKey = z.infer<typeof signingKey>;

export const manifestSignature = z.object({
  algorithm: z.literal("Ed25519"),
  keyId: z.string().check(z.minLength(1), z.maxLength(64)),
  issuer: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Signature over `signedManifestBytes(...)`, base64. */
  value: base64,
  /**
   * What was signed. Absent (packs made before): payload 1, the workshop id, version and materials. 2: also the
   * workshop itself (title, dates, place…), everything an import screen shows beside "Verified".
   */
  payload: z.optional(z.literal(2)),
});
export type ManifestSignature = z.infer<typeof manifestSignature>;

/** A manifest as signed; `workshop` is signed from payload 2 on. */
export interface SignableManifest {
  workshopId: string;
  version: string;
  materials: readonly Material[];
  workshop?: Workshop;
}

export type SignedPayloadVersion = 1 | 2;

/**
 * Exactly what is signed, in canonical JSON. Payload 1: the workshop id, the manifest version and every material.
 * Payload 2 adds the workshop record and the payload number itself, so a v1 signature can never pass as v2.
 */
export function signedManifestBytes(
  manifest: SignableManifest,
  payload: SignedPayloadVersion = 1,
): Uint8Array<ArrayBuffer> {
  const materials = [...manifest.materials].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (payload === 1)
    return new TextEncoder().encode(
      canonicalJson({ workshopId: manifest.workshopId, version: manifest.version, materials }),
    ) as Uint8Array<ArrayBuffer>;
  if (!manifest.workshop) throw new Error("A payload 2 signature covers the workshop: it is missing.");
  return new TextEncoder().encode(
    canonicalJson({
      payload,
      workshop: manifest.workshop,
      workshopId: manifest.workshopId,
      version: manifest.version,
      materials,
    }),
  ) as Uint8Array<ArrayBuffer>;
}

export function base64ToBytes(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Verifies a manifest signature with WebCrypto (browsers and Node alike). */
export async function verifyManifestSignature(
  manifest: SignableManifest,
  signature: ManifestSignature,
  key: SigningKey,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  if (signature.keyId !== key.keyId) return false;
  const payload = signature.payload ?? 1;
  if (payload === 2 && (!manifest.workshop || manifest.workshop.id !== manifest.workshopId)) return false;
  try {
    const publicKey = await subtle.importKey("raw", base64ToBytes(key.publicKey), { name: "Ed25519" }, false, [
      "verify",
    ]);
    return await subtle.verify(
      { name: "Ed25519" },
      publicKey,
      base64ToBytes(signature.value),
      signedManifestBytes(manifest, payload),
    );
  } catch {
    return false;
  }
}
