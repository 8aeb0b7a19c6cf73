// An earlier round's raw replies read back from Outrigger's own replies export (replies.csv or the XLSX "Replies"
// sheet): every cell checked, option labels turned back into option ids, all problems listed by row and column.
import type { Answers } from "../../shared/answers";
import { validateAnswers } from "../../shared/answerValidation";
import { importProblem as p, sayImportProblem, type ImportProblem } from "../../shared/importProblemWords";
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
  /** The problem as data (its English is `message`); absent for an answer's own problem (answerIssueWords.ts). */
  problem?: ImportProblem;
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
  problem: (problem: ImportProblem) => void,
): Answers[string] | undefined {
  if (question.type === "multiple_choice") {
    if (cell === "" && specify === "") return undefined;
    const choices: string[] = [];
    for (const label of cell === "" ? [] : cell.split("; ").map((l) => l.trim())) {
      const value = optionValue(question, label);
      if (value === undefined) problem(p("repliesNotAnOption", { value: label }));
      else choices.push(value);
    }
    return specify === "" ? { choices } : { choices, specify };
  }
  if (cell === "") return undefined;
  const value = optionValue(question, cell);
  if (value === undefined) {
    problem(p("repliesNotAnAnswer", { value: cell }));
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
    const issue = (column: string, problem: ImportProblem) =>
      issues.push({ row, column, message: sayImportProblem(problem), problem });
    if (cells[0]?.trim() === REPLY_FACT_COLUMNS[0]) {
      header = cells.map((c) => c.trim());
      const missing = REPLY_FACT_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length > 0) issue("", p("repliesHeaderLacks", { columns: missing.map((c) => `"${c}"`).join(", ") }));
      continue;
    }
    if (!header) {
      issue("", p("repliesNoHeader", { column: REPLY_FACT_COLUMNS[0] }));
      break;
    }
    if (replies.length >= MAX_IMPORTED_REPLIES) {
      issue("", p("repliesTooMany", { max: String(MAX_IMPORTED_REPLIES) }));
      break;
    }
    const columns = header;
    const at = (column: string) => exportedText(cells[columns.indexOf(column)]).trim();

    const id = at("Reply id").toLowerCase();
    if (!UUID_V7_PATTERN.test(id)) issue("Reply id", p("repliesNotReplyId", { value: at("Reply id") }));
    else if (seenIds.has(id)) issue("Reply id", p("repliesIdTwice", { row: String(seenIds.get(id)) }));
    else seenIds.set(id, row);

    const title = at("Workshop");
    if (title === "" || title.length > 400) issue("Workshop", p("repliesWorkshopTitle"));
    const administrationCode = at("Administration").toUpperCase();
    if (administrationCode !== "" && !knownAdministrations.has(administrationCode))
      issue("Administration", p("repliesUnknownAdministration", { code: administrationCode }));
    const invitationCode = at("Invitation code").toUpperCase();
    if (!INVITATION_CODE_PATTERN.test(invitationCode))
      issue("Invitation code", p("repliesNotInvitationCode", { value: at("Invitation code") }));
    for (const column of ["Submitted at", "Received at"])
      if (!ISO_INSTANT.test(at(column)) || Number.isNaN(Date.parse(at(column))))
        issue(column, p("repliesNotTime", { value: at(column) }));
    const counted = at("Counted").toLowerCase();
    if (counted !== "yes" && counted !== "no") issue("Counted", p("repliesNotYesNo", { value: at("Counted") }));

    const kind = at("Workshop kind").toLowerCase();
    if (!(KINDS as readonly string[]).includes(kind))
      issue("Workshop kind", p("repliesNotKind", { value: at("Workshop kind") }));
    const month = at("Workshop month");
    if (month !== "" && !MONTH.test(month)) issue("Workshop month", p("repliesNotMonth", { value: month }));
    else if (month !== "" && fiscalYearOf(`${month}-01`) !== context.fiscalYear)
      issue("Workshop month", p("repliesMonthOutsideYear", { month, fiscalYear: context.fiscalYear }));
    const counts: Partial<Record<"participatingAdministrations" | "invitedParticipants", number>> = {};
    for (const [column, key] of [
      ["Participating administrations", "participatingAdministrations"],
      ["Invited participants", "invitedParticipants"],
    ] as const) {
      const text = at(column);
      if (text === "") continue;
      if (!WHOLE_NUMBER.test(text)) issue(column, p("repliesNotWholeNumber", { value: text }));
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
        issue("Workshop", p("repliesWorkshopDiffers", { row: String(earlier.row) }));
    }

    const questionnaireId = at("Questionnaire");
    const questionnaireVersion = Number(at("Questionnaire version"));
    const definition = context.questionnaires.get(`${questionnaireId}@${questionnaireVersion}`);
    if (!definition) {
      issue(
        "Questionnaire version",
        p("repliesNoVersion", { version: at("Questionnaire version"), questionnaire: questionnaireId }),
      );
      continue;
    }
    const answers: Answers = {};
    for (const question of allQuestions(definition)) {
      const column = columns.indexOf(question.label);
      if (column < 0) {
        issue(question.label, p("repliesColumnMissing", { version: String(questionnaireVersion) }));
        continue;
      }
      const specify = hasSpecifyColumn(question) ? at(`${question.label} (specify)`) : "";
      const value = answerOf(question, exportedText(cells[column]).trim(), specify, (m) => issue(question.label, m));
      if (value !== undefined) answers[question.id] = value;
    }
    for (const problem of validateAnswers(definition, answers, {
      lists: { administrations: context.administrations },
    }))
      issues.push({
        row,
        column: findQuestion(definition, problem.question)?.label ?? problem.question,
        message: problem.message,
      });

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
    issues.push({
      row: 1,
      column: "",
      message: sayImportProblem(p("repliesNoReplies")),
      problem: p("repliesNoReplies"),
    });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, workshops: [...workshops.values()].map(({ row: _row, ...w }) => w), replies };
}

/** `row 7, column "Workshop kind": "continental" is not a kind: …` */
export function importIssueLine(issue: ImportIssue): string {
  return issue.column === ""
    ? `row ${issue.row}: ${issue.message}.`
    : `row ${issue.row}, column "${issue.column}": ${issue.message}.`;
}
