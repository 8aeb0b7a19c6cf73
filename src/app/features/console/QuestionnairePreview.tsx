// The draft as a participant will see it: the phone's own question component in a 360 px frame, answerable, with
// conditions and answer checks applied as the questions are answered. Answers here are never saved or sent.
import { For, Show, createResource, createSignal } from "solid-js";
import type { AnswerValue, Answers } from "../../../shared/answers";
import { validateAnswer } from "../../../shared/answerValidation";
import type { Administration } from "../../../shared/directory";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { isQuestionVisible } from "../../../shared/visibility";
import { consoleRequest } from "../../sync/consoleClient";
import { QuestionField } from "../survey/QuestionField";

export function QuestionnairePreview(props: { definition: QuestionnaireDefinition }) {
  const [answers, setAnswers] = createSignal<Answers>({});
  const [touched, setTouched] = createSignal<Set<string>>(new Set());
  const [administrations] = createResource(async () => {
    const result = await consoleRequest<{ administrations: Administration[] }>("GET", "/administrations");
    return result.ok ? result.body.administrations : [];
  });
  const setAnswer = (id: string, value: AnswerValue | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  const codes = () => (administrations() ?? []).map((a) => a.code);

  return (
    <section class="questionnaire-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview at 360 px</h2>
      <p class="muted">Answer it as a participant would; nothing here is saved.</p>
      <div class="preview-frame" data-testid="preview">
        <p class="preview-title">{props.definition.title}</p>
        <For each={props.definition.sections}>
          {(section) => (
            <div class="preview-section">
              <h3>{section.title}</h3>
              <Show when={section.description}>
                <p class="help">{section.description}</p>
              </Show>
              <For each={section.questions.filter((q) => isQuestionVisible(q, answers(), props.definition))}>
                {(question) => (
                  <QuestionField
                    question={question}
                    value={answers()[question.id]}
                    administrations={administrations() ?? []}
                    error={
                      touched().has(question.id)
                        ? validateAnswer(question, answers()[question.id], { lists: { administrations: codes() } })[0]
                            ?.message
                        : undefined
                    }
                    onChange={(value) => setAnswer(question.id, value)}
                    onBlur={() => setTouched((t) => new Set([...t, question.id]))}
                  />
                )}
              </For>
            </div>
          )}
        </For>
      </div>
      <button type="button" class="button small" onClick={() => (setAnswers({}), setTouched(new Set<string>()))}>
        Clear the preview's answers
      </button>
    </section>
  );
}
