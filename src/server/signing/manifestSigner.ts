// The server's Ed25519 key: it signs every workshop's materials manifest, so a pack passed hand to hand can be checked offline.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join, resolve } from "node:path";
import {
  bytesToBase64,
  signedManifestBytes,
  type ManifestSignature,
  type SignableManifest,
  type SigningKey,
} from "../../shared/signing";

/** Shown by the apps as "verified: issued by <issuer>" when SERVER_NAME is not set. */
export const DEFAULT_SERVER_NAME = "Outrigger demo server (127.0.0.1)";
export const SIGNING_KEY_DIR = "keys";
export const SIGNING_KEY_FILE = "manifest-signing-ed25519.pem";

export interface ManifestSigner {
  /** What GET /api/signing-key serves. */
  readonly key: SigningKey;
  /** With the workshop: payload 2 (the workshop's title and dates are signed too); without: payload 1. */
  sign(manifest: SignableManifest): ManifestSignature;
}

/** SERVER_NAME, trimmed; the plain default when unset or blank. */
export function serverNameFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.SERVER_NAME?.trim();
  return name ? name : DEFAULT_SERVER_NAME;
}

export function signingKeyPath(dataDir: string): string {
  return join(resolve(dataDir), SIGNING_KEY_DIR, SIGNING_KEY_FILE);
}

/** The raw 32-byte Ed25519 public key (the JWK "x" member, base64url). */
function rawPublicKey(publicKey: KeyObject): Buffer {
  const x = publicKey.export({ format: "jwk" }).x;
  if (typeof x !== "string") throw new Error("The signing key is not an Ed25519 key");
  return Buffer.from(x, "base64url");
}

/** First 16 hex digits of the SHA-256 of the raw public key. */
export function signingKeyId(publicKey: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(publicKey)).digest("hex").slice(0, 16);
}

export function createManifestSigner(privateKey: KeyObject, issuer: string): ManifestSigner {
  if (privateKey.type !== "private" || privateKey.asymmetricKeyType !== "ed25519")
    throw new Error("The manifest signing key must be an Ed25519 private key");
  const publicKey = createPublicKey(privateKey);
  const keyId = signingKeyId(publicKey);
  const key: SigningKey = {
    algorithm: "Ed25519",
    keyId,
    publicKey: rawPublicKey(publicKey).toString("base64"),
    issuer,
  };
  return {
    key,
    sign: (manifest) => {
      const payload = manifest.workshop ? 2 : 1;
      const value = bytesToBase64(sign(null, signedManifestBytes(manifest, payload), privateKey));
      return payload === 2
        ? { algorithm: "Ed25519", keyId, issuer, value, payload }
        : { algorithm: "Ed25519", keyId, issuer, value };
    },
  };
}

/** A key that lives only in memory (tests, and createApp() when no signer is given). */
export function ephemeralManifestSigner(issuer: string = serverNameFromEnv()): ManifestSigner {
  return createManifestSigner(generateKeyPairSync("ed25519").privateKey, issuer);
}

/**
 * Loads `<dataDir>/keys/manifest-signing-ed25519.pem` (PKCS#8 PEM), creating it on first start:
 * folder 0700, file 0600. The file appears whole or not at all (written aside, fsync'ed, then
 * hard-linked into place, which fails if another process got there first — then its key is used).
 */
export function loadOrCreateManifestSigner(
  dataDir: string,
  issuer: string,
): ManifestSigner & { created: boolean; path: string } {
  const path = signingKeyPath(dataDir);
  const dir = join(resolve(dataDir), SIGNING_KEY_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  let created = false;
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const fresh = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }) as string;
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    const fd = openSync(temp, "wx", 0o600);
    try {
      writeSync(fd, fresh);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, 0o600);
    try {
      linkSync(temp, path);
      created = true;
    } catch (linkError) {
      if ((linkError as NodeJS.ErrnoException).code !== "EEXIST") throw linkError;
    } finally {
      rmSync(temp, { force: true });
    }
    pem = created ? fresh : readFileSync(path, "utf8");
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: "pem" });
  } catch (error) {
    // Never replace a key silently: every pack signed with it would stop verifying.
    throw new Error(
      `The manifest signing key at ${path} cannot be read (${error instanceof Error ? error.message : String(error)}). Restore it from a backup, or remove it to make a new one.`,
      { cause: error },
    );
  }
  return { ...createManifestSigner(privateKey, issuer), created, path };
}
