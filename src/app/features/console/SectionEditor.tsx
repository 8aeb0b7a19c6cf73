// One section of a draft in the editor: its title and description, its questions, and adding a question to it.
import { For, Show, createSignal } from "solid-js";
import type { FieldIssue } from "../../../shared/api";
import type { Question, QuestionType, QuestionnaireDefinition } from "../../../shared/questionnaire";
import {
  EDITABLE_TYPES,
  addQuestion,
  moveQuestion,
  removeQuestion,
  removeSection,
  updateSection,
} from "../../../shared/questionnaireEditing";
import { QuestionEditor } from "./QuestionEditor";
import { editorText as t } from "./consoleText";

export function SectionEditor(props: {
  definition: QuestionnaireDefinition;
  sectionId: string;
  title: string;
  description: string | undefined;
  questions: Question[];
  problems: Map<string, FieldIssue[]>;
  apply: (change: (d: QuestionnaireDefinition) => QuestionnaireDefinition) => void;
  changeQuestion: (id: string) => (change: (q: Question) => Question) => void;
}) {
  const id = (what: string) => `section-${props.sectionId}-${what}`;
  const [newType, setNewType] = createSignal<QuestionType>("short_text");
  return (
    <section class="section-editor" aria-labelledby={id("heading")} data-edit-section={props.sectionId}>
      <h2 id={id("heading")}>{t("sectionHeading", { title: props.title })}</h2>
      <label for={id("title")}>{t("sectionTitle")}</label>
      <input
        id={id("title")}
        maxLength={300}
        value={props.title}
        onInput={(e) => {
          const [sectionId, title] = [props.sectionId, e.currentTarget.value];
          props.apply((d) => updateSection(d, sectionId, { title }));
        }}
      />
      <label for={id("description")}>{t("sectionDescription")}</label>
      <textarea
        id={id("description")}
        rows={2}
        maxLength={2000}
        value={props.description ?? ""}
        onInput={(e) => {
          const [sectionId, description] = [props.sectionId, e.currentTarget.value || undefined];
          props.apply((d) => updateSection(d, sectionId, { description }));
        }}
      />
      <For each={props.problems.get(props.sectionId) ?? []}>{(p) => <p class="field-error">{p.message}</p>}</For>
      <For each={props.questions}>
        {(question) => (
          <QuestionEditor
            definition={props.definition}
            question={question}
            problems={props.problems.get(question.id) ?? []}
            onChange={props.changeQuestion(question.id)}
            onMove={(by) => props.apply((d) => moveQuestion(d, question.id, by))}
            onRemove={() => props.apply((d) => removeQuestion(d, question.id))}
          />
        )}
      </For>
      <form
        class="add-question"
        onSubmit={(e) => {
          e.preventDefault();
          const input = e.currentTarget.elements.namedItem("label") as HTMLInputElement;
          const label = input.value.trim();
          if (label === "") return;
          const [sectionId, type] = [props.sectionId, newType()];
          props.apply((d) => addQuestion(d, sectionId, type, label).definition);
          input.value = "";
        }}
      >
        <label for={id("new-question")}>{t("newQuestionIn", { title: props.title })}</label>
        <input id={id("new-question")} name="label" maxLength={1000} />
        <label for={id("new-type")}>{t("itsType")}</label>
        <select
          id={id("new-type")}
          value={newType()}
          onChange={(e) => setNewType(e.currentTarget.value as QuestionType)}
        >
          <For each={EDITABLE_TYPES}>{(type) => <option value={type}>{t(`type_${type}`)}</option>}</For>
        </select>
        <div class="button-row">
          <button type="submit" class="button small">
            {t("addQuestion")}
          </button>
          <Show when={props.definition.sections.length > 1}>
            <button
              type="button"
              class="button small danger"
              onClick={() => {
                const sectionId = props.sectionId;
                props.apply((d) => removeSection(d, sectionId));
              }}
            >
              {t("removeSection", { title: props.title })}
            </button>
          </Show>
        </div>
      </form>
    </section>
  );
}
