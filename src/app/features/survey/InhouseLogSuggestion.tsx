// Offers the trainer's in-house log as answers to "follow-up actions"; nothing changes until they agree.
import { Show, createSignal } from "solid-js";
import type { AnswerValue, Answers } from "../../../shared/answers";
import {
  answersHoldInhouseSummary,
  inhouseSummaryAnswers,
  questionnaireTakesInhouseLog,
} from "../../../shared/inhouseSuggestion";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
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
  const summary = () => summariseSessions(sessions() ?? []);
  const apply = () => {
    for (const [questionId, value] of inhouseSummaryAnswers(props.definition, props.answers, summary()))
      props.onApply(questionId, value);
    setAdded(true);
  };
  return (
    <>
      <p role="status" data-testid="inhouse-added">
        {added() ? 'Added to your answers: "Organized an in-house workshop" and the sessions below it.' : ""}
      </p>
      <Show
        when={
          applies() &&
          !dismissed() &&
          (sessions() ?? []).length > 0 &&
          !answersHoldInhouseSummary(props.definition, props.answers, summary())
        }
      >
        <div
          class="banner banner-info"
          role="region"
          aria-label="From your in-house workshop log"
          data-testid="inhouse-suggestion"
        >
          <p>
            <strong>From your in-house workshop log:</strong> {summary()}
          </p>
          <p>Add "Organized an in-house workshop" and this description to your answers? You can still edit them.</p>
          <div class="button-row">
            <button type="button" class="button primary" onClick={apply}>
              Add to my answers
            </button>
            <button type="button" class="button" onClick={() => setDismissed(true)}>
              No, thanks
            </button>
          </div>
        </div>
      </Show>
    </>
  );
}
