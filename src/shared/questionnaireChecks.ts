// What publishing a questionnaire version checks beyond its schema: unique ids, conditions on earlier questions only,
// and (as warnings) options lost since the version it came from and question types the phone does not show yet.
import type { FieldIssue } from "./api";
import {
  TYPES_NOT_YET_RENDERED,
  allQuestions,
  type AnswerCondition,
  type Question,
  type QuestionnaireDefinition,
  type VisibilityCondition,
} from "./questionnaire";

export interface PublishCheck {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

function answerConditions(condition: VisibilityCondition): AnswerCondition[] {
  if ("all" in condition) return condition.all.flatMap(answerConditions);
  if ("any" in condition) return condition.any.flatMap(answerConditions);
  if ("not" in condition) return answerConditions(condition.not);
  return [condition];
}

function optionValues(question: Question): string[] | undefined {
  if (question.type === "single_choice" || question.type === "multiple_choice")
    return question.options.map((o) => o.value);
  if (question.type === "yes_no") return ["yes", "no"];
  return undefined;
}

/** Problems with one condition of `question`, given the questions before it. */
function conditionIssues(
  condition: AnswerCondition,
  question: Question,
  earlier: Map<string, Question>,
  path: string,
): FieldIssue[] {
  const controller = earlier.get(condition.question);
  if (condition.question === question.id)
    return [
      { path, code: "condition_on_itself", message: `"${question.id}" cannot be shown depending on its own answer.` },
    ];
  if (!controller)
    return [
      {
        path,
        code: "condition_on_later_question",
        message: `"${question.id}" depends on "${condition.question}", which is not a question before it.`,
      },
    ];
  const hasEquals = condition.equals !== undefined;
  if (hasEquals === (condition.includes !== undefined))
    return [
      {
        path,
        code: "invalid_condition",
        message: `The condition on "${condition.question}" needs exactly one of "equals" or "includes".`,
      },
    ];
  if (condition.includes !== undefined && controller.type !== "multiple_choice")
    return [
      {
        path,
        code: "invalid_condition",
        message: `"includes" only applies to a multiple-choice question; "${controller.id}" is ${controller.type}.`,
      },
    ];
  if (hasEquals && controller.type === "multiple_choice")
    return [
      {
        path,
        code: "invalid_condition",
        message: `"${controller.id}" allows several answers: use "includes", not "equals".`,
      },
    ];
  const values = optionValues(controller);
  const value = condition.equals ?? condition.includes ?? "";
  if (values && !values.includes(value))
    return [{ path, code: "unknown_option", message: `"${controller.id}" has no option "${value}".` }];
  return [];
}

export function checkForPublish(definition: QuestionnaireDefinition, basedOn?: QuestionnaireDefinition): PublishCheck {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const sectionIds = new Set<string>();
  const earlier = new Map<string, Question>();
  definition.sections.forEach((section, s) => {
    if (sectionIds.has(section.id))
      errors.push({
        path: `sections.${s}.id`,
        code: "duplicate_id",
        message: `Two sections are called "${section.id}".`,
      });
    sectionIds.add(section.id);
    section.questions.forEach((question, q) => {
      const path = `sections.${s}.questions.${q}`;
      if (earlier.has(question.id))
        errors.push({
          path: `${path}.id`,
          code: "duplicate_id",
          message: `Two questions are called "${question.id}".`,
        });
      const values =
        question.type === "single_choice" || question.type === "multiple_choice"
          ? question.options.map((o) => o.value)
          : [];
      const repeated = values.find((v, i) => values.indexOf(v) !== i);
      if (repeated)
        errors.push({
          path: `${path}.options`,
          code: "duplicate_id",
          message: `"${question.id}" has two options "${repeated}".`,
        });
      if (question.visibleWhen)
        for (const c of answerConditions(question.visibleWhen))
          errors.push(...conditionIssues(c, question, earlier, `${path}.visibleWhen`));
      if (TYPES_NOT_YET_RENDERED.includes(question.type)) {
        warnings.push({
          path: `${path}.type`,
          code: "not_shown_on_phone",
          message: `"${question.id}" is a ${question.type} question, which the phone's form does not display yet.`,
        });
      }
      earlier.set(question.id, question);
    });
  });
  if (basedOn) warnings.push(...lostOptions(definition, basedOn));
  return { errors, warnings };
}

/** Options the earlier version had and this one dropped or renamed: its replies carry values the new version no longer knows. */
function lostOptions(definition: QuestionnaireDefinition, basedOn: QuestionnaireDefinition): FieldIssue[] {
  const now = new Map(allQuestions(definition).map((q) => [q.id, q]));
  const out: FieldIssue[] = [];
  for (const before of allQuestions(basedOn)) {
    const after = now.get(before.id);
    const old = optionValues(before);
    const current = after && optionValues(after);
    if (!old || !current) continue;
    for (const value of old.filter((v) => !current.includes(v))) {
      out.push({
        path: before.id,
        code: "option_removed",
        message: `"${before.id}" no longer has option "${value}" (version ${basedOn.version} had it): reports comparing versions will not match it up.`,
      });
    }
  }
  return out;
}
