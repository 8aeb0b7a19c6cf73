// What a file is, told by its extension: the material kind a participant sees and the Content-Type it is served with.
import { extname } from "node:path";
import type { MaterialKind } from "../../shared/materials";

interface FileType {
  kind: MaterialKind;
  contentType: string;
}

const BY_EXTENSION: Record<string, FileType> = {
  pdf: { kind: "document", contentType: "application/pdf" },
  docx: { kind: "document", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  doc: { kind: "document", contentType: "application/msword" },
  pptx: { kind: "slides", contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  ppt: { kind: "slides", contentType: "application/vnd.ms-powerpoint" },
  key: { kind: "slides", contentType: "application/vnd.apple.keynote" },
  png: { kind: "image", contentType: "image/png" },
  jpg: { kind: "image", contentType: "image/jpeg" },
  jpeg: { kind: "image", contentType: "image/jpeg" },
  webp: { kind: "image", contentType: "image/webp" },
  mp4: { kind: "video", contentType: "video/mp4" },
  webm: { kind: "video", contentType: "video/webm" },
  mp3: { kind: "audio", contentType: "audio/mpeg" },
  wav: { kind: "audio", contentType: "audio/wav" },
  ogg: { kind: "audio", contentType: "audio/ogg" },
  m4a: { kind: "audio", contentType: "audio/mp4" },
  html: { kind: "handout", contentType: "text/html; charset=utf-8" },
  htm: { kind: "handout", contentType: "text/html; charset=utf-8" },
  md: { kind: "handout", contentType: "text/markdown; charset=utf-8" },
  txt: { kind: "handout", contentType: "text/plain; charset=utf-8" },
};

export const KNOWN_EXTENSIONS = Object.keys(BY_EXTENSION);

/** undefined for an extension we do not know. */
export function fileTypeOf(fileName: string): FileType | undefined {
  return BY_EXTENSION[extname(fileName).slice(1).toLowerCase()];
}

/** "rkc-general_annex.v2.pdf" → "Rkc general annex v2": a title a person can read until someone writes a better one. */
export function readableTitle(fileName: string): string {
  const stem = fileName.slice(0, fileName.length - extname(fileName).length) || fileName;
  const words = stem
    .replace(/[_\-.+]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (words === "") return fileName;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
