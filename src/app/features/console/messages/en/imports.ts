// English text of the console's imports (CsvImport, EarlierRoundImport); ../fr/imports.ts translates every key. The
// problems an import finds in a row are IMPORT_PROBLEM_WORDS (src/shared), the very words the server says.
import { IMPORT_PROBLEM_WORDS } from "../../../../../shared/importProblemWords";

export default {
  targetIgnore: "Ignore",
  targetName: "Name",
  targetEmail: "E-mail",
  targetAdministration: "Administration",
  targetPosition: "Position",
  participantsImported: "{count} participants imported.",
  csvHeading: "Import participants from CSV",
  csvIntro:
    "A registration export will do: the first line names the columns (Name, E-mail, Administration or Country, Position or Title, in any order; others are ignored, and you can say which column holds what). Administrations by name or code (Fiji, FJ). Lines with problems can be skipped or corrected here.",
  csvFile: "CSV file",
  pasteRows: "Or paste the rows",
  whichColumn: "Which column holds what",
  mappingRemembered: "Read as the last file with these columns was imported.",
  columnNamed: "Column “{header}”",
  check: "Check",
  importCount: "Import {count} participants",
  importNone: "Import  participants",
  csvSummary: "{valid} rows ready, {invalid} with problems, {skipped} skipped.",
  columnsNotImported: "Columns not imported: {columns}.",
  lineProblems: "Line {line}: ",
  lineCorrectedProblems: "Line {line} (corrected): ",
  noProblemsLeft: "no problems left",
  skipLine: "Skip line {line}",
  correctLine: "Correct line {line}",
  fieldOfLine: "{field} (line {line})",
  checkLineAgain: "Check line {line} again",

  yearFirst: "Write the fiscal year like 2020/21 first.",
  fileFirst: "Choose the replies file first.",
  earlierImported: "FY {year}: {added} replies imported, {alreadyHere} already here, {workshops} workshop(s) added.",
  earlierHeading: "Import an earlier round's replies",
  earlierIntro:
    'The raw replies as Outrigger exports them (the report\'s "raw replies (CSV)", or its XLSX), from this or another server. They then count in the report, the comparisons and the trends as if they had come from phones. A file with any wrong cell is refused whole; importing the same file again adds nothing.',
  earlierYear: "Fiscal year of the round (July–June), e.g. 2020/21",
  earlierFile: "Replies file (.csv or .xlsx)",
  earlierPreview: "{replies} replies for FY {year}",
  earlierAlreadyHere: ", {count} of them already here",
  earlierNewWorkshops: "; {count} workshop(s) to add",
  importTheseReplies: "Import these replies",

  ...IMPORT_PROBLEM_WORDS,
};
