// Packs: a workshop's materials as one ordinary zip, written and read as streams on phones and in Node alike.
export {
  PACK_ERROR_CODES,
  PACK_EXPORT_PROBLEMS,
  PACK_REFUSALS,
  PackError,
  PackExportError,
  type PackErrorCode,
  type PackExportProblem,
} from "./errors";
export {
  extensionOf,
  isSafeZipPath,
  MAX_PACK_FILE_NAME_CHARS,
  PACK_MATERIALS_FOLDER,
  PACK_README_PATH,
  packPaths,
  readableFileName,
  uniqueName,
} from "./paths";
export {
  parsePackManifest,
  readPack,
  REFUSAL_REASONS,
  type PackImportResult,
  type PackImportStore,
  type PackRefusal,
  type PackRefusalCode,
  type PackVerification,
  type ReadPackOptions,
} from "./readPack";
export {
  packReadme,
  unicodePathExtra,
  writePack,
  type PackFileInput,
  type PackInput,
  type PackSink,
  type WritePackOptions,
  type WritePackResult,
} from "./writePack";
export { readZipDirectory, type PackSource, type ZipDirectory, type ZipEntry } from "./zipReader";
