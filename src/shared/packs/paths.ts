// Names inside a pack: readable by people who unzip it by hand, and safe for every file system they unzip it to.

export const PACK_MATERIALS_FOLDER = "materials/";
export const PACK_README_PATH = "README.txt";
/** Longest file name (without the folder), in characters, a pack writes. */
export const MAX_PACK_FILE_NAME_CHARS = 120;

// Characters Windows, macOS or Android refuse, control characters, and bidirectional overrides that disguise an extension.
const UNSAFE_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

const cleanText = (text: string): string =>
  text
    .normalize("NFC")
    .replace(UNSAFE_CHARS, " ")
    .replace(/\s+/g, " ")
    .trim()
    // Leading dots hide files; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");

/** ".pdf" from "RKC guide v2.PDF" (letters and digits only, up to 10); "" when there is none. */
export function extensionOf(fileName: string): string {
  const match = /\.([\p{L}\p{N}]{1,10})$/u.exec(fileName.trim());
  return match ? `.${match[1].toLowerCase()}` : "";
}

const truncateChars = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("").trimEnd();
};

/**
 * A safe, human-readable file name for a material: its title with the file's extension
 * ("RKC at a glance.pdf"), or its file name when the title gives nothing usable.
 */
export function readableFileName(title: string, fileName: string): string {
  const extension = extensionOf(fileName);
  let base = cleanText(title);
  if (extension && base.toLowerCase().endsWith(extension)) base = base.slice(0, -extension.length).trimEnd();
  if (!base) {
    base = cleanText(fileName);
    if (extension && base.toLowerCase().endsWith(extension)) base = base.slice(0, -extension.length).trimEnd();
  }
  if (!base) base = "file";
  base = truncateChars(base, MAX_PACK_FILE_NAME_CHARS - extension.length - 4).replace(/[.\s]+$/, "") || "file";
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}${extension}`;
}

/** Adds " (2)", " (3)"… before the extension until the name is unused (compared without case, like Windows and macOS). */
export function uniqueName(name: string, taken: Set<string>): string {
  const extension = extensionOf(name);
  const base = extension ? name.slice(0, -extension.length) : name;
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The path of each material inside the pack, in order, unique and safe. */
export function packPaths(files: ReadonlyArray<{ title: string; fileName: string }>): string[] {
  const taken = new Set<string>();
  return files.map((f) => `${PACK_MATERIALS_FOLDER}${uniqueName(readableFileName(f.title, f.fileName), taken)}`);
}

/**
 * Whether a name found in a zip (or a path in a manifest) may be used at all: relative, forward slashes
 * only, no `.` or `..` segments, no empty segments, no drive letters, no control characters.
 */
export function isSafeZipPath(path: string): boolean {
  if (path.length === 0 || path.length > 1024) return false;
  if (path.startsWith("/") || path.includes("\\") || /^[A-Za-z]:/.test(path)) return false;
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  const segments = path.endsWith("/") ? path.slice(0, -1).split("/") : path.split("/");
  return segments.every((s) => s !== "" && s !== "." && s !== ".." && !s.includes(":"));
}
