// Tells apart the database's answers to a failed write: a full disk (try again later), a row it will never
// take (refuse that one item), or anything else (a real failure). Codes of better-sqlite3, pg and node:fs.
interface CodedError {
  code?: unknown;
}

function codeOf(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as CodedError).code === "string"
    ? ((error as CodedError).code as string)
    : "";
}

/** PostgreSQL SQLSTATE 53100 disk_full; SQLite's SQLITE_FULL ("database or disk is full"); ENOSPC and EDQUOT from the file system. */
export function isDiskFull(error: unknown): boolean {
  const code = codeOf(error);
  if (code === "ENOSPC" || code === "EDQUOT" || code === "53100" || code.startsWith("SQLITE_FULL")) return true;
  return error instanceof Error && error.cause !== undefined && isDiskFull(error.cause);
}

/**
 * The database refused this row for what it holds: PostgreSQL's classes 22 (data exception, e.g. a NUL
 * character) and 23 (integrity constraint); SQLite's constraint, too-big and type-mismatch errors.
 */
export function isRowRefusal(error: unknown): boolean {
  const code = codeOf(error);
  if (/^2[23][0-9A-Z]{3}$/.test(code)) return true;
  return code.startsWith("SQLITE_CONSTRAINT") || code === "SQLITE_TOOBIG" || code === "SQLITE_MISMATCH";
}
