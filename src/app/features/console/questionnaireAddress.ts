// Where a questionnaire version lives: in the console ("/console/questionnaires/follow-up.3") and in its API.

/** The editor's address; ids never contain a dot, so the version follows one. */
export const editorPath = (id: string, version: number): string =>
  `/console/questionnaires/${encodeURIComponent(id)}.${version}`;

/** The `:ref` of the editor's address back into id and version, or undefined when it names none. */
export function parseRef(ref: string | undefined): { id: string; version: number } | undefined {
  const match = /^([A-Za-z][A-Za-z0-9_-]*)\.([1-9]\d{0,8})$/.exec(ref ?? "");
  return match ? { id: match[1], version: Number(match[2]) } : undefined;
}

/** The console API path of a questionnaire's versions, or of one of them. */
export const versionPath = (id: string, version?: number): string =>
  `/questionnaires/${encodeURIComponent(id)}/versions${version === undefined ? "" : `/${version}`}`;

/** The XLSForm download, a plain link (the session cookie goes with it). */
export const xlsformPath = (id: string, version: number): string => `/api/console${versionPath(id, version)}/xlsform`;
