// One question of a draft in the editor: text, type, hint, required, length limits, options and when it is shown.
import { For, Show } from "solid-js";
import type { FieldIssue } from "../../../shared/api";
import type { Question, QuestionType, QuestionnaireDefinition } from "../../../shared/questionnaire";
import { TEXT_LIMITS } from "../../../shared/questionnaire";
import {
  EDITABLE_TYPES,
  addOption,
  moveOption,
  relabelOption,
  removeOption,
  setOptionRole,
  withRequired,
  withType,
} from "../../../shared/questionnaireEditing";
import type { TextPlace } from "../../../shared/questionnaireLanguages";
import type { Language } from "../../i18n/languages";
import { ConditionEditor } from "./ConditionEditor";
import { TranslatableField } from "./TranslatableField";
import { editorText as t } from "./consoleText";

export interface QuestionEditorProps {
  definition: QuestionnaireDefinition;
  question: Question;
  problems: FieldIssue[];
  onChange: (change: (question: Question) => Question) => void;
  /** The language its texts are edited in (English, or a translation through `translate`). */
  language: Language;
  translate: (place: TextPlace, text: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** A number field's text as a definition value: blank means "no limit of our own". */
const numberOrUndefined = (text: string, whole: boolean): number | undefined => {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? (whole ? Math.trunc(n) : n) : undefined;
};

export function QuestionEditor(props: QuestionEditorProps) {
  const q = () => props.question;
  const id = (what: string) => `edit-${q().id}-${what}`;
  const types = (): QuestionType[] =>
    (EDITABLE_TYPES as readonly QuestionType[]).includes(q().type)
      ? [...EDITABLE_TYPES]
      : [...EDITABLE_TYPES, q().type];
  const set = (change: Partial<Question>) => props.onChange((question) => ({ ...question, ...change }) as Question);
  const options = () => {
    const question = q();
    return question.type === "single_choice" || question.type === "multiple_choice" ? question.options : [];
  };

  return (
    <fieldset class="card question-editor" data-edit-question={q().id}>
      <legend>
        {q().label} <span class="muted">({q().id})</span>
      </legend>
      <TranslatableField
        id={id("label")}
        label={t("questionText")}
        language={props.language}
        english={q().label}
        translations={q().labels}
        maxLength={1000}
        rows={2}
        onEnglish={(label) => set({ label })}
        onTranslation={(text) => props.translate({ kind: "questionLabel", question: q().id }, text)}
      />
      <label for={id("type")}>{t("type")}</label>
      <select
        id={id("type")}
        value={q().type}
        onChange={(e) => props.onChange((question) => withType(question, e.currentTarget.value as QuestionType))}
      >
        <For each={types()}>{(type) => <option value={type}>{t(`type_${type}`)}</option>}</For>
      </select>
      <TranslatableField
        id={id("help")}
        label={t("hint")}
        language={props.language}
        english={q().help ?? ""}
        translations={q().helps}
        maxLength={2000}
        rows={2}
        onEnglish={(help) => set({ help: help === "" ? undefined : help })}
        onTranslation={(text) => props.translate({ kind: "questionHint", question: q().id }, text)}
      />
      <Show when={q().type !== "note"}>
        <label class="choice">
          <input
            type="checkbox"
            checked={q().required}
            onChange={(e) => props.onChange((question) => withRequired(question, e.currentTarget.checked))}
          />
          <span>{t("answerRequired")}</span>
        </label>
      </Show>
      <Show when={q().type === "short_text" || q().type === "long_text"}>
        <label for={id("max")}>
          {t("longestAnswer", { limit: TEXT_LIMITS[q().type as "short_text" | "long_text"] })}
        </label>
        <input
          id={id("max")}
          type="number"
          inputmode="numeric"
          min={1}
          max={TEXT_LIMITS[q().type as "short_text" | "long_text"]}
          value={(q() as { maxLength?: number }).maxLength ?? ""}
          onInput={(e) => {
            // Within 1 and the phone's own limit: the phone never accepts more than that anyway.
            const typed = numberOrUndefined(e.currentTarget.value, true);
            const limit = TEXT_LIMITS[q().type as "short_text" | "long_text"];
            set({
              maxLength: typed === undefined ? undefined : Math.min(Math.max(typed, 1), limit),
            } as Partial<Question>);
          }}
        />
      </Show>
      <Show when={q().type === "integer" || q().type === "decimal"}>
        <label for={id("min")}>{t("smallestAnswer")}</label>
        <input
          id={id("min")}
          type="number"
          value={(q() as { min?: number }).min ?? ""}
          onInput={(e) =>
            set({ min: numberOrUndefined(e.currentTarget.value, q().type === "integer") } as Partial<Question>)
          }
        />
        <label for={id("max")}>{t("largestAnswer")}</label>
        <input
          id={id("max")}
          type="number"
          value={(q() as { max?: number }).max ?? ""}
          onInput={(e) =>
            set({ max: numberOrUndefined(e.currentTarget.value, q().type === "integer") } as Partial<Question>)
          }
        />
      </Show>
      <Show when={q().type === "yes_no"}>
        <label for={id("yes")}>{t("labelOfYes")}</label>
        <input
          id={id("yes")}
          value={(q() as { yesLabel?: string }).yesLabel ?? "Yes"}
          onInput={(e) => set({ yesLabel: e.currentTarget.value || undefined } as Partial<Question>)}
        />
        <label for={id("no")}>{t("labelOfNo")}</label>
        <input
          id={id("no")}
          value={(q() as { noLabel?: string }).noLabel ?? "No"}
          onInput={(e) => set({ noLabel: e.currentTarget.value || undefined } as Partial<Question>)}
        />
      </Show>
      <Show when={q().type === "single_choice" || q().type === "multiple_choice"}>
        <h4>{t("options")}</h4>
        <ol class="option-list">
          <For each={options()}>
            {(option, index) => (
              <li data-option={option.value}>
                <TranslatableField
                  id={id(`option-${option.value}`)}
                  label={
                    <>
                      {t("optionNumber", { number: index() + 1 })}{" "}
                      <span class="muted">{t("optionIdKept", { id: option.value })}</span>
                    </>
                  }
                  language={props.language}
                  english={option.label}
                  translations={option.labels}
                  maxLength={300}
                  onEnglish={(label) => props.onChange((question) => relabelOption(question, option.value, label))}
                  onTranslation={(text) =>
                    props.translate({ kind: "optionLabel", question: q().id, option: option.value }, text)
                  }
                />
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={Boolean(option.specify)}
                    onChange={(e) =>
                      props.onChange((question) =>
                        setOptionRole(question, option.value, "specify", e.currentTarget.checked),
                      )
                    }
                  />
                  <span>{t("otherSpecify")}</span>
                </label>
                <Show when={q().type === "multiple_choice"}>
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={Boolean(option.exclusive)}
                      onChange={(e) =>
                        props.onChange((question) =>
                          setOptionRole(question, option.value, "exclusive", e.currentTarget.checked),
                        )
                      }
                    />
                    <span>{t("standsAlone")}</span>
                  </label>
                </Show>
                <div class="button-row">
                  <button
                    type="button"
                    class="button small"
                    onClick={() => props.onChange((x) => moveOption(x, option.value, -1))}
                  >
                    {t("optionUp")}
                    <span class="visually-hidden">{t("whichOption", { number: index() + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    class="button small"
                    onClick={() => props.onChange((x) => moveOption(x, option.value, 1))}
                  >
                    {t("optionDown")}
                    <span class="visually-hidden">{t("whichOption", { number: index() + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    class="button small"
                    onClick={() => props.onChange((x) => removeOption(x, option.value))}
                  >
                    {t("optionRemove")}
                    <span class="visually-hidden">{t("whichOption", { number: index() + 1 })}</span>
                  </button>
                </div>
              </li>
            )}
          </For>
        </ol>
        <form
          class="add-option"
          onSubmit={(e) => {
            e.preventDefault();
            const input = e.currentTarget.elements.namedItem("label") as HTMLInputElement;
            const label = input.value.trim();
            if (label === "") return;
            props.onChange((question) => addOption(question, label));
            input.value = "";
          }}
        >
          <label for={id("new-option")}>{t("newOption")}</label>
          <input id={id("new-option")} name="label" maxLength={300} />
          <button type="submit" class="button small">
            {t("addOption")}
          </button>
        </form>
      </Show>
      <h4>{t("whenShown")}</h4>
      <ConditionEditor definition={props.definition} question={q()} onChange={(visibleWhen) => set({ visibleWhen })} />
      <Show when={props.problems.length > 0}>
        <ul class="field-error" data-testid="question-problems">
          <For each={props.problems}>{(p) => <li>{p.message}</li>}</For>
        </ul>
      </Show>
      <div class="button-row">
        <button type="button" class="button small" onClick={() => props.onMove(-1)}>
          {t("moveUp")}
          <span class="visually-hidden"> {q().id}</span>
        </button>
        <button type="button" class="button small" onClick={() => props.onMove(1)}>
          {t("moveDown")}
          <span class="visually-hidden"> {q().id}</span>
        </button>
        <button type="button" class="button small danger" onClick={() => props.onRemove()}>
          {t("removeQuestion")}
          <span class="visually-hidden"> {q().id}</span>
        </button>
      </div>
    </fieldset>
  );
}
