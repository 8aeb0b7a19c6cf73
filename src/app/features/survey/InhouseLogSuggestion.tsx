// Offers the trainer's in-house log as answers to "follow-up actions"; nothing changes until they agree.
import { Show, createMemo, createSignal } from "solid-js";
import type { AnswerValue, Answers } from "../../../shared/answers";
import { isMultipleChoiceAnswer } from "../../../shared/answers";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { findQuestion } from "../../../shared/questionnaire";
import { toggleChoice } from "../../../shared/choiceToggle";
import { db } from "../../store/db";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { summariseSessions } from "./inhouseSummary";

// The follow-up questionnaire's ids for "organized an in-house workshop" and its description.
const ACTIONS_QUESTION = "followUpActions";
const INHOUSE_OPTION = "inhouse_workshop";
const DESCRIPTION_QUESTION = "actionsDescription";

export function InhouseLogSuggestion(props: { definition: QuestionnaireDefinition; answers: Answers; onApply: (questionId: string, value: AnswerValue) => void }) {
  const sessions = createLiveQuery(() => db.inhouseSessions.orderBy("date").toArray());
  const [dismissed, setDismissed] = createSignal(false);
  const applies = createMemo(() => {
    const question = findQuestion(props.definition, ACTIONS_QUESTION);
    return question?.type === "multiple_choice" && question.options.some((o) => o.value === INHOUSE_OPTION);
  });
  const summary = () => summariseSessions(sessions() ?? []);
  const alreadyUsed = () => {
    const actions = props.answers[ACTIONS_QUESTION];
    const description = props.answers[DESCRIPTION_QUESTION];
    return isMultipleChoiceAnswer(actions) && actions.choices.includes(INHOUSE_OPTION) && typeof description === "string" && description.includes(summary());
  };
  const apply = () => {
    const question = findQuestion(props.definition, ACTIONS_QUESTION);
    const actions = props.answers[ACTIONS_QUESTION];
    const current = isMultipleChoiceAnswer(actions) ? actions : { choices: [] };
    // Ticking "in-house workshop" unticks an exclusive "none yet", as it would on screen.
    const { answer } = toggleChoice(question?.type === "multiple_choice" ? question.options : [], current, INHOUSE_OPTION, true);
    if (answer) props.onApply(ACTIONS_QUESTION, answer);
    const description = props.answers[DESCRIPTION_QUESTION];
    const before = typeof description === "string" && description.trim() ? `${description.trim()}\n` : "";
    if (findQuestion(props.definition, DESCRIPTION_QUESTION)) props.onApply(DESCRIPTION_QUESTION, `${before}${summary()}`);
  };
  return (
    <Show when={applies() && !dismissed() && (sessions() ?? []).length > 0 && !alreadyUsed()}>
      <div class="banner banner-info" role="region" aria-label="From your in-house workshop log" data-testid="inhouse-suggestion">
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
  );
}
