// The console editor's changes to a draft definition, as pure functions: each takes a definition and returns a new one.
// Ids are made once, when a question or option is added, and never follow later label edits (replies store ids).
// Kept whole past 300 lines: every editing step sits beside the id and condition rules it shares with the others.
import type { FieldIssue } from "./api";
import type {
  AnswerCondition,
  ChoiceOption,
  Question,
  QuestionType,
  QuestionnaireDefinition,
  Section,
  VisibilityCondition,
} from "./questionnaire";
import { allQuestions } from "./questionnaire";
import { checkForPublish } from "./questionnaireChecks";
import type { SayCheck } from "./questionnaireCheckWords";

/** The types the participant's form displays, in the order the editor offers them. */
export const EDITABLE_TYPES = [
  "short_text",
  "long_text",
  "email",
  "single_choice",
  "multiple_choice",
  "yes_no",
  "choose_from_list",
] as const satisfies readonly QuestionType[];

/** A readable id from a label ("Made SOPs" → "made_sops"), unlike any of `taken`. */
export function freshId(label: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const slug = label
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  const base = slug || fallback;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

function mapQuestions(
  definition: QuestionnaireDefinition,
  change: (question: Question) => Question,
): QuestionnaireDefinition {
  return {
    ...definition,
    sections: definition.sections.map((s) => ({ ...s, questions: s.questions.map(change) })),
  };
}

export function updateQuestion(
  definition: QuestionnaireDefinition,
  id: string,
  change: (question: Question) => Question,
): QuestionnaireDefinition {
  return mapQuestions(definition, (q) => (q.id === id ? change(q) : q));
}

export function updateSection(
  definition: QuestionnaireDefinition,
  id: string,
  change: Partial<Pick<Section, "title" | "description">>,
): QuestionnaireDefinition {
  return { ...definition, sections: definition.sections.map((s) => (s.id === id ? { ...s, ...change } : s)) };
}

export function addSection(definition: QuestionnaireDefinition, title: string): QuestionnaireDefinition {
  const id = freshId(
    title,
    definition.sections.map((s) => s.id),
    "section",
  );
  return { ...definition, sections: [...definition.sections, { id, title, questions: [] }] };
}

/** A section goes with its questions; the last section stays (a definition has at least one). */
export function removeSection(definition: QuestionnaireDefinition, id: string): QuestionnaireDefinition {
  if (definition.sections.length <= 1) return definition;
  return { ...definition, sections: definition.sections.filter((s) => s.id !== id) };
}

/** A question of `type` and this label at the end of the section, with an id made from the label. */
export function addQuestion(
  definition: QuestionnaireDefinition,
  sectionId: string,
  type: QuestionType,
  label: string,
): { definition: QuestionnaireDefinition; id: string } {
  const id = freshId(
    label,
    allQuestions(definition).map((q) => q.id),
    "question",
  );
  const question = withType({ id, type: "short_text", label, required: false }, type);
  return {
    id,
    definition: {
      ...definition,
      sections: definition.sections.map((s) =>
        s.id === sectionId ? { ...s, questions: [...s.questions, question] } : s,
      ),
    },
  };
}

export function removeQuestion(definition: QuestionnaireDefinition, id: string): QuestionnaireDefinition {
  return {
    ...definition,
    sections: definition.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== id) })),
  };
}

/** One place up or down; past the edge of its section it goes to the end (or start) of the next one. */
export function moveQuestion(definition: QuestionnaireDefinition, id: string, by: -1 | 1): QuestionnaireDefinition {
  const sections = definition.sections.map((s) => ({ ...s, questions: [...s.questions] }));
  const s = sections.findIndex((section) => section.questions.some((q) => q.id === id));
  if (s < 0) return definition;
  const list = sections[s].questions;
  const i = list.findIndex((q) => q.id === id);
  const j = i + by;
  if (j >= 0 && j < list.length) [list[i], list[j]] = [list[j], list[i]];
  else {
    const target = sections[s + by];
    if (!target) return definition;
    const [moved] = list.splice(i, 1);
    if (by < 0) target.questions.push(moved);
    else target.questions.unshift(moved);
  }
  return { ...definition, sections };
}

/** The same question as another type: what both types share is kept (options between the two choice types). */
export function withType(question: Question, type: QuestionType): Question {
  const { id, label, labels, help, helps, required, visibleWhen, prefillFrom } = question;
  const base = { id, label, labels, help, helps, required, visibleWhen, prefillFrom };
  const options =
    question.type === "single_choice" || question.type === "multiple_choice"
      ? question.options
      : ([] as ChoiceOption[]);
  const maxLength = question.type === "short_text" || question.type === "long_text" ? question.maxLength : undefined;
  const unset = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  switch (type) {
    case "single_choice":
    case "multiple_choice":
      return unset({
        ...base,
        type,
        options: options.map((o) => (type === "single_choice" ? unset({ ...o, exclusive: undefined }) : o)),
      });
    case "short_text":
    case "long_text":
      return unset({ ...base, type, maxLength });
    case "choose_from_list":
      return unset({ ...base, type, list: "administrations" });
    case "note":
      return unset({ ...base, type, required: false });
    default:
      return unset({ ...base, type });
  }
}

/** Required or optional; a note has nothing to answer, so it stays optional. */
export function withRequired(question: Question, required: boolean): Question {
  return question.type === "note" ? question : { ...question, required };
}

function withOptions(question: Question, change: (options: ChoiceOption[]) => ChoiceOption[]): Question {
  if (question.type !== "single_choice" && question.type !== "multiple_choice") return question;
  return { ...question, options: change(question.options) };
}

/** A new option at the end; its id comes from this first label and stays when the label is reworded. */
export function addOption(question: Question, label: string): Question {
  return withOptions(question, (options) => [
    ...options,
    {
      value: freshId(
        label,
        options.map((o) => o.value),
        "option",
      ),
      label,
    },
  ]);
}

export function relabelOption(question: Question, value: string, label: string): Question {
  return withOptions(question, (options) => options.map((o) => (o.value === value ? { ...o, label } : o)));
}

export function removeOption(question: Question, value: string): Question {
  return withOptions(question, (options) => options.filter((o) => o.value !== value));
}

export function moveOption(question: Question, value: string, by: -1 | 1): Question {
  return withOptions(question, (options) => {
    const list = [...options];
    const i = list.findIndex((o) => o.value === value);
    const j = i + by;
    if (i < 0 || j < 0 || j >= list.length) return options;
    [list[i], list[j]] = [list[j], list[i]];
    return list;
  });
}

/** "Other — specify" and "stands alone" as switches; an unset switch leaves no `false` behind in the definition. */
export function setOptionRole(question: Question, value: string, role: "specify" | "exclusive", on: boolean): Question {
  return withOptions(question, (options) =>
    options.map((o) => {
      if (o.value !== value) return o;
      const { [role]: _dropped, ...rest } = o;
      return on ? { ...rest, [role]: true } : rest;
    }),
  );
}

/** One test of a visibility condition as the editor shows it: a question, a comparison and an option. */
export interface ConditionClause {
  question: string;
  test: "equals" | "not_equals" | "includes" | "not_includes";
  value: string;
}
/** The editor's form of a condition: clauses joined by and (`all`) or or (`any`). */
export interface ConditionForm {
  join: "all" | "any";
  clauses: ConditionClause[];
}

function clauseOf(condition: VisibilityCondition): ConditionClause | undefined {
  const negated = "not" in condition;
  const inner = negated ? condition.not : condition;
  if ("all" in inner || "any" in inner || "not" in inner) return undefined;
  if (inner.includes !== undefined)
    return { question: inner.question, test: negated ? "not_includes" : "includes", value: inner.includes };
  return { question: inner.question, test: negated ? "not_equals" : "equals", value: inner.equals ?? "" };
}

/** The condition as clauses, or undefined when it nests deeper than the editor's form (an imported XLSForm may). */
export function conditionForm(condition: VisibilityCondition | undefined): ConditionForm | undefined {
  if (condition === undefined) return { join: "all", clauses: [] };
  const parts = "all" in condition ? condition.all : "any" in condition ? condition.any : [condition];
  const clauses = parts.map(clauseOf);
  if (clauses.some((c) => c === undefined)) return undefined;
  return { join: "any" in condition ? "any" : "all", clauses: clauses as ConditionClause[] };
}

export function conditionFromForm(form: ConditionForm): VisibilityCondition | undefined {
  const parts = form.clauses.map((clause): VisibilityCondition => {
    const test: AnswerCondition = clause.test.endsWith("includes")
      ? { question: clause.question, includes: clause.value }
      : { question: clause.question, equals: clause.value };
    return clause.test.startsWith("not_") ? { not: test } : test;
  });
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return form.join === "all" ? { all: parts } : { any: parts };
}

/** The options a condition can test on a question: its choices, yes/no, or none for text. */
export function conditionValues(question: Question): { value: string; label: string }[] {
  if (question.type === "single_choice" || question.type === "multiple_choice") return question.options;
  if (question.type === "yes_no")
    return [
      { value: "yes", label: question.yesLabel ?? "Yes" },
      { value: "no", label: question.noLabel ?? "No" },
    ];
  return [];
}

/** The questions before `id` that a condition can test (those with options). */
export function questionsBefore(definition: QuestionnaireDefinition, id: string): Question[] {
  const list = allQuestions(definition);
  const index = list.findIndex((q) => q.id === id);
  return list.slice(0, index < 0 ? list.length : index).filter((q) => conditionValues(q).length > 0);
}

/** The publish checks' refusals, by question id (or section id), so each shows beside what it is about. */
export function problemsByPlace(
  definition: QuestionnaireDefinition,
  basedOn?: QuestionnaireDefinition,
  say?: SayCheck,
): { errors: Map<string, FieldIssue[]>; warnings: FieldIssue[] } {
  const check = checkForPublish(definition, basedOn, say);
  const errors = new Map<string, FieldIssue[]>();
  for (const issue of check.errors) {
    const [, s, , q] = issue.path.split(".");
    const section = definition.sections[Number(s)];
    const place = (q === undefined ? undefined : section?.questions[Number(q)]?.id) ?? section?.id ?? "questionnaire";
    errors.set(place, [...(errors.get(place) ?? []), issue]);
  }
  return { errors, warnings: check.warnings };
}
