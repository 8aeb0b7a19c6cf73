// Checks a participants CSV (header name,administration,email,position) row by row, without writing anything.
import * as z from "zod/mini";
import {
  CSV_COLUMNS,
  MAX_CSV_ROWS,
  participantFields,
  type ImportRow,
  type ImportRowError,
} from "../../../shared/console";
import { CsvSyntaxError, parseCsv } from "../../../shared/csv";
import type { ParticipantValues } from "../../db/participants";
import { ApiProblem } from "../errors";

const emailCheck = participantFields.email;
const nameCheck = participantFields.name;
const positionCheck = z.string().check(z.maxLength(200));

export interface CheckedImport {
  rows: ImportRow[];
  /** One entry per valid row, in order. */
  people: ParticipantValues[];
}

export function checkParticipantCsv(
  csv: string,
  knownAdministrations: Set<string>,
  existingEmails: Set<string>,
): CheckedImport {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ApiProblem(422, "csv_malformed", error.message);
    throw error;
  }
  const [header, ...body] = records;
  const columns = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  if (columns.length !== CSV_COLUMNS.length || CSV_COLUMNS.some((col, i) => columns[i] !== col)) {
    throw new ApiProblem(422, "csv_header_invalid", `The first line must be the header: ${CSV_COLUMNS.join(",")}`);
  }
  const dataRows = body.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (dataRows.length === 0) throw new ApiProblem(422, "csv_empty", "The CSV has a header but no participants.");
  if (dataRows.length > MAX_CSV_ROWS)
    throw new ApiProblem(413, "csv_too_many_rows", `A CSV may hold at most ${MAX_CSV_ROWS} participants; split it.`);

  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  const people: ParticipantValues[] = [];
  for (const record of dataRows) {
    const values: Record<string, string> = {};
    CSV_COLUMNS.forEach((col, i) => (values[col] = (record.fields[i] ?? "").trim()));
    const errors: ImportRowError[] = [];
    if (record.fields.length !== CSV_COLUMNS.length) {
      errors.push({
        field: "row",
        message: `This line has ${record.fields.length} column(s); expected ${CSV_COLUMNS.length} (${CSV_COLUMNS.join(", ")}). Put values holding commas in double quotes.`,
      });
    } else {
      if (!nameCheck.safeParse(values.name).success)
        errors.push({
          field: "name",
          message: values.name === "" ? "The name is missing." : "The name is too long (at most 200 characters).",
        });
      const code = values.administration.toUpperCase();
      if (code === "") errors.push({ field: "administration", message: "The administration code is missing." });
      else if (!knownAdministrations.has(code))
        errors.push({
          field: "administration",
          message: `"${values.administration}" is not in the administrations list (use its code, e.g. FJ).`,
        });
      const email = values.email;
      if (email === "") errors.push({ field: "email", message: "The e-mail address is missing." });
      else if (!emailCheck.safeParse(email).success)
        errors.push({ field: "email", message: `"${email}" is not an e-mail address.` });
      else if (existingEmails.has(email.toLowerCase()))
        errors.push({ field: "email", message: `${email} is already a participant of this workshop.` });
      else if (seen.has(email.toLowerCase()))
        errors.push({ field: "email", message: `${email} appears twice in this file.` });
      if (!positionCheck.safeParse(values.position).success)
        errors.push({ field: "position", message: "The position is too long (at most 200 characters)." });
      seen.add(email.toLowerCase());
      if (errors.length === 0)
        people.push({
          name: values.name,
          administrationCode: code,
          email,
          position: values.position === "" ? null : values.position,
        });
    }
    rows.push({ line: record.line, values, errors });
  }
  return { rows, people };
}
