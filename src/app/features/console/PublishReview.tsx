// What publishing a draft would freeze, read before it is published: every change since the version it came from (one
// sentence each, translations included), the publish warnings, and the button that publishes.
import { For, Show } from "solid-js";
import type { FieldIssue } from "../../../shared/api";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { diffDefinitions } from "../../../shared/questionnaireDiff";
import { editorText as t } from "./consoleText";

export function PublishReview(props: {
  definition: QuestionnaireDefinition;
  basedOn: QuestionnaireDefinition | undefined;
  from: number | null;
  version: number;
  warnings: FieldIssue[];
  onPublish: () => void;
  onKeepEditing: () => void;
}) {
  const changes = () => (props.basedOn ? diffDefinitions(props.basedOn, props.definition, t) : []);
  return (
    <section class="card" aria-labelledby="diff-heading" data-testid="publish-diff">
      <h2 id="diff-heading">
        {t("diffHeading", { from: props.from ?? t("noEarlierVersion"), version: props.version })}
      </h2>
      <Show when={props.basedOn} fallback={<p>{t("notMadeFromAnother")}</p>}>
        <Show when={changes().length > 0} fallback={<p>{t("nothingChanged")}</p>}>
          <ul>
            <For each={changes()}>{(c) => <li class={`change-${c.kind}`}>{c.text}</li>}</For>
          </ul>
        </Show>
      </Show>
      <For each={props.warnings}>{(w) => <p class="muted">{t("note", { message: w.message })}</p>}</For>
      <p>{t("neverChangesOncePublished")}</p>
      <div class="button-row">
        <button type="button" class="button primary" onClick={() => props.onPublish()}>
          {t("publishVersion", { version: props.version })}
        </button>
        <button type="button" class="button" onClick={() => props.onKeepEditing()}>
          {t("keepEditing")}
        </button>
      </div>
    </section>
  );
}
