// The raw replies as rows, for replies.csv and the workbook's "Replies" sheet: a column per question, labels not ids.
import { isMultipleChoiceAnswer, type AnswerValue, type Answers } from "../../shared/answers";
import { allQuestions, type Question, type QuestionnaireDefinition } from "../../shared/questionnaire";
import type { Cell, Row } from "./xlsx";

/** A stored reply as the raw export lists it. */
export interface ExportReply {
  id: string;
  workshopId: string;
  workshopTitle?: string;
  invitationCode: string;
  administrationCode?: string;
  submittedAt: string;
  receivedAt: string;
  /** False for a reply superseded by a later one from the same invitation. */
  counted?: boolean;
  answers: Answers;
  /** The workshop's facts, so the file can be imported into another server as an earlier round. */
  workshopKind?: string;
  workshopMonth?: string;
  participatingAdministrations?: number;
  invitedParticipants?: number;
}

/** The columns before the questions' (the import reads them by these headers). */
export const REPLY_FACT_COLUMNS = [
  "Reply id",
  "Workshop",
  "Administration",
  "Invitation code",
  "Submitted at",
  "Received at",
  "Counted",
  "Questionnaire",
  "Questionnaire version",
  "Workshop kind",
  "Workshop month",
  "Participating administrations",
  "Invited participants",
] as const;

/** The header of a question's column(s): its label, and "label (specify)" when an option asks for text. */
export function questionColumns(question: Question): string[] {
  return hasSpecifyColumn(question) ? [question.label, `${question.label} (specify)`] : [question.label];
}

export function hasSpecifyColumn(question: Question): boolean {
  return question.type === "multiple_choice" && question.options.some((o) => o.specify === true);
}

function optionLabel(question: Question, value: string): string {
  if (question.type === "single_choice" || question.type === "multiple_choice")
    return question.options.find((o) => o.value === value)?.label ?? value;
  if (question.type === "yes_no") {
    const v = value.trim().toLowerCase();
    if (v === "yes") return question.yesLabel ?? "Yes";
    if (v === "no") return question.noLabel ?? "No";
  }
  return value;
}

function answerCells(question: Question, value: AnswerValue | undefined, withSpecify: boolean): Cell[] {
  if (question.type === "multiple_choice") {
    const choices = isMultipleChoiceAnswer(value)
      ? value.choices.map((c) => optionLabel(question, c)).join("; ")
      : typeof value === "string"
        ? value
        : "";
    const specify = isMultipleChoiceAnswer(value) ? (value.specify ?? "") : "";
    return withSpecify ? [choices, specify] : [choices];
  }
  if (value === undefined) return [""];
  if (typeof value === "string") return [optionLabel(question, value)];
  return [value.choices.join("; ")];
}

/**
 * The raw replies: one row per reply, its workshop's facts and questionnaire version, then a column per question
 * of the questionnaire (in its order; multiple choice as "label; label", with a "specify" column when an option
 * asks for one). It is also the import format for an earlier round (repliesImport.ts).
 */
export function repliesToRows(replies: readonly ExportReply[], questionnaire: QuestionnaireDefinition): Row[] {
  const questions = allQuestions(questionnaire);
  const withSpecify = hasSpecifyColumn;
  const header: Cell[] = [...REPLY_FACT_COLUMNS, ...questions.flatMap(questionColumns)];
  return [
    header,
    ...replies.map((r) => [
      r.id,
      r.workshopTitle ?? r.workshopId,
      r.administrationCode ?? "",
      r.invitationCode,
      r.submittedAt,
      r.receivedAt,
      r.counted === false ? "no" : "yes",
      questionnaire.id,
      String(questionnaire.version),
      r.workshopKind ?? "",
      r.workshopMonth ?? "",
      r.participatingAdministrations === undefined ? "" : String(r.participatingAdministrations),
      r.invitedParticipants === undefined ? "" : String(r.invitedParticipants),
      ...questions.flatMap((q) => answerCells(q, r.answers[q.id], withSpecify(q))),
    ]),
  ];
}
