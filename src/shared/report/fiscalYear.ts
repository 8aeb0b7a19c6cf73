// The office's fiscal year runs 1 July – 30 June; "2022/23" is July 2022 – June 2023.

const LABEL = /^(\d{4})\/(\d{2})$/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

function label(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/**
 * The fiscal year a date falls in.
 *
 * A string is read by the calendar date it starts with ("2023-06-30", "2023-06-30T23:30:00+10:00"
 * are both 30 June, whatever the offset): that is the day where it happened. A Date is read in
 * UTC, so the answer does not depend on the time zone of the machine running the report.
 * Throws a RangeError for something that is not a date.
 */
export function fiscalYearOf(date: Date | string): string {
  let year: number;
  let month: number;
  if (typeof date === "string") {
    const m = DATE_PREFIX.exec(date.trim());
    if (!m) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
    year = Number(m[1]);
    month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  } else {
    if (Number.isNaN(date.getTime())) throw new RangeError("not a date: Invalid Date");
    year = date.getUTCFullYear();
    month = date.getUTCMonth() + 1;
  }
  return label(month >= 7 ? year : year - 1);
}

export interface FiscalYearRange {
  label: string;
  /** First day, ISO date: "2022-07-01". */
  firstDay: string;
  /** Last day, ISO date: "2023-06-30". */
  lastDay: string;
  /** 1 July 00:00 UTC. */
  start: Date;
  /** The next 1 July 00:00 UTC (exclusive end). */
  endExclusive: Date;
}

/** Parses a label such as "2022/23"; throws a RangeError for anything else (e.g. "2022/24"). */
export function fiscalYearRange(fiscalYear: string): FiscalYearRange {
  const startYear = fiscalYearStart(fiscalYear);
  return {
    label: fiscalYear,
    firstDay: `${startYear}-07-01`,
    lastDay: `${startYear + 1}-06-30`,
    start: new Date(Date.UTC(startYear, 6, 1)),
    endExclusive: new Date(Date.UTC(startYear + 1, 6, 1)),
  };
}

/** The fiscal year before: "2021/22" for "2022/23". */
export function previousFiscalYear(fiscalYear: string): string {
  return label(fiscalYearStart(fiscalYear) - 1);
}

/** The survey round covering a fiscal year is named after the year it ends in: "Survey 2023" for "2022/23". */
export function surveyYearOf(fiscalYear: string): number {
  return fiscalYearStart(fiscalYear) + 1;
}

function fiscalYearStart(fiscalYear: string): number {
  const m = LABEL.exec(fiscalYear);
  if (!m) throw new RangeError(`not a fiscal year label: ${JSON.stringify(fiscalYear)}`);
  const startYear = Number(m[1]);
  if (Number(m[2]) !== (startYear + 1) % 100)
    throw new RangeError(`not a fiscal year label: ${JSON.stringify(fiscalYear)}`);
  return startYear;
}
