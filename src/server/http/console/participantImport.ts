// Checks a participants CSV row by row, without writing anything: headers as registration exports write them, administrations by code or name.
import * as z from "zod/mini";
import {
  MAX_CSV_ROWS,
  participantFields,
  type ImportRow,
  type ImportRowError,
  type ImportRowWarning,
} from "../../../shared/console";
import { CsvSyntaxError, parseCsv } from "../../../shared/csv";
import { mapImportColumns, resolveAdministration, type ColumnMapping } from "../../../shared/importColumns";
import { choicesOf, mappingOf, type ColumnChoices, type LineFix } from "../../../shared/importMapping";
import type { Administration } from "../../../shared/directory";
import {
  importProblem,
  sayImportProblem,
  type ImportProblem,
  type ImportProblemCode,
} from "../../../shared/importProblemWords";
import type { ParticipantValues } from "../../db/participants";
import { ApiProblem } from "../errors";

const emailCheck = participantFields.email;
const nameCheck = participantFields.name;
const positionCheck = z.string().check(z.maxLength(200));

/** A problem as data and in English. */
const worded = (problem: ImportProblem) => ({ message: sayImportProblem(problem), problem });

/** A line's problem in a field, as data and in English. */
function rowError(field: string, code: ImportProblemCode, params?: Record<string, string>): ImportRowError {
  return { field, ...worded(importProblem(code, params)) };
}

export interface ImportContext {
  administrations: readonly Pick<Administration, "code" | "name">[];
  /** The workshop's participating administrations; a participant from another one is warned about, not refused. */
  workshopAdministrations: ReadonlySet<string>;
  existingEmails: ReadonlySet<string>;
  /** Lines the organiser chose to leave out. */
  skipLines: ReadonlySet<number>;
  /** The organiser's column per header, if chosen. */
  columns?: ColumnChoices;
  /** A mapping remembered for these headers (found by the caller with `headers`), used when none is chosen. */
  rememberedColumns?: (headers: string[]) => Promise<ColumnChoices | undefined>;
  /** Cells corrected in the preview, by line. */
  fixes?: readonly LineFix[];
}

export interface CheckedImport {
  rows: ImportRow[];
  /** One entry per valid row that is not skipped, in order. */
  people: ParticipantValues[];
  ignoredColumns: string[];
  headers: string[];
  /** The column each header was read as. */
  columns: ColumnChoices;
  mappingSource: "recognised" | "remembered" | "chosen";
}

async function chosenMapping(
  headers: string[],
  context: ImportContext,
): Promise<{ mapping: ColumnMapping; source: CheckedImport["mappingSource"] }> {
  if (context.columns !== undefined) {
    if (context.columns.length !== headers.length)
      throw new ApiProblem(
        422,
        "csv_columns_mismatch",
        `The file has ${headers.length} column(s) but ${context.columns.length} were mapped; check the file again.`,
      );
    const mapping = mappingOf(headers, context.columns);
    if (mapping.twice.length > 0)
      throw new ApiProblem(
        422,
        "csv_column_chosen_twice",
        `Each column of ours may be read from one column of the file only: ${mapping.twice.join(", ")} is chosen twice.`,
      );
    return { mapping, source: "chosen" };
  }
  const remembered = await context.rememberedColumns?.(headers);
  if (remembered !== undefined && remembered.length === headers.length)
    return { mapping: mappingOf(headers, remembered), source: "remembered" };
  return { mapping: mapImportColumns(headers), source: "recognised" };
}

export async function checkParticipantCsv(csv: string, context: ImportContext): Promise<CheckedImport> {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ApiProblem(422, "csv_malformed", error.message);
    throw error;
  }
  const [header, ...body] = records;
  const headerFields = header?.fields ?? [];
  const { mapping, source } = await chosenMapping(headerFields, context);
  if (mapping.missing.length > 0) {
    throw new ApiProblem(
      422,
      "csv_header_invalid",
      `The first line must name the columns; missing: ${mapping.missing.join(", ")} (e.g. Name, E-mail, Administration, Position). Or choose which column holds each.`,
      // The headers, so the console can offer a choice per column.
      headerFields.map((header, index) => ({ path: `headers.${index}`, code: "header", message: header })),
    );
  }
  const fixOf = new Map((context.fixes ?? []).map((f) => [f.line, f.values]));
  const dataRows = body.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (dataRows.length === 0) throw new ApiProblem(422, "csv_empty", "The CSV has a header but no participants.");
  if (dataRows.length > MAX_CSV_ROWS)
    throw new ApiProblem(413, "csv_too_many_rows", `A CSV may hold at most ${MAX_CSV_ROWS} participants; split it.`);

  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  const people: ParticipantValues[] = [];
  const cell = (fields: string[], column: keyof typeof mapping.indexOf) => {
    const index = mapping.indexOf[column];
    return index === undefined ? "" : (fields[index] ?? "").trim();
  };
  for (const record of dataRows) {
    const fix = fixOf.get(record.line);
    const values = {
      name: (fix?.name ?? cell(record.fields, "name")).trim(),
      administration: (fix?.administration ?? cell(record.fields, "administration")).trim(),
      email: (fix?.email ?? cell(record.fields, "email")).trim(),
      position: (fix?.position ?? cell(record.fields, "position")).trim(),
    };
    const skipped = context.skipLines.has(record.line);
    const errors: ImportRowError[] = [];
    const warnings: ImportRowWarning[] = [];
    let code: string | undefined;
    // A corrected line is read from its corrected cells, so a line short of columns can be mended too.
    if (fix === undefined && record.fields.length !== headerFields.length) {
      errors.push(
        rowError("row", "participantColumnCount", {
          count: String(record.fields.length),
          header: String(headerFields.length),
        }),
      );
    } else {
      if (!nameCheck.safeParse(values.name).success)
        errors.push(rowError("name", values.name === "" ? "participantNameMissing" : "participantNameTooLong"));
      code = resolveAdministration(values.administration, context.administrations);
      if (values.administration === "") errors.push(rowError("administration", "participantAdministrationMissing"));
      else if (code === undefined)
        errors.push(rowError("administration", "participantUnknownAdministration", { value: values.administration }));
      else if (!context.workshopAdministrations.has(code))
        warnings.push(worded(importProblem("participantOutsideWorkshop", { code })));
      const email = values.email;
      const emailKey = email.toLowerCase();
      if (email === "") errors.push(rowError("email", "participantEmailMissing"));
      else if (!emailCheck.safeParse(email).success) errors.push(rowError("email", "participantNotEmail", { email }));
      else if (context.existingEmails.has(emailKey))
        errors.push(rowError("email", "participantAlreadyInWorkshop", { email }));
      else if (!skipped && seen.has(emailKey)) errors.push(rowError("email", "participantEmailTwice", { email }));
      if (!positionCheck.safeParse(values.position).success)
        errors.push(rowError("position", "participantPositionTooLong"));
      // A skipped line does not claim its address, so the copy the organiser keeps is not flagged as a duplicate.
      if (!skipped) seen.add(emailKey);
    }
    if (errors.length === 0 && !skipped && code !== undefined)
      people.push({
        name: values.name,
        administrationCode: code,
        email: values.email,
        position: values.position === "" ? null : values.position,
      });
    rows.push({ line: record.line, values, errors, warnings, skipped, ...(fix ? { fixed: true } : {}) });
  }
  return {
    rows,
    people,
    ignoredColumns: mapping.ignored,
    headers: headerFields,
    columns: choicesOf(headerFields, mapping),
    mappingSource: source,
  };
}
