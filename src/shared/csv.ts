// RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" inside quotes is one quote),
// quoted fields may hold commas and line breaks; CRLF or LF ends a record. A leading BOM is ignored.

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

/** Parses the whole text; blank lines are skipped. Throws CsvSyntaxError for an unterminated quote or text after a closing quote. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // fieldFresh: nothing read yet for the current field (a quote here opens a quoted field).
  let fieldFresh = true;
  // recordTouched: something was read for this record (a line with nothing on it is not a record).
  let recordTouched = false;
  const endRecord = () => {
    fields.push(field);
    if (recordTouched) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldFresh = true;
    recordTouched = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && fieldFresh) {
      fieldFresh = false;
      recordTouched = true;
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= src.length)
          throw new CsvSyntaxError(quoteLine, `A quoted field opened on line ${quoteLine} is never closed.`);
        const q = src[i];
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n") line++;
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        throw new CsvSyntaxError(
          line,
          `Line ${line}: text follows a closing quote; put the whole field in quotes and double any quote inside it.`,
        );
      }
      continue;
    }
    if (ch === ",") {
      fields.push(field);
      field = "";
      fieldFresh = true;
      recordTouched = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    fieldFresh = false;
    recordTouched = true;
    i++;
  }
  if (recordTouched) endRecord();
  return records;
}
