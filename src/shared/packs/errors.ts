// Why a whole pack was refused (or could not be made), as a code for programs and a plain sentence for people.

export const PACK_ERROR_CODES = [
  /** Not a zip at all (no end-of-central-directory record, broken signatures). */
  "not_a_zip",
  /** A zip whose directory contradicts itself: entries outside the file, overlapping, local and central headers disagree. */
  "damaged_zip",
  /** Zip64 or a pack over 4 GB: never written by Outrigger, refused rather than half-read. */
  "zip64_unsupported",
  "no_manifest",
  /** manifest.json is not JSON, not an Outrigger pack manifest, or contradicts itself. */
  "bad_manifest",
  /** An Outrigger pack, but of a format version this app does not read. */
  "unsupported_version",
  /** More entries, a bigger manifest or bigger files than any workshop pack has. */
  "too_large",
  /** An absolute path, a `..` segment, a backslash, a drive letter or a control character in a name. */
  "unsafe_path",
  /** The same name twice in the zip, or the same path or material twice in the manifest. */
  "duplicate_entry",
  /** The zip's directory declares a size that disagrees with the manifest. */
  "size_mismatch",
  /** A compression method other than store (0) or deflate (8). */
  "unsupported_compression",
  "encrypted",
  /** manifest.json unpacks to more than it declares. */
  "zip_bomb",
  /** Export only: a file on this phone does not match its checksum, so it is not exported as genuine. */
  "source_damaged",
  /** Export only: the chosen files do not belong to the manifest given. */
  "bad_input",
] as const;
export type PackErrorCode = (typeof PACK_ERROR_CODES)[number];

export class PackError extends Error {
  readonly code: PackErrorCode;
  constructor(code: PackErrorCode, message: string) {
    super(message);
    this.name = "PackError";
    this.code = code;
  }
}

/** Plain sentences shown to a participant; the detail in brackets helps whoever they ask for help. */
export const PACK_REFUSALS: Record<Exclude<PackErrorCode, "source_damaged" | "bad_input">, string> = {
  not_a_zip: "This file is not an Outrigger pack (it is not a zip file).",
  damaged_zip:
    "This pack is damaged (its list of contents does not add up), so nothing was imported. Ask for the file again.",
  zip64_unsupported: "This pack is too big or was made by another program (zip64), so nothing was imported.",
  no_manifest: "This zip file is not an Outrigger pack (it has no manifest.json), so nothing was imported.",
  bad_manifest: "This pack's list of contents (manifest.json) is not readable, so nothing was imported.",
  unsupported_version: "This pack was made by a different version of Outrigger. Update the app, then try again.",
  too_large: "This pack claims more files or bigger files than any workshop pack has, so nothing was imported.",
  unsafe_path: "This pack contains a file name that could write outside its folder, so nothing was imported.",
  duplicate_entry: "This pack contains the same file name twice, so nothing was imported.",
  size_mismatch: "This pack's files do not have the sizes its list of contents says, so nothing was imported.",
  unsupported_compression: "This pack uses a kind of compression Outrigger does not read, so nothing was imported.",
  encrypted: "This pack is password-protected, so nothing was imported. Outrigger packs are never encrypted.",
  zip_bomb: "This pack's list of contents unpacks to far more than it declares, so nothing was imported.",
};

export const refuse = (code: keyof typeof PACK_REFUSALS, detail?: string): PackError =>
  new PackError(code, detail ? `${PACK_REFUSALS[code]} (${detail})` : PACK_REFUSALS[code]);

/** Why a pack could not be made, each with its sentence; `{name}` stands for a value the problem carries. */
export const PACK_EXPORT_PROBLEMS = {
  too_many_files: "A pack holds at most {max} files; choose fewer materials.",
  not_in_manifest:
    "“{title}” is not in this workshop's list of materials (or has changed since), so it cannot go in the pack. Update the list and try again.",
  chosen_twice: "“{title}” was chosen twice.",
  file_too_big: "“{title}” is too big for a pack.",
  total_too_big: "These materials together are bigger than one pack can hold (4 GB); choose fewer.",
  invalid_manifest: "The pack's list of contents is not valid: {detail}",
  manifest_too_long: "This workshop's list of materials is too long for one pack.",
  source_damaged:
    "“{title}” on this phone does not match its checksum ({detail}), so the pack was not made. Remove this material from the phone, download it again, then make the pack.",
} as const;
export type PackExportProblem = keyof typeof PACK_EXPORT_PROBLEMS;

/** A pack that could not be made: its problem and values, so a screen can word it in its own language. */
export class PackExportError extends PackError {
  readonly problem: PackExportProblem;
  readonly values: Readonly<Record<string, string | number>>;
  constructor(code: PackErrorCode, problem: PackExportProblem, values: Record<string, string | number> = {}) {
    super(
      code,
      PACK_EXPORT_PROBLEMS[problem].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)),
    );
    this.problem = problem;
    this.values = values;
  }
}

/** What a cancelled operation throws: the signal's reason, or a plain AbortError where the platform gives none. */
export function abortReason(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error("Cancelled.");
  error.name = "AbortError";
  return error;
}
