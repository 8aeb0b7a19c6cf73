// Refuses the passwords people choose most often, and the usual ways of stretching one past the length rule
// (repeating it, or adding digits and symbols), as OWASP and NIST SP 800-63B ask. The list is commonPasswords.txt.
import { readFileSync } from "node:fs";

const COMMON = new Set(
  readFileSync(new URL("./commonPasswords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#")),
);
/** Shorter stems are too often part of a good passphrase ("love", "star") to refuse what merely ends in them. */
const MIN_STEM_LENGTH = 5;

/** The form compared with the list: case and spaces do not make a common password less common. */
function comparable(password: string): string {
  return password.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** `text` made of one shorter piece said again and again ("passwordpassword", "aaaaaaaaaaaaaaaa"), or undefined. */
function repeatedPiece(text: string): string | undefined {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return text.slice(0, size);
  }
  return undefined;
}

export function isCommonPassword(password: string): boolean {
  const text = comparable(password);
  if (COMMON.has(text)) return true;
  const piece = repeatedPiece(text);
  if (piece !== undefined && (piece.length <= 2 || COMMON.has(piece))) return true;
  const stem = text.replace(/[\d\W_]+$/u, "");
  return stem !== text && stem.length >= MIN_STEM_LENGTH && COMMON.has(stem);
}
