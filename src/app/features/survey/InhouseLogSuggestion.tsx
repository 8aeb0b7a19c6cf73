// Offers the trainer's in-house log as answers to "follow-up actions"; nothing changes until they agree.
import { Show, createSignal } from "solid-js";
import type { AnswerValue, Answers } from "../../../shared/answers";
import {
  answersHoldInhouseSummary,
  inhouseLogTarget,
  inhouseSummaryAnswers,
  questionnaireTakesInhouseLog,
} from "../../../shared/inhouseSuggestion";
import { findQuestion, type QuestionnaireDefinition } from "../../../shared/questionnaire";
import { inChosenLanguage } from "../../i18n/questionnaireText";
import { t } from "../../i18n/trainerMessages";
import { listInhouseSessions } from "../../store/inhouseLog";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { summariseSessions } from "./inhouseSummary";

export function InhouseLogSuggestion(props: {
  definition: QuestionnaireDefinition;
  answers: Answers;
  onApply: (questionId: string, value: AnswerValue) => void;
}) {
  const sessions = createLiveQuery(() => listInhouseSessions("oldest_first"));
  const [dismissed, setDismissed] = createSignal(false);
  const [added, setAdded] = createSignal(false);
  const applies = () => questionnaireTakesInhouseLog(props.definition);
  // The option it ticks, named as the participant reads it in the form.
  const option = () => {
    const target = inhouseLogTarget(props.definition);
    const question = target && findQuestion(props.definition, target.question);
    const ticked =
      question?.type === "multiple_choice" ? question.options.find((o) => o.value === target!.option) : undefined;
    return ticked ? inChosenLanguage(ticked.label, ticked.labels) : "";
  };
  const summary = () => summariseSessions(sessions() ?? []);
  const apply = () => {
    for (const [questionId, value] of inhouseSummaryAnswers(props.definition, props.answers, summary()))
      props.onApply(questionId, value);
    setAdded(true);
  };
  return (
    <>
      <p role="status" data-testid="inhouse-added">
        {added() ? t("inhouseAdded", { option: option() }) : ""}
      </p>
      <Show
        when={
          applies() &&
          !dismissed() &&
          (sessions() ?? []).length > 0 &&
          !answersHoldInhouseSummary(props.definition, props.answers, summary())
        }
      >
        <div class="banner banner-info" role="region" aria-label={t("inhouseFromLog")} data-testid="inhouse-suggestion">
          <p>
            <strong>{t("inhouseFromLogLead")}</strong> {summary()}
          </p>
          <p>{t("inhouseOffer", { option: option() })}</p>
          <div class="button-row">
            <button type="button" class="button primary" onClick={apply}>
              {t("inhouseAccept")}
            </button>
            <button type="button" class="button" onClick={() => setDismissed(true)}>
              {t("inhouseDecline")}
            </button>
          </div>
        </div>
      </Show>
    </>
  );
}
