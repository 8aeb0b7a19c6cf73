// Why a pack was refused or could not be made, in the chosen language: a refusal's code picks the catalogue's sentence,
// and its detail in brackets (for whoever the participant asks for help) follows as written; a problem making a pack
// is worded with its values (the material's title). Any other failure shows its own message; none, the fallback.
import { type PACK_EXPORT_PROBLEMS, PACK_REFUSALS, PackError, PackExportError } from "../../../shared/packs";
import { t } from "../../i18n/trainerMessages";
import type english from "../../messages/en/trainer";

/** The catalogue key of each refusal; the compiler refuses a refusal added to PACK_REFUSALS without one here. */
export const PACK_REFUSAL_KEYS = {
  not_a_zip: "packNotAZip",
  damaged_zip: "packDamagedZip",
  zip64_unsupported: "packZip64",
  no_manifest: "packNoManifest",
  bad_manifest: "packBadManifest",
  unsupported_version: "packUnsupportedVersion",
  too_large: "packTooLarge",
  unsafe_path: "packUnsafePath",
  duplicate_entry: "packDuplicateEntry",
  size_mismatch: "packSizeMismatch",
  unsupported_compression: "packUnsupportedCompression",
  encrypted: "packEncrypted",
  zip_bomb: "packZipBomb",
} as const satisfies Record<keyof typeof PACK_REFUSALS, keyof typeof english>;

/** The catalogue key of each problem making a pack; the compiler refuses a problem added without one here. */
export const PACK_EXPORT_KEYS = {
  too_many_files: "packExportTooManyFiles",
  not_in_manifest: "packExportNotInManifest",
  chosen_twice: "packExportChosenTwice",
  file_too_big: "packExportFileTooBig",
  total_too_big: "packExportTotalTooBig",
  invalid_manifest: "packExportInvalidManifest",
  manifest_too_long: "packExportManifestTooLong",
  source_damaged: "packExportSourceDamaged",
} as const satisfies Record<keyof typeof PACK_EXPORT_PROBLEMS, keyof typeof english>;

/** The detail `refuse()` put after the refusal's sentence: "" for none, undefined when the message is another sentence. */
function refusalDetail(sentence: string, message: string): string | undefined {
  if (message === sentence) return "";
  const prefix = `${sentence} (`;
  return message.startsWith(prefix) && message.endsWith(")") ? message.slice(prefix.length, -1) : undefined;
}

export function packProblemText(error: unknown, fallback: string): string {
  if (!(error instanceof Error)) return fallback;
  if (error instanceof PackExportError) {
    const key = (PACK_EXPORT_KEYS as Partial<Record<string, keyof typeof english>>)[error.problem];
    return key ? t(key, { ...error.values }) : error.message;
  }
  if (error instanceof PackError && error.code in PACK_REFUSAL_KEYS) {
    const code = error.code as keyof typeof PACK_REFUSAL_KEYS;
    const detail = refusalDetail(PACK_REFUSALS[code], error.message);
    if (detail !== undefined) return detail ? `${t(PACK_REFUSAL_KEYS[code])} (${detail})` : t(PACK_REFUSAL_KEYS[code]);
  }
  return error.message;
}
