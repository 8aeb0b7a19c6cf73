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
 * The raw replies: one row per reply, a column per question of the questionnaire (in its order;
 * multiple choice as "label; label", with a "specify" column when an option asks for one).
 */
export function repliesToRows(replies: readonly ExportReply[], questionnaire: QuestionnaireDefinition): Row[] {
  const questions = allQuestions(questionnaire);
  const withSpecify = (q: Question) => q.type === "multiple_choice" && q.options.some((o) => o.specify === true);
  const header: Cell[] = [
    "Reply id",
    "Workshop",
    "Administration",
    "Invitation code",
    "Submitted at",
    "Received at",
    "Counted",
    ...questions.flatMap((q) => (withSpecify(q) ? [q.label, `${q.label} (specify)`] : [q.label])),
  ];
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
      ...questions.flatMap((q) => answerCells(q, r.answers[q.id], withSpecify(q))),
    ]),
  ];
}
