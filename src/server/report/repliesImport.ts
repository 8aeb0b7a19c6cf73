// An earlier round's raw replies read back from Outrigger's own replies export (replies.csv or the XLSX "Replies"
// sheet): every cell checked, option labels turned back into option ids, all problems listed by row and column.
import type { Answers } from "../../shared/answers";
import { validateAnswers } from "../../shared/answerValidation";
import { fiscalYearOf } from "../../shared/report/fiscalYear";
import { allQuestions, findQuestion, type Question, type QuestionnaireDefinition } from "../../shared/questionnaire";
import { INVITATION_CODE_PATTERN, UUID_V7_PATTERN } from "../../shared/reply";
import { REPLY_FACT_COLUMNS, hasSpecifyColumn } from "./replyRows";

/** A file's rows as text, numbered as a spreadsheet shows them (header rows included; blank rows left out). */
export interface ImportRows {
  rows: { row: number; cells: string[] }[];
}

/** At most this many replies in one file: several rounds' worth of the office's workshops. */
export const MAX_IMPORTED_REPLIES = 20_000;

export interface ImportedWorkshop {
  title: string;
  kind: "regional" | "sub-regional" | "national";
  month?: string;
  participatingAdministrations?: number;
  invitedParticipants?: number;
}

export interface ImportedReply {
  id: string;
  workshopTitle: string;
  administrationCode: string;
  invitationCode: string;
  submittedAt: string;
  receivedAt: string;
  counted: boolean;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Answers;
}

export interface ImportIssue {
  row: number;
  /** The column's header; "" for a problem with the whole row. */
  column: string;
  message: string;
}

export type RepliesImportResult =
  { ok: true; workshops: ImportedWorkshop[]; replies: ImportedReply[] } | { ok: false; issues: ImportIssue[] };

export interface ImportContext {
  fiscalYear: string;
  /** The questionnaire versions the file names, by "id@version". */
  questionnaires: ReadonlyMap<string, QuestionnaireDefinition>;
  administrations: readonly string[];
}

const KINDS = ["regional", "sub-regional", "national"] as const;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WHOLE_NUMBER = /^\d{1,6}$/;

/** The export writes a leading = + - @ as '= … so no spreadsheet runs it: undo that. */
function exportedText(cell: string | undefined): string {
  const text = cell ?? "";
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The "id@version" pairs a file's rows name (to load before reading it). */
export function namedQuestionnaires(file: ImportRows): { id: string; version: number }[] {
  const named = new Map<string, { id: string; version: number }>();
  let header: string[] | undefined;
  for (const { cells } of file.rows) {
    if (cells[0]?.trim() === REPLY_FACT_COLUMNS[0]) {
      header = cells.map((c) => c.trim());
      continue;
    }
    if (!header) continue;
    const id = (cells[header.indexOf("Questionnaire")] ?? "").trim();
    const version = Number((cells[header.indexOf("Questionnaire version")] ?? "").trim());
    if (id !== "" && Number.isInteger(version) && version > 0) named.set(`${id}@${version}`, { id, version });
  }
  return [...named.values()];
}

function optionValue(question: Question, label: string): string | undefined {
  if (question.type === "single_choice" || question.type === "multiple_choice")
    return question.options.find((o) => o.label === label || o.value === label)?.value;
  if (question.type === "yes_no") {
    const l = label.toLowerCase();
    if (l === (question.yesLabel ?? "Yes").toLowerCase() || l === "yes") return "yes";
    if (l === (question.noLabel ?? "No").toLowerCase() || l === "no") return "no";
    return undefined;
  }
  return label;
}

/** One question's cells back into its answer; undefined for an empty cell; issues pushed for unknown labels. */
function answerOf(
  question: Question,
  cell: string,
  specify: string,
  problem: (message: string) => void,
): Answers[string] | undefined {
  if (question.type === "multiple_choice") {
    if (cell === "" && specify === "") return undefined;
    const choices: string[] = [];
    for (const label of cell === "" ? [] : cell.split("; ").map((l) => l.trim())) {
      const value = optionValue(question, label);
      if (value === undefined) problem(`"${label}" is not one of this question's options`);
      else choices.push(value);
    }
    return specify === "" ? { choices } : { choices, specify };
  }
  if (cell === "") return undefined;
  const value = optionValue(question, cell);
  if (value === undefined) {
    problem(`"${cell}" is not one of this question's answers`);
    return undefined;
  }
  return value;
}

/** Reads the whole file; any bad cell makes it refused whole, with every problem listed. */
export function readRepliesImport(file: ImportRows, context: ImportContext): RepliesImportResult {
  const issues: ImportIssue[] = [];
  const workshops = new Map<string, ImportedWorkshop & { row: number }>();
  const replies: ImportedReply[] = [];
  const seenIds = new Map<string, number>();
  const knownAdministrations = new Set(context.administrations);
  let header: string[] | undefined;

  for (const { row, cells } of file.rows) {
    const issue = (column: string, message: string) => issues.push({ row, column, message });
    if (cells[0]?.trim() === REPLY_FACT_COLUMNS[0]) {
      header = cells.map((c) => c.trim());
      const missing = REPLY_FACT_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length > 0)
        issue(
          "",
          `the header lacks ${missing.map((c) => `"${c}"`).join(", ")}: export the replies again from Outrigger`,
        );
      continue;
    }
    if (!header) {
      issue("", `no header row above this one: the file should start with "${REPLY_FACT_COLUMNS[0]}"`);
      break;
    }
    if (replies.length >= MAX_IMPORTED_REPLIES) {
      issue("", `a file may hold at most ${MAX_IMPORTED_REPLIES} replies`);
      break;
    }
    const columns = header;
    const at = (column: string) => exportedText(cells[columns.indexOf(column)]).trim();

    const id = at("Reply id").toLowerCase();
    if (!UUID_V7_PATTERN.test(id)) issue("Reply id", `"${at("Reply id")}" is not a reply id (a UUID version 7)`);
    else if (seenIds.has(id)) issue("Reply id", `the same reply id is already on row ${seenIds.get(id)}`);
    else seenIds.set(id, row);

    const title = at("Workshop");
    if (title === "" || title.length > 400) issue("Workshop", "give the workshop's title (at most 400 characters)");
    const administrationCode = at("Administration").toUpperCase();
    if (administrationCode !== "" && !knownAdministrations.has(administrationCode))
      issue("Administration", `"${administrationCode}" is not in the administrations list`);
    const invitationCode = at("Invitation code").toUpperCase();
    if (!INVITATION_CODE_PATTERN.test(invitationCode))
      issue("Invitation code", `"${at("Invitation code")}" is not an invitation code`);
    for (const column of ["Submitted at", "Received at"])
      if (!ISO_INSTANT.test(at(column)) || Number.isNaN(Date.parse(at(column))))
        issue(column, `"${at(column)}" is not a time such as 2023-01-10T08:20:00.000Z`);
    const counted = at("Counted").toLowerCase();
    if (counted !== "yes" && counted !== "no") issue("Counted", `"${at("Counted")}" is not yes or no`);

    const kind = at("Workshop kind").toLowerCase();
    if (!(KINDS as readonly string[]).includes(kind))
      issue("Workshop kind", `"${at("Workshop kind")}" is not a kind: regional, sub-regional or national`);
    const month = at("Workshop month");
    if (month !== "" && !MONTH.test(month)) issue("Workshop month", `"${month}" is not a month such as 2022-11`);
    else if (month !== "" && fiscalYearOf(`${month}-01`) !== context.fiscalYear)
      issue("Workshop month", `${month} is not in FY ${context.fiscalYear}`);
    const counts: Partial<Record<"participatingAdministrations" | "invitedParticipants", number>> = {};
    for (const [column, key] of [
      ["Participating administrations", "participatingAdministrations"],
      ["Invited participants", "invitedParticipants"],
    ] as const) {
      const text = at(column);
      if (text === "") continue;
      if (!WHOLE_NUMBER.test(text)) issue(column, `"${text}" is not a whole number`);
      else counts[key] = Number(text);
    }
    if (title !== "" && (KINDS as readonly string[]).includes(kind)) {
      const facts: ImportedWorkshop = {
        title,
        kind: kind as ImportedWorkshop["kind"],
        ...(month !== "" && MONTH.test(month) ? { month } : {}),
        ...counts,
      };
      const earlier = workshops.get(title);
      if (!earlier) workshops.set(title, { ...facts, row });
      else if (JSON.stringify({ ...earlier, row: 0 }) !== JSON.stringify({ ...facts, row: 0 }))
        issue("Workshop", `this workshop's kind, month or counts differ from row ${earlier.row}`);
    }

    const questionnaireId = at("Questionnaire");
    const questionnaireVersion = Number(at("Questionnaire version"));
    const definition = context.questionnaires.get(`${questionnaireId}@${questionnaireVersion}`);
    if (!definition) {
      issue(
        "Questionnaire version",
        `this server has no version ${at("Questionnaire version")} of "${questionnaireId}"`,
      );
      continue;
    }
    const answers: Answers = {};
    for (const question of allQuestions(definition)) {
      const column = columns.indexOf(question.label);
      if (column < 0) {
        issue(question.label, `the column is missing: the header is not version ${questionnaireVersion}'s`);
        continue;
      }
      const specify = hasSpecifyColumn(question) ? at(`${question.label} (specify)`) : "";
      const value = answerOf(question, exportedText(cells[column]).trim(), specify, (m) => issue(question.label, m));
      if (value !== undefined) answers[question.id] = value;
    }
    for (const problem of validateAnswers(definition, answers, {
      lists: { administrations: context.administrations },
    }))
      issue(findQuestion(definition, problem.question)?.label ?? problem.question, problem.message);

    replies.push({
      id,
      workshopTitle: title,
      administrationCode,
      invitationCode,
      submittedAt: at("Submitted at"),
      receivedAt: at("Received at"),
      counted: counted === "yes",
      questionnaireId,
      questionnaireVersion,
      answers,
    });
  }
  if (issues.length === 0 && replies.length === 0)
    issues.push({ row: 1, column: "", message: "the file holds no replies" });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, workshops: [...workshops.values()].map(({ row: _row, ...w }) => w), replies };
}

/** `row 7, column "Workshop kind": "continental" is not a kind: …` */
export function importIssueLine(issue: ImportIssue): string {
  return issue.column === ""
    ? `row ${issue.row}: ${issue.message}.`
    : `row ${issue.row}, column "${issue.column}": ${issue.message}.`;
}
