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
import { saidCheck, sayCheckInEnglish, type SayCheck } from "./questionnaireCheckWords";

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
  say: SayCheck,
): FieldIssue[] {
  const controller = earlier.get(condition.question);
  if (condition.question === question.id)
    return [{ path, code: "condition_on_itself", ...saidCheck(say, "checkConditionOnItself", { id: question.id }) }];
  if (!controller)
    return [
      {
        path,
        code: "condition_on_later_question",
        ...saidCheck(say, "checkConditionOnLater", { id: question.id, controller: condition.question }),
      },
    ];
  const hasEquals = condition.equals !== undefined;
  if (hasEquals === (condition.includes !== undefined))
    return [
      {
        path,
        code: "invalid_condition",
        ...saidCheck(say, "checkEqualsOrIncludes", { controller: condition.question }),
      },
    ];
  if (condition.includes !== undefined && controller.type !== "multiple_choice")
    return [
      {
        path,
        code: "invalid_condition",
        ...saidCheck(say, "checkIncludesNeedsMultiple", { controller: controller.id, type: controller.type }),
      },
    ];
  if (hasEquals && controller.type === "multiple_choice")
    return [
      {
        path,
        code: "invalid_condition",
        ...saidCheck(say, "checkUseIncludes", { controller: controller.id }),
      },
    ];
  const values = optionValues(controller);
  const value = condition.equals ?? condition.includes ?? "";
  if (values && !values.includes(value))
    return [
      {
        path,
        code: "unknown_option",
        ...saidCheck(say, "checkNoSuchOption", { controller: controller.id, option: value }),
      },
    ];
  return [];
}

/** The problems of a draft (English unless `say` words them in the console's language). */
export function checkForPublish(
  definition: QuestionnaireDefinition,
  basedOn?: QuestionnaireDefinition,
  say: SayCheck = sayCheckInEnglish,
): PublishCheck {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const sectionIds = new Set<string>();
  const earlier = new Map<string, Question>();
  definition.sections.forEach((section, s) => {
    if (sectionIds.has(section.id))
      errors.push({
        path: `sections.${s}.id`,
        code: "duplicate_id",
        ...saidCheck(say, "checkTwoSections", { id: section.id }),
      });
    sectionIds.add(section.id);
    section.questions.forEach((question, q) => {
      const path = `sections.${s}.questions.${q}`;
      if (earlier.has(question.id))
        errors.push({
          path: `${path}.id`,
          code: "duplicate_id",
          ...saidCheck(say, "checkTwoQuestions", { id: question.id }),
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
          ...saidCheck(say, "checkTwoOptions", { id: question.id, option: repeated }),
        });
      if (question.visibleWhen)
        for (const c of answerConditions(question.visibleWhen))
          errors.push(...conditionIssues(c, question, earlier, `${path}.visibleWhen`, say));
      if (TYPES_NOT_YET_RENDERED.includes(question.type)) {
        warnings.push({
          path: `${path}.type`,
          code: "not_shown_on_phone",
          ...saidCheck(say, "checkNotShownOnPhone", { id: question.id, type: question.type }),
        });
      }
      earlier.set(question.id, question);
    });
  });
  if (basedOn) warnings.push(...lostOptions(definition, basedOn, say));
  return { errors, warnings };
}

/** Options the earlier version had and this one dropped or renamed: its replies carry values the new version no longer knows. */
function lostOptions(
  definition: QuestionnaireDefinition,
  basedOn: QuestionnaireDefinition,
  say: SayCheck,
): FieldIssue[] {
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
        ...saidCheck(say, "checkOptionLost", { id: before.id, option: value, version: String(basedOn.version) }),
      });
    }
  }
  return out;
}
