// One question of any type, rendered from its definition: the only place that knows how each type looks.
import { For, Match, Show, Switch, createSignal } from "solid-js";
import type { AnswerValue, MultipleChoiceAnswer } from "../../../shared/answers";
import { isMultipleChoiceAnswer } from "../../../shared/answers";
import type { Administration } from "../../../shared/directory";
import { SUB_REGIONS, SUB_REGION_NAMES } from "../../../shared/directory";
import type { ChoiceOption, Question } from "../../../shared/questionnaire";
import { TEXT_LIMITS } from "../../../shared/questionnaire";
import { toggleChoice } from "../../../shared/choiceToggle";
import { t } from "../../i18n/coreMessages";
import { inChosenLanguage } from "../../i18n/questionnaireText";

export interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  error?: string;
  administrations: Administration[];
  onChange: (value: AnswerValue | undefined) => void;
  onBlur: () => void;
}

const fieldId = (question: Question) => `q-${question.id}`;

/**
 * A group of options counts as left only when focus goes outside the whole question: moving from
 * "Other" to its "please specify" box, or between options, is still answering it.
 */
function leftTheQuestion(event: FocusEvent): boolean {
  const question = (event.currentTarget as HTMLElement | null)?.closest(".question");
  const next = event.relatedTarget as Node | null;
  return !question || !next || !question.contains(next);
}

export function QuestionField(props: QuestionFieldProps) {
  const q = () => props.question;
  const label = () => inChosenLanguage(q().label, q().labels);
  const help = () => q().help && inChosenLanguage(q().help ?? "", q().helps);
  const describedBy = () =>
    [q().help ? `${fieldId(q())}-help` : "", props.error ? `${fieldId(q())}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const text = () => (typeof props.value === "string" ? props.value : "");
  const setText = (value: string) => props.onChange(value.length > 0 ? value : undefined);
  const common = () => ({
    id: fieldId(q()),
    name: q().id,
    "aria-describedby": describedBy(),
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-required": q().required ? ("true" as const) : undefined,
    onBlur: () => props.onBlur(),
  });

  const isGroup = () => ["single_choice", "multiple_choice", "yes_no"].includes(q().type);

  return (
    <div class="question" classList={{ invalid: Boolean(props.error) }} data-question={q().id}>
      <Show
        when={isGroup()}
        fallback={
          <label class="question-label" for={fieldId(q())}>
            {label()}
            <RequiredMark required={q().required} />
          </label>
        }
      >
        <span class="question-label" id={`${fieldId(q())}-label`}>
          {label()}
          <RequiredMark required={q().required} />
        </span>
      </Show>
      <Show when={help()}>
        <p class="help" id={`${fieldId(q())}-help`}>
          {help()}
        </p>
      </Show>
      <Switch>
        <Match when={q().type === "short_text"}>
          <input
            {...common()}
            type="text"
            value={text()}
            maxLength={(q() as { maxLength?: number }).maxLength ?? TEXT_LIMITS.short_text}
            onInput={(e) => setText(e.currentTarget.value)}
            autocomplete={q().id === "name" ? "name" : "off"}
          />
        </Match>
        <Match when={q().type === "email"}>
          <input
            {...common()}
            type="email"
            inputmode="email"
            autocomplete="email"
            value={text()}
            maxLength={TEXT_LIMITS.email}
            onInput={(e) => setText(e.currentTarget.value.trim())}
          />
        </Match>
        <Match when={q().type === "long_text"}>
          <LongText {...props} common={common()} />
        </Match>
        <Match when={q().type === "choose_from_list"}>
          <select {...common()} value={text()} onChange={(e) => setText(e.currentTarget.value)}>
            <option value="">{t("choose")}</option>
            <For each={SUB_REGIONS}>
              {(region) => (
                <optgroup label={SUB_REGION_NAMES[region]}>
                  <For each={props.administrations.filter((a) => a.subRegion === region)}>
                    {(a) => (
                      <option value={a.code} selected={a.code === text()}>
                        {a.name}
                      </option>
                    )}
                  </For>
                </optgroup>
              )}
            </For>
          </select>
        </Match>
        <Match when={q().type === "yes_no" || q().type === "single_choice"}>
          <div
            class="choices"
            role="radiogroup"
            aria-labelledby={`${fieldId(q())}-label`}
            aria-describedby={describedBy()}
            aria-required={q().required}
          >
            <For each={singleOptions(q())}>
              {(option, index) => (
                <label class="choice">
                  <input
                    type="radio"
                    id={index() === 0 ? fieldId(q()) : undefined}
                    name={q().id}
                    value={option.value}
                    checked={text() === option.value}
                    onChange={() => props.onChange(option.value)}
                    onBlur={(e) => leftTheQuestion(e) && props.onBlur()}
                  />
                  <span>{inChosenLanguage(option.label, option.labels)}</span>
                </label>
              )}
            </For>
          </div>
        </Match>
        <Match when={q().type === "multiple_choice"}>
          <MultipleChoice {...props} describedBy={describedBy()} />
        </Match>
      </Switch>
      <Show when={props.error}>
        <p class="field-error" id={`${fieldId(q())}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

function RequiredMark(props: { required: boolean }) {
  return (
    <Show when={props.required} fallback={<span class="optional">{t("optional")}</span>}>
      <span class="required" aria-hidden="true">
        {" "}
        *
      </span>
      <span class="visually-hidden">{t("required")}</span>
    </Show>
  );
}

function singleOptions(question: Question): ChoiceOption[] {
  if (question.type === "yes_no")
    return [
      { value: "yes", label: question.yesLabel ?? t("yes") },
      { value: "no", label: question.noLabel ?? t("no") },
    ];
  if (question.type === "single_choice") return question.options;
  return [];
}

function LongText(props: QuestionFieldProps & { common: Record<string, unknown> }) {
  const limit = () => (props.question as { maxLength?: number }).maxLength ?? TEXT_LIMITS.long_text;
  const text = () => (typeof props.value === "string" ? props.value : "");
  return (
    <>
      <textarea
        {...props.common}
        rows={5}
        value={text()}
        onInput={(e) => props.onChange(e.currentTarget.value.length > 0 ? e.currentTarget.value : undefined)}
      />
      <Show when={text().length > limit() * 0.8}>
        <p class="help" classList={{ "field-error": text().length > limit() }}>
          {t("charactersOf", { count: text().length, limit: limit() })}
        </p>
      </Show>
    </>
  );
}

function MultipleChoice(props: QuestionFieldProps & { describedBy?: string }) {
  const current = (): MultipleChoiceAnswer => (isMultipleChoiceAnswer(props.value) ? props.value : { choices: [] });
  const options = () => (props.question.type === "multiple_choice" ? props.question.options : []);
  const [clearedNote, setClearedNote] = createSignal("");
  const toggle = (value: string, checked: boolean) => {
    const { answer, cleared } = toggleChoice(options(), current(), value, checked);
    const labels = cleared.map((c) => {
      const option = options().find((o) => o.value === c);
      return option ? inChosenLanguage(option.label, option.labels) : c;
    });
    setClearedNote(labels.length > 0 ? t("unticked", { options: labels.join("; ") }) : "");
    props.onChange(answer);
  };
  return (
    <div
      class="choices"
      role="group"
      aria-labelledby={`q-${props.question.id}-label`}
      aria-describedby={props.describedBy}
    >
      <For each={options()}>
        {(option, index) => (
          <>
            <label class="choice" classList={{ "choice-exclusive": Boolean(option.exclusive) }}>
              <input
                type="checkbox"
                id={index() === 0 ? `q-${props.question.id}` : undefined}
                name={props.question.id}
                value={option.value}
                checked={current().choices.includes(option.value)}
                onChange={(e) => toggle(option.value, e.currentTarget.checked)}
                onBlur={(e) => leftTheQuestion(e) && props.onBlur()}
              />
              <span>{inChosenLanguage(option.label, option.labels)}</span>
            </label>
            <Show when={option.specify && current().choices.includes(option.value)}>
              <label class="specify">
                <span>{t("pleaseSpecify")}</span>
                <input
                  type="text"
                  name={`${props.question.id}-specify`}
                  value={current().specify ?? ""}
                  maxLength={500}
                  onInput={(e) => props.onChange({ choices: current().choices, specify: e.currentTarget.value })}
                  onBlur={(e) => leftTheQuestion(e) && props.onBlur()}
                />
              </label>
            </Show>
          </>
        )}
      </For>
      <p class="help" role="status" aria-live="polite" data-testid="choices-cleared">
        {clearedNote()}
      </p>
    </div>
  );
}
