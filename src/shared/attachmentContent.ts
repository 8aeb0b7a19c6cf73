// What an attachment really is: its leading bytes (magic numbers) must match the type it is declared as, and its
// name is cleaned of tricks (bidi overrides, control characters, paths, executable double extensions).
// Used by the phone before queueing a file and by the server before registering a finished upload.
import type { AttachmentRefusalCode } from "./attachmentRefusalCodes";
import type { AttachmentType } from "./attachments";

export type ContentVerdict =
  { ok: true } | { ok: false; code: Extract<AttachmentRefusalCode, "attachment_content_mismatch">; message: string };

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];

/** Leading bytes of each type we know; Office Open XML files are zip archives. */
const SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  "application/pdf": (b) => startsWith(b, ascii("%PDF-")),
  "image/png": (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  "image/gif": (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")),
  "image/webp": (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8),
  "video/mp4": (b) => startsWith(b, ascii("ftyp"), 4),
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b) => startsWith(b, ZIP_LOCAL_FILE),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b) => startsWith(b, ZIP_LOCAL_FILE),
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": (b) => startsWith(b, ZIP_LOCAL_FILE),
  "text/plain": isPlainText,
};

/** How a type is named to a participant ("This file is not really a PDF"). */
const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "a PDF",
  "image/png": "a PNG image",
  "image/jpeg": "a JPEG photo",
  "image/gif": "a GIF image",
  "image/webp": "a WebP image",
  "video/mp4": "an MP4 video",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel workbook",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "a PowerPoint presentation",
  "text/plain": "a plain text file",
};

/** The extensions a type's file may end with; the first is added when a name has none of them. */
export const TYPE_EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "text/plain": ["txt", "text", "md", "csv"],
};

/** Text that a browser or a desktop could take for a page or a program. */
const HTML_OR_SCRIPT_START = /^(?:<(?:[a-z!?/])|#!)/i;

/** Valid UTF-8, no NUL, and not starting like HTML, XML/SVG or a script. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !HTML_OR_SCRIPT_START.test(text.replace(/^\uFEFF/, "").trimStart());
}

/**
 * Whether `bytes` (the whole file, or at least its start for binary types; plain text needs all of it) are what
 * `declaredType` says. Unknown types never pass.
 */
export function checkAttachmentContent(declaredType: string, bytes: Uint8Array, fileName?: string): ContentVerdict {
  const matches = SIGNATURES[declaredType];
  if (matches?.(bytes)) return { ok: true };
  const what = TYPE_NAMES[declaredType] ?? "a file of an accepted type";
  const named = fileName === undefined ? "This file" : `"${fileName}"`;
  const why =
    declaredType === "text/plain"
      ? "it looks like a web page, a program or a binary file"
      : "its content does not start the way such a file does";
  return {
    ok: false,
    code: "attachment_content_mismatch",
    message: `${named} is not really ${what}: ${why}, so it cannot be attached.`,
  };
}

/** Bidi controls (e.g. U+202E, which shows "exe.pdf" as "fdp.exe"), zero-width characters and the BOM. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Extensions that run something when opened, or render as a page; never kept as an inner or final extension. */
const EXECUTABLE_EXTENSIONS = new Set([
  "exe",
  "com",
  "scr",
  "bat",
  "cmd",
  "pif",
  "msi",
  "msp",
  "dll",
  "cpl",
  "jar",
  "js",
  "mjs",
  "jse",
  "vbs",
  "vbe",
  "wsf",
  "wsh",
  "ps1",
  "psm1",
  "hta",
  "html",
  "htm",
  "xhtml",
  "svg",
  "lnk",
  "reg",
  "sh",
  "bash",
  "app",
  "apk",
  "deb",
  "rpm",
  "dmg",
  "iso",
  "docm",
  "xlsm",
  "pptm",
  "url",
]);
const MAX_NAME_LENGTH = 255;

/**
 * The name a file is stored and shown under: no path, no control or bidi characters, no executable inner extension,
 * and ending with an extension of its declared type.
 */
export function cleanAttachmentFileName(name: string, declaredType: AttachmentType): string {
  const lastSegment = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const visible = lastSegment
    .replace(INVISIBLE, "")
    .replace(/\s+/g, " ")
    .replace(CONTROL, "")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const segments = visible
    .split(".")
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
  const isExecutable = (segment: string) => EXECUTABLE_EXTENSIONS.has(segment.toLowerCase());
  // "invoice.pdf.exe" → "invoice.pdf": trailing extensions that would run are dropped.
  while (segments.length > 1 && isExecutable(segments[segments.length - 1])) segments.pop();
  // "report.exe.pdf" → "report_exe.pdf": an inner one loses its dot, so nothing shows a misleading extension.
  const joined = segments.reduce(
    (name, segment, i) => (i === 0 ? segment : `${name}${isExecutable(segment) ? "_" : "."}${segment}`),
    "",
  );
  const allowed = TYPE_EXTENSIONS[declaredType];
  const dot = joined.lastIndexOf(".");
  const ownExtension = dot > 0 ? joined.slice(dot + 1) : "";
  const [stem, extension] = allowed.includes(ownExtension.toLowerCase())
    ? [joined.slice(0, dot), ownExtension]
    : [joined, allowed[0]];
  const room = MAX_NAME_LENGTH - extension.length - 1;
  return `${Array.from(stem || "attachment")
    .slice(0, room)
    .join("")}.${extension}`;
}
