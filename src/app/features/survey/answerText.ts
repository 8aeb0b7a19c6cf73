// How an answer reads back on the review step and the reply page.
import type { AnswerValue } from "../../../shared/answers";
import { isMultipleChoiceAnswer } from "../../../shared/answers";
import type { Administration } from "../../../shared/directory";
import type { Question } from "../../../shared/questionnaire";
import { t } from "../../i18n/coreMessages";
import { inChosenLanguage } from "../../i18n/questionnaireText";

export function answerText(
  question: Question,
  value: AnswerValue | undefined,
  administrations: Administration[],
): string {
  if (value === undefined) return "—";
  if (isMultipleChoiceAnswer(value)) {
    const options = question.type === "multiple_choice" ? question.options : [];
    const labels = value.choices.map((c) => {
      const option = options.find((o) => o.value === c);
      const label = option ? inChosenLanguage(option.label, option.labels) : c;
      return option?.specify && value.specify ? `${label}: ${value.specify}` : label;
    });
    return labels.length > 0 ? labels.join("; ") : "—";
  }
  if (question.type === "yes_no")
    return value === "yes" ? (question.yesLabel ?? t("yes")) : value === "no" ? (question.noLabel ?? t("no")) : value;
  if (question.type === "single_choice") {
    const option = question.options.find((o) => o.value === value);
    return option ? inChosenLanguage(option.label, option.labels) : value;
  }
  if (question.type === "choose_from_list") return administrations.find((a) => a.code === value)?.name ?? value;
  return value.trim().length > 0 ? value : "—";
}
