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
import type { TextPlace } from "../../../shared/questionnaireLanguages";
import type { Language } from "../../i18n/languages";
import { QuestionEditor } from "./QuestionEditor";
import { TranslatableField } from "./TranslatableField";
import { editorText as t } from "./consoleText";

export function SectionEditor(props: {
  definition: QuestionnaireDefinition;
  sectionId: string;
  title: string;
  titles: Record<string, string> | undefined;
  description: string | undefined;
  descriptions: Record<string, string> | undefined;
  questions: Question[];
  problems: Map<string, FieldIssue[]>;
  /** The language its texts are edited in (English, or a translation through `translate`). */
  language: Language;
  translate: (place: TextPlace, text: string) => void;
  apply: (change: (d: QuestionnaireDefinition) => QuestionnaireDefinition) => void;
  changeQuestion: (id: string) => (change: (q: Question) => Question) => void;
}) {
  const id = (what: string) => `section-${props.sectionId}-${what}`;
  const [newType, setNewType] = createSignal<QuestionType>("short_text");
  return (
    <section class="section-editor" aria-labelledby={id("heading")} data-edit-section={props.sectionId}>
      <h2 id={id("heading")}>{t("sectionHeading", { title: props.title })}</h2>
      <TranslatableField
        id={id("title")}
        label={t("sectionTitle")}
        language={props.language}
        english={props.title}
        translations={props.titles}
        maxLength={300}
        onEnglish={(title) => {
          const sectionId = props.sectionId;
          props.apply((d) => updateSection(d, sectionId, { title }));
        }}
        onTranslation={(text) => props.translate({ kind: "sectionTitle", section: props.sectionId }, text)}
      />
      <TranslatableField
        id={id("description")}
        label={t("sectionDescription")}
        language={props.language}
        english={props.description ?? ""}
        translations={props.descriptions}
        maxLength={2000}
        rows={2}
        onEnglish={(text) => {
          const [sectionId, description] = [props.sectionId, text || undefined];
          props.apply((d) => updateSection(d, sectionId, { description }));
        }}
        onTranslation={(text) => props.translate({ kind: "sectionDescription", section: props.sectionId }, text)}
      />
      <For each={props.problems.get(props.sectionId) ?? []}>{(p) => <p class="field-error">{p.message}</p>}</For>
      <For each={props.questions}>
        {(question) => (
          <QuestionEditor
            definition={props.definition}
            question={question}
            problems={props.problems.get(question.id) ?? []}
            onChange={props.changeQuestion(question.id)}
            language={props.language}
            translate={props.translate}
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
