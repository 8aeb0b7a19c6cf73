// Reading participant files as offices have them: registration-export headers mapped to our columns, administration names resolved to codes.
import type { CSV_COLUMNS } from "./console";

export type ImportColumn = (typeof CSV_COLUMNS)[number];

/** Headers seen in registration exports, compared after lower-casing and dropping spaces, dashes and dots. */
const HEADER_NAMES: Record<ImportColumn, readonly string[]> = {
  name: ["name", "fullname", "participant", "participantname"],
  administration: ["administration", "administrationcode", "country", "member", "memberadministration"],
  email: ["email", "emailaddress", "mail"],
  position: ["position", "title", "jobtitle", "division", "positiondivision"],
};

export interface ColumnMapping {
  /** Where each of our columns is in the file's lines; absent when the file has no such column. */
  indexOf: Partial<Record<ImportColumn, number>>;
  /** Headers that match none of our columns (or repeat one already found), as written in the file. */
  ignored: string[];
  /** Required columns the header does not provide. */
  missing: ImportColumn[];
}

const REQUIRED: readonly ImportColumn[] = ["name", "administration", "email"];

export function squeeze(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Maps a header line (any case, any order) to our columns; position is optional. */
export function mapImportColumns(header: readonly string[]): ColumnMapping {
  const indexOf: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const key = squeeze(raw);
    const column = (Object.keys(HEADER_NAMES) as ImportColumn[]).find((c) => HEADER_NAMES[c].includes(key));
    if (column === undefined || indexOf[column] !== undefined) {
      if (raw.trim() !== "") ignored.push(raw.trim());
      return;
    }
    indexOf[column] = index;
  });
  return { indexOf, ignored, missing: REQUIRED.filter((c) => indexOf[c] === undefined) };
}

/** Spellings registration forms use that differ from the administrations list's names (squeezed → code). */
const ADMINISTRATION_ALIASES: Record<string, string> = {
  png: "PG",
  kingdomoftonga: "TO",
  republicoffiji: "FJ",
  easttimor: "TL",
  timorlorosae: "TL",
  democraticrepublicoftimorleste: "TL",
  independentstateofsamoa: "WS",
  independentstateofpapuanewguinea: "PG",
  republicofvanuatu: "VU",
  laos: "LA",
  laopdr: "LA",
  vietnam: "VN",
  southkorea: "KR",
  republicofkorea: "KR",
  peoplesrepublicofchina: "CN",
  hongkong: "HK",
  macao: "MO",
  macau: "MO",
  brunei: "BN",
  burma: "MM",
};

/** The administration code a cell means: a code, a name from the list, or a known alias; undefined when none. */
export function resolveAdministration(
  cell: string,
  administrations: readonly { code: string; name: string }[],
): string | undefined {
  const code = cell.trim().toUpperCase();
  if (administrations.some((a) => a.code === code)) return code;
  const key = squeeze(cell);
  if (key === "") return undefined;
  const byName = administrations.find((a) => squeeze(a.name) === key);
  if (byName) return byName.code;
  const alias = ADMINISTRATION_ALIASES[key];
  return alias !== undefined && administrations.some((a) => a.code === alias) ? alias : undefined;
}
