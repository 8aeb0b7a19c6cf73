// Replies that travel by hand: a finished reply exported as a small signed file that any online app can deliver.
import * as z from "zod/mini";
import { canonicalJson } from "./canonicalJson";
import { reply, type ReplyInput } from "./reply";
import { base64ToBytes, bytesToBase64 } from "./signing";

export const RELAY_FILE_FORMAT = "outrigger-reply";

/** The file a participant hands on. The HMAC key is their invitation's relay key, known only to their phone and the server. */
export const relayedReplyFile = z.strictObject({
  format: z.literal(RELAY_FILE_FORMAT),
  formatVersion: z.literal(1),
  reply,
  signature: z.strictObject({
    algorithm: z.literal("HMAC-SHA256"),
    value: z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/), z.maxLength(128)),
  }),
});
export type RelayedReplyFile = z.infer<typeof relayedReplyFile>;
/** A reply file as read, before validation: what a signature is checked against. */
export type RelayedReplyFileInput = z.input<typeof relayedReplyFile>;

const relayBytes = (r: ReplyInput): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(canonicalJson(r)) as Uint8Array<ArrayBuffer>;

async function hmacKey(relayKey: string, usage: "sign" | "verify", subtle: SubtleCrypto): Promise<CryptoKey> {
  return subtle.importKey("raw", base64ToBytes(relayKey), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

/** The file keeps the reply's own type: a validated reply gives a RelayedReplyFile. */
export async function signRelayedReply<R extends ReplyInput>(
  r: R,
  relayKey: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Omit<RelayedReplyFileInput, "reply"> & { reply: R }> {
  const mac = await subtle.sign("HMAC", await hmacKey(relayKey, "sign", subtle), relayBytes(r));
  return {
    format: RELAY_FILE_FORMAT,
    formatVersion: 1,
    reply: r,
    signature: { algorithm: "HMAC-SHA256", value: bytesToBase64(new Uint8Array(mac)) },
  };
}

export async function verifyRelayedReply(
  file: RelayedReplyFileInput,
  relayKey: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  try {
    return await subtle.verify(
      "HMAC",
      await hmacKey(relayKey, "verify", subtle),
      base64ToBytes(file.signature.value),
      relayBytes(file.reply),
    );
  } catch {
    return false;
  }
}
